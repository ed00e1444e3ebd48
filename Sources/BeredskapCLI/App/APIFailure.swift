import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

extension FailureReport {
    /// The daemon's refusal in the words of the command line: the field it names becomes the
    /// option or argument (`expires_at` → `--expires`), an unknown id gets the nearest known
    /// one ("did you mean refstad?"), and the exit code says whose mistake it was:
    ///
    /// - 2: what was typed is wrong: an id that does not exist (`not_found`), or a value the
    ///   daemon refused (`invalid_field` naming an option or argument that was given);
    /// - 4: the caller lacks the permission (`forbidden`);
    /// - 1: a valid request the daemon refused in its present state (a conflict, the cap).
    ///
    /// The code and the daemon's details stay as they were; `details.option` and
    /// `details.suggestion` are added.
    static func api(
        status: Int, body: APIErrorBody, parsed: ParsedCommand, spec: CommandSpec, client: BeredskapClient
    ) -> FailureReport {
        let code = body.knownCode
        var message = body.error.message
        var details = body.error.details.objectValue ?? JSONObject()
        let inputs = CommandInputs.inputs(of: parsed, spec: spec).map(\.input)
        var named: CommandInputs.Resolved?
        var known: [String]?
        if let field = details["field"]?.stringValue, let input = CommandInputs.input(forField: field, of: parsed, spec: spec) {
            named = input
            if message.hasPrefix(field + ": ") { message = input.display + message.dropFirst(field.count) }
        } else if let id = details["id"].flatMap(identifier) {
            named = inputs.first { $0.typed == id }
        } else if code == .notFound {
            // No id in the details (a step of a run): the id input whose value the daemon does not list.
            for input in inputs where input.typed != nil {
                guard let kind = input.ids else { continue }
                let candidates = CommandInputs.candidates(kind, parsed: parsed, client: client)
                if let typed = input.typed, !candidates.isEmpty, !candidates.contains(typed) {
                    (named, known) = (input, candidates)
                    break
                }
            }
        }
        var suggestion: String?
        if let named, let kind = named.ids, let typed = named.typed, code == .notFound || code == .invalidField {
            suggestion = Suggestion.likelyID(for: typed, among: known ?? CommandInputs.candidates(kind, parsed: parsed, client: client))
        }
        if let named { details["option"] = .string(named.display) }
        var text = Text(message, nb: message)
        if let suggestion {
            details["suggestion"] = .string(suggestion)
            text = text + Text("; did you mean \(suggestion)?", nb: "; mente du \(suggestion)?")
        }
        let typedWrong = code == .notFound || (code == .invalidField && named?.typed != nil)
        var withOptions = body
        withOptions.error.details = .object(details)
        return FailureReport(
            code: body.error.code, message: text, details: details, hints: APIErrorHint.hint(for: withOptions).map { [$0] } ?? [],
            showsCode: true, exitCode: status == 403 ? .forbidden : typedWrong ? .usage : .refused)
    }

    /// An id in the details as it was typed: a string, or a number (alerts, runs).
    private static func identifier(_ value: JSONValue) -> String? {
        value.stringValue ?? value.intValue.map(String.init)
    }
}
