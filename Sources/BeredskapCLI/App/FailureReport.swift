import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON

/// An error as `beredskap` reports it: in the API's shape (a stable code, a message and
/// details), with the lines people get after the message, and the exit code.
///
/// Why one type for every failure: with `--json` a script reads exactly one JSON object on
/// stderr whatever went wrong (a usage error, a daemon it cannot reach, a refusal), and people
/// read the same facts as sentences. The exit code follows from the kind of mistake (README,
/// "Exit codes"), not from whether the CLI or the daemon noticed it.
struct FailureReport {
    var code: String
    var message: Text
    var details = JSONObject()
    /// Lines after the message, for people (the facts are in `details` for scripts).
    var hints: [Text] = []
    /// Whether people see the code after the message: the daemon's codes, which API.md explains.
    var showsCode = false
    var exitCode: ExitCode

    /// The CLI's own codes beside the API's, for `--json` (README, "Errors").
    enum Code {
        static let usage = "usage"
        static let unreachable = "unreachable"
        static let unexpectedResponse = "unexpected_response"
    }

    /// `{"error":{"code":…,"message":…,"details":{…}}}` on one line.
    func json(_ language: Language) -> String {
        JSONValue.object([
            "error": .object(JSONObject([
                ("code", .string(code)), ("message", .string(message(language))), ("details", .object(details)),
            ])),
        ]).serializedString()
    }
}

extension Output {
    /// Writes a failure to stderr: one JSON object with `--json`, otherwise the message and its hints.
    func report(_ failure: FailureReport) {
        guard format != .json else { return error(failure.json(language)) }
        error(style.red("beredskap: " + failure.message(language)) + (failure.showsCode ? style.dim(" (\(failure.code))") : ""))
        for hint in failure.hints { error(hint(language)) }
    }
}

// MARK: - From each kind of failure

extension FailureReport {
    /// A command line the CLI could not understand; nothing was sent (exit 2).
    static func usage(_ error: UsageError, parser: ArgumentParser) -> FailureReport {
        FailureReport(
            code: Code.usage, message: error.message,
            details: JSONObject([("command", .string(parser.commandName(error.commandPath)))]),
            hints: [parser.helpHint(for: error)], exitCode: .usage)
    }

    static func unexpected(status: Int, body: String) -> FailureReport {
        FailureReport(
            code: Code.unexpectedResponse,
            message: Text(
                "unexpected answer from beredskapd (HTTP \(status)): \(body.prefix(200))",
                nb: "uventet svar fra beredskapd (HTTP \(status)): \(body.prefix(200))"),
            details: JSONObject([("status", .integer(Int64(status)))]), exitCode: .refused)
    }

    /// A connection that failed after the socket answered, or could not be used at all.
    static func connection(_ error: ClientConnectionError, candidates: [SocketLocator.Candidate]) -> FailureReport {
        if case .unreachable(let attempts) = error { return unreachable(attempts, candidates: candidates) }
        return FailureReport(
            code: Code.unreachable,
            message: Text("lost the connection to beredskapd: \(error)", nb: "mistet forbindelsen med beredskapd: \(error)"),
            details: JSONObject([("reason", .string(error.description))]), exitCode: .unreachable)
    }

    /// No socket answered: every path tried and why it failed. A permission error says what
    /// to do about it (join the socket's group), since starting a daemon would not help.
    static func unreachable(_ attempts: [SocketAttempt], candidates: [SocketLocator.Candidate]) -> FailureReport {
        let tried = attempts.map { attempt -> (SocketAttempt, Text) in
            let origin = candidates.first { $0.path == attempt.path }?.originText
            return (attempt, origin.map { Text(" (\($0.en))", nb: " (\($0.nb))") } ?? Text("", nb: ""))
        }
        let lines = tried.map { attempt, origin in Text("  ", nb: "  ") + Text(attempt.path, nb: attempt.path) + origin + Text(": ", nb: ": ") + problemText(attempt.problem) }
        var details = JSONObject()
        details["tried"] = .array(tried.map { attempt, _ in
            var entry = JSONObject([("path", .string(attempt.path)), ("problem", .string(attempt.problem.code))])
            if let origin = candidates.first(where: { $0.path == attempt.path })?.origin { entry["via"] = .string(origin.rawValue) }
            if case .permissionDenied(let group?) = attempt.problem { entry["group"] = .string(group) }
            return .object(entry)
        })
        let triedHeading = Text("Tried:", nb: "Prøvde:")
        if let denied = attempts.first(where: { if case .permissionDenied = $0.problem { true } else { false } }) {
            var advice = Text(
                "You lack access to the socket, so the daemon is probably running: ask an administrator to add you to the socket's group, then log in again.",
                nb: "Du mangler tilgang til socketen, så tjenesten kjører trolig: be en administrator legge deg til i socketens gruppe, og logg inn på nytt.")
            if case .permissionDenied(let group?) = denied.problem {
                advice = Text(
                    "You lack access to the socket, so the daemon is probably running: ask an administrator to add you to the group \(group) (sudo usermod -aG \(group) USER), then log in again.",
                    nb: "Du mangler tilgang til socketen, så tjenesten kjører trolig: be en administrator legge deg til i gruppen \(group) (sudo usermod -aG \(group) BRUKER), og logg inn på nytt.")
            }
            return FailureReport(
                code: Code.unreachable,
                message: Text(
                    "permission denied on beredskapd's socket \(denied.path)",
                    nb: "ingen tilgang til beredskapds socket \(denied.path)"),
                details: details, hints: [triedHeading] + lines + [advice], exitCode: .unreachable)
        }
        let advice = Text(
            """
            Start the daemon in the checkout with `swift run beredskapd`, or the service with `systemctl start beredskapd`;
            or name the socket with --socket PATH or BEREDSKAP_SOCKET.
            """,
            nb: """
            Start tjenesten i kildekoden med `swift run beredskapd`, eller tjenesten med `systemctl start beredskapd`;
            eller oppgi socketen med --socket PATH eller BEREDSKAP_SOCKET.
            """)
        return FailureReport(
            code: Code.unreachable,
            message: Text("cannot reach beredskapd", nb: "får ikke kontakt med beredskapd"),
            details: details, hints: [triedHeading] + lines + [advice], exitCode: .unreachable)
    }

    private static func problemText(_ problem: SocketAttempt.Problem) -> Text {
        switch problem {
        case .missing: return Text("no such file", nb: "finnes ikke")
        case .notASocket: return Text("not a socket", nb: "er ikke en socket")
        case .refused: return Text(
            "a socket, but no daemon listens on it (stopped or crashed)",
            nb: "en socket, men ingen tjeneste lytter på den (stoppet eller krasjet)")
        case .permissionDenied(let group):
            let owner = group.map { Text(" (group \($0))", nb: " (gruppe \($0))") } ?? Text("", nb: "")
            return Text("permission denied", nb: "ingen tilgang") + owner
        case .pathTooLong: return Text("the path is too long for a socket", nb: "stien er for lang for en socket")
        case .other(let text): return Text(text, nb: text)
        }
    }
}

extension ExitCode {
    /// The word for the code in JSON errors that have no API code of their own.
    var name: String {
        switch self {
        case .ok: "ok"
        case .refused: "refused"
        case .usage: FailureReport.Code.usage
        case .unreachable: FailureReport.Code.unreachable
        case .forbidden: "forbidden"
        case .missed: "missed"
        case .interrupted: "interrupted"
        }
    }
}
