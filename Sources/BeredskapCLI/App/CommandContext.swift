import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// What a command gets: its parsed arguments, the client, and where to print.
public struct CommandContext {
    public let parsed: ParsedCommand
    public let client: BeredskapClient
    public let output: Output
    public let environment: [String: String]

    public var language: Language { output.language }

    /// A fresh idempotency key: one per invocation, reused if the client retries.
    public func idempotencyKey() -> String { "cli-" + UUID().uuidString.lowercased() }
}

/// Why a command stopped, mapped to the exit codes.
enum CommandFailure: Error {
    case usage(UsageError)
    case client(ClientError)
    /// A refusal of the CLI itself, with its code and details for `--json`.
    case report(FailureReport)

    /// A refusal the message alone explains; its code is the exit code's name (`refused`).
    static func message(_ text: Text, _ exitCode: ExitCode) -> CommandFailure {
        .report(FailureReport(code: exitCode.name, message: text, exitCode: exitCode))
    }
}
