import BeredskapAPI
import BeredskapCore
import BeredskapJSON

/// The lines after a playbook or run error that say what to fix or where to look
/// (`APIErrorHint` asks here first).
enum PlaybookErrorHint {
    static func hint(for body: APIErrorBody) -> Text? {
        switch body.knownCode {
        case .invalidDefinition: return problems(body.error.details)
        case .conflict: return existingRun(body.error.details)
        default: return nil
        }
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

    /// A second manual start for an alert that has a run: where that run is.
    static func existingRun(_ details: JSONValue) -> Text? {
        guard let run = details["run"]?.intValue else { return nil }
        return Text("See the run that exists with: beredskap run show \(run)", nb: "Se kjøringen som finnes med: beredskap run show \(run)")
    }
}
