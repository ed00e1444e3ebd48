import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// The `beredskap` program: parse, find the daemon, run the command, exit with a meaning.
public enum CLI {
    /// Every runnable command's action, by its path (`facility list`), from the one list of commands.
    static let commands = Command.actions(of: CommandTree.commands)

    public static let parser = ArgumentParser(root: CommandTree.root, globalOptions: CommandTree.globalOptions)

    /// Runs the CLI and returns its exit code. Whatever it prints on either stream ends with
    /// a newline.
    public static func run(
        arguments: [String], environment: [String: String], isTTY: Bool, columns: Int,
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) -> Int32 {
        let out = LineTerminatedStream(write), err = LineTerminatedStream(writeError)
        defer {
            out.finish()
            err.finish()
        }
        return execute(
            arguments: arguments, environment: environment, isTTY: isTTY, columns: columns,
            write: out.callAsFunction, writeError: err.callAsFunction)
    }

    private static func execute(
        arguments: [String], environment: [String: String], isTTY: Bool, columns: Int,
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) -> Int32 {
        // Decided before parsing, so that a usage error is already in the right language and
        // format (`--json` errors are JSON too).
        let globals = parser.scanGlobals(arguments)
        let language = globals.value("lang").flatMap(Language.init(identifier:)) ?? Language.fromEnvironment(environment)
        let format: Output.Format = globals.flag("json") ? .json : globals.flag("csv") ? .csv : .human
        let style = TextStyle.detect(isTTY: isTTY, environment: environment, noColorFlag: globals.flag("no-color"))
        // The client connects only when a command first asks the daemon something.
        let candidates = SocketLocator.candidates(option: globals.value("socket"), environment: environment)
        let client = BeredskapClient(socketPaths: candidates.map(\.path), language: language)
        defer { client.close() }
        // Tables fit the terminal; into a pipe or a file nothing is cut short.
        let output = Output(
            language: language, style: format == .human ? style : TextStyle(enabled: false), format: format,
            width: isTTY ? columns : Output.unlimitedWidth, zone: { try? client.timeZone() },
            write: write, writeError: writeError)
        let outcome: ParseOutcome
        do {
            outcome = try parser.parse(arguments)
        } catch {
            return fail(.usage(error, parser: parser), output)
        }
        switch outcome {
        case .help(let path):
            write(parser.help(for: path, language: language, width: columns))
            return ExitCode.ok.rawValue
        case .version:
            write("beredskap \(APIContract.serverVersion)\n")
            return ExitCode.ok.rawValue
        case .run(let parsed):
            if parsed.flag("json") && parsed.flag("csv") {
                return fail(.usage(parsed.usageError(Text(
                    "--json and --csv exclude each other", nb: "--json og --csv utelukker hverandre")), parser: parser), output)
            }
            guard let command = commands[parsed.path.joined(separator: " ")] else {
                write(parser.help(for: parsed.path, language: language, width: columns))
                return ExitCode.ok.rawValue
            }
            let context = CommandContext(parsed: parsed, client: client, output: output, environment: environment)
            if let unknown = CommandInputs.unknownFilterValue(in: parsed, client: client) {
                return fail(.usage(unknown, parser: parser), output)
            }
            do {
                try command(context)
                return ExitCode.ok.rawValue
            } catch {
                return fail(report(error, context: context, candidates: candidates), output)
            }
        }
    }

    private static func fail(_ failure: FailureReport, _ output: Output) -> Int32 {
        output.report(failure)
        return failure.exitCode.rawValue
    }

    static func report(_ failure: CommandFailure, context: CommandContext, candidates: [SocketLocator.Candidate]) -> FailureReport {
        switch failure {
        case .usage(let error):
            return .usage(error, parser: parser)
        case .report(let report):
            return report
        case .client(.connection(let error)):
            return .connection(error, candidates: candidates)
        case .client(.api(let status, let body)):
            return .api(
                status: status, body: body, parsed: context.parsed, spec: parser.resolve(context.parsed.path).command,
                client: context.client)
        case .client(.unexpected(let status, let body)):
            return .unexpected(status: status, body: body)
        }
    }
}
