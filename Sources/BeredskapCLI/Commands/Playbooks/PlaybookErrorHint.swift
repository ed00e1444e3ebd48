import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON

/// The lines after a playbook, run or silence error that say what to fix or where to look
/// (`APIErrorHint` asks here first).
enum PlaybookErrorHint {
    static func hint(for body: APIErrorBody) -> Text? {
        switch body.knownCode {
        case .invalidDefinition: return problems(body.error.details)
        case .conflict: return run(body.error.details)
        case .invalidField: return closestKnown(body.error.details) ?? about(body.error.details)
        default: return nil
        }
    }

    /// "Did you mean facility/refstad?" when the daemon refused a value that matches nothing
    /// (a silence's rule or subject, a run's subject) and listed the known ones
    /// (`details.known`), one of which is a likely typo away from `details.value` — unless a
    /// suggestion was made already (`details.suggestion`).
    static func closestKnown(_ details: JSONValue) -> Text? {
        guard details["suggestion"] == nil, let value = details["value"]?.stringValue,
            let known = details["known"]?.arrayValue?.compactMap(\.stringValue),
            let closest = Suggestion.closest(to: value, among: known)
        else { return nil }
        return Text("Did you mean \(closest)?", nb: "Mente du \(closest)?")
    }

    /// Every problem of a refused playbook set, one per line as `file: field: message` (or
    /// `file: message` for a problem with the file as a whole), in the reader's language: the
    /// daemon's message names only the first, and fixing one file at a time is slow.
    static func problems(_ details: JSONValue) -> Text? {
        guard let problems = details["problems"]?.arrayValue, !problems.isEmpty else { return nil }
        func lines(_ messageKey: String) -> String {
            problems.map { problem in
                let file = problem["file"]?.stringValue ?? "?"
                let field = problem["field"]?.stringValue ?? ""
                let message = problem[messageKey]?.stringValue ?? problem["message"]?.stringValue ?? ""
                return field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
            }.joined(separator: "\n")
        }
        return Text(lines("message"), nb: lines("message_nb"))
    }

    /// A card started by hand that names its subject or alert (`details.placeholders`): the
    /// options that say what it is about.
    static func about(_ details: JSONValue) -> Text? {
        guard details["placeholders"] != nil else { return nil }
        if details["field"]?.stringValue == "alert" {
            return Text("Start it about an alert: --alert N (beredskap alerts lists them).",
                        nb: "Start det om et varsel: --alert N (beredskap alerts viser dem).")
        }
        return Text("Start it about an alert (--alert N) or a subject (--subject facility/refstad).",
                    nb: "Start det om et varsel (--alert N) eller et subjekt (--subject facility/refstad).")
    }

    /// A conflict with a run (`details.run`): a second start for an alert that has one, or a
    /// step that is not ready. Its steps as they are now say what can be done instead.
    static func run(_ details: JSONValue) -> Text? {
        guard let run = details["run"]?.intValue else { return nil }
        return Text("See the run: beredskap run show \(run)", nb: "Se kjøringen: beredskap run show \(run)")
    }
}
