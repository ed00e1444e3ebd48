import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sending figures the daemon may find implausible (more people than the facility has
/// places, a time more than 90 days back): it answers 409 with `details.reason =
/// "implausible"` unless the request says `force`.
///
/// Why ask rather than refuse: such figures are sometimes real (an over-full night, an import
/// of last season). With `--force` they are sent confirmed. Without it, a person at a terminal
/// is shown what looks wrong and asked; on yes the same request goes again, confirmed. A
/// script (no terminal) is refused with exit 1 and told about `--force`, so nothing is
/// recorded by a pipeline that nobody looked at.
enum Confirmation {
    /// `--force`, on every command that records or amends figures.
    static let forceOption = OptionSpec.flag("force", help: Text(
        "record it even if it looks like a mistake (more people than places, a time more than 90 days ago); without it you are asked",
        nb: "registrer selv om det ser ut som en feil (flere personer enn plasser, et tidspunkt mer enn 90 dager siden); uten spørres du"))

    /// Sends with `send(force, idempotencyKey)`, asking when the daemon finds it implausible.
    /// `describe` turns the refusal into one line per problem (nil: not an implausibility).
    static func send<T>(
        _ context: CommandContext, describe: (APIErrorBody) -> [Text]? = problems(in:),
        _ send: (_ force: Bool?, _ idempotencyKey: String) throws(ClientError) -> T
    ) throws(CommandFailure) -> T {
        let forced = context.parsed.flag("force")
        do {
            return try send(forced ? true : nil, context.idempotencyKey())
        } catch {
            guard !forced, case .api(_, let body) = error, body.error.details["reason"]?.stringValue == "implausible",
                let problems = describe(body)
            else { throw .client(error) }
            guard let answer = Prompt.terminal else {
                // Scripts reading JSON get the daemon's error as it is.
                if context.output.format == .json { throw .client(error) }
                throw .message(refusal(problems), .refused)
            }
            guard isYes(answer(question(problems)(context.language))) else {
                throw .message(Text("Nothing was recorded.", nb: "Ingenting ble registrert."), .refused)
            }
            return try call { () throws(ClientError) in try send(true, context.idempotencyKey()) }
        }
    }

    /// One line per problem the daemon named (`details.problems`).
    static func problems(in body: APIErrorBody) -> [Text]? {
        let items = body.error.details["problems"]?.arrayValue ?? []
        guard !items.isEmpty else { return nil }
        return items.map { item in
            let message = item["message"]?.stringValue ?? body.error.message
            return Text(message, nb: item["message_nb"]?.stringValue ?? message)
        }
    }

    static func question(_ problems: [Text]) -> Text {
        Text("This looks like a mistake:", nb: "Dette ser ut som en feil:") + lines(problems)
            + Text("\nRecord it anyway? [y/N] ", nb: "\nRegistrere likevel? [j/N] ")
    }

    static func refusal(_ problems: [Text]) -> Text {
        Text("this looks like a mistake, so nothing was recorded:", nb: "dette ser ut som en feil, så ingenting ble registrert:")
            + lines(problems)
            + Text("\nIf it is right, run the command again with --force.", nb: "\nHvis det stemmer, kjør kommandoen på nytt med --force.")
    }

    private static func lines(_ problems: [Text]) -> Text {
        problems.reduce(Text("", nb: "")) { $0 + Text("\n  ", nb: "\n  ") + $1 }
    }

    /// Yes in either language: `y`, `yes`, `j`, `ja` (any case); anything else, or nothing, is no.
    static func isYes(_ answer: String?) -> Bool {
        guard let answer = answer?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["y", "yes", "j", "ja"].contains(answer)
    }
}

/// Asking a person at the terminal.
enum Prompt {
    /// Writes the question to standard error and reads one line from standard input; nil when
    /// either is not a terminal (there is nobody to ask).
    static var terminal: ((String) -> String?)? {
        guard Terminal.isTerminal(STDIN_FILENO), Terminal.isTerminal(STDERR_FILENO) else { return nil }
        return { question in
            FileHandle.standardError.write(Data(question.utf8))
            return readLine()
        }
    }
}

