import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// The `beredskap` program: parse, find the daemon, run the command, exit with a meaning.
public enum CLI {
    typealias Command = @Sendable (CommandContext) throws(CommandFailure) -> Void

    static let commands: [String: Command] = [
        "status": ServiceCommands.status,
        "health": ServiceCommands.health,
        "metrics": ServiceCommands.metrics,
        "version": ServiceCommands.version,
        "events": EventCommands.events,
        "log add": LogCommands.add,
        "log list": LogCommands.list,
        "audit": AuditCommand.run,
        "facility list": FacilityCommands.list,
        "facility show": FacilityCommands.show,
        "facility add": FacilityCommands.add,
        "facility set": FacilityCommands.set,
        "arrival record": FlowCommands.recordArrival,
        "departure record": FlowCommands.recordDeparture,
        "occupancy report": FlowCommands.reportOccupancy,
        "arrival list": RecordCommands.list(.arrivals),
        "arrival void": RecordCommands.void(.arrivals),
        "arrival amend": RecordCommands.amend(.arrivals),
        "departure list": RecordCommands.list(.departures),
        "departure void": RecordCommands.void(.departures),
        "departure amend": RecordCommands.amend(.departures),
        "occupancy list": RecordCommands.list(.occupancy),
        "occupancy void": RecordCommands.void(.occupancy),
        "occupancy amend": RecordCommands.amend(.occupancy),
        "capacity": PictureCommands.capacity,
        "surge": PictureCommands.surge,
        "history arrivals": HistoryCommands.arrivals,
        "history occupancy": HistoryCommands.occupancy,
        "import arrivals": ImportCommands.arrivals,
        "import occupancy": ImportCommands.occupancy,
        "districts": DistrictCommands.list,
        "seed": SeedCommand.run,
        "alerts": AlertCommands.list,
        "alert show": AlertCommands.show,
        "alert ack": AlertCommands.acknowledge,
        "rules": AlertCommands.rules,
        "notification list": NotificationCommands.list,
        "notification retry": NotificationCommands.retry,
        "notification test": NotificationCommands.test,
        "silence add": SilenceCommands.add,
        "silence list": SilenceCommands.list,
        "silence expire": SilenceCommands.expire,
        "playbook list": PlaybookCommands.list,
        "playbook show": PlaybookCommands.show,
        "playbook run": PlaybookCommands.start,
        "playbook reload": PlaybookCommands.reload,
        "run list": RunCommands.list,
        "run show": RunCommands.show,
        "run complete": RunCommands.complete,
        "run skip": RunCommands.skip,
        "run abort": RunCommands.abort,
        "watch": WatchCommand.run,
    ]

    public static let parser = ArgumentParser(root: CommandTree.root, globalOptions: CommandTree.globalOptions)

    /// Runs the CLI and returns its exit code.
    public static func run(
        arguments: [String], environment: [String: String], isTTY: Bool, columns: Int,
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) -> Int32 {
        let globals = parser.scanGlobals(arguments)
        let language = globals.value("lang").flatMap(Language.init(identifier:)) ?? Language.fromEnvironment(environment)
        let outcome: ParseOutcome
        do {
            outcome = try parser.parse(arguments)
        } catch {
            writeError(parser.report(error, language: language))
            return ExitCode.usage.rawValue
        }
        switch outcome {
        case .help(let path):
            write(parser.help(for: path, language: language, width: columns))
            return ExitCode.ok.rawValue
        case .version:
            write("beredskap \(APIContract.serverVersion)\n")
            return ExitCode.ok.rawValue
        case .run(let parsed):
            if let lang = parsed.value("lang"), Language(identifier: lang) == nil {
                writeError(parser.report(parsed.usageError(Text(
                    "--lang must be en or nb, not '\(lang)'", nb: "--lang må være en eller nb, ikke «\(lang)»")), language: language))
                return ExitCode.usage.rawValue
            }
            if parsed.flag("json") && parsed.flag("csv") {
                writeError(parser.report(parsed.usageError(Text(
                    "--json and --csv exclude each other", nb: "--json og --csv utelukker hverandre")), language: language))
                return ExitCode.usage.rawValue
            }
            guard let command = commands[parsed.path.joined(separator: " ")] else {
                write(parser.help(for: parsed.path, language: language, width: columns))
                return ExitCode.ok.rawValue
            }
            let socket = SocketLocator.locate(option: parsed.value("socket"), environment: environment)
            let format: Output.Format = parsed.flag("json") ? .json : parsed.flag("csv") ? .csv : .human
            let style = TextStyle.detect(isTTY: isTTY, environment: environment, noColorFlag: parsed.flag("no-color"))
            // Tables fit the terminal; into a pipe or a file nothing is cut short.
            let output = Output(
                language: language, style: format == .human ? style : TextStyle(enabled: false), format: format,
                width: isTTY ? columns : Output.unlimitedWidth, write: write, writeError: writeError)
            let client = BeredskapClient(socketPath: socket, language: language)
            defer { client.close() }
            do {
                try command(CommandContext(parsed: parsed, client: client, output: output, environment: environment))
                return ExitCode.ok.rawValue
            } catch {
                return report(error, socket: socket, output: output)
            }
        }
    }

    static func report(_ failure: CommandFailure, socket: String, output: Output) -> Int32 {
        let style = output.style
        switch failure {
        case .usage(let error):
            output.error(parser.report(error, language: output.language).trimmingCharacters(in: .newlines))
            return ExitCode.usage.rawValue
        case .message(let text, let code):
            output.error(text(output.language))
            return code.rawValue
        case .client(.connection(let error)):
            output.error(style.red(Text("beredskap: cannot reach beredskapd: \(error)", nb: "beredskap: får ikke kontakt med beredskapd: \(error)")(output.language)))
            output.error(Text(
                """
                Socket: \(socket) (choose another with --socket or BEREDSKAP_SOCKET).
                Start the daemon in the checkout with `swift run beredskapd`, or the service with `systemctl start beredskapd`.
                """,
                nb: """
                Socket: \(socket) (velg en annen med --socket eller BEREDSKAP_SOCKET).
                Start tjenesten i kildekoden med `swift run beredskapd`, eller tjenesten med `systemctl start beredskapd`.
                """)(output.language))
            return ExitCode.unreachable.rawValue
        case .client(.api(let status, let body)):
            if output.format == .json, let bytes = try? JSONValueEncoder().encodeBytes(body) {
                output.error(String(decoding: bytes, as: UTF8.self))
            } else {
                output.error(style.red("beredskap: \(body.error.message)") + style.dim(" (\(body.error.code))"))
                if let hint = APIErrorHint.hint(for: body) { output.error(hint(output.language)) }
            }
            return status == 403 ? ExitCode.forbidden.rawValue : ExitCode.refused.rawValue
        case .client(let other):
            output.error(style.red("beredskap: \(other)"))
            return ExitCode.refused.rawValue
        }
    }
}
