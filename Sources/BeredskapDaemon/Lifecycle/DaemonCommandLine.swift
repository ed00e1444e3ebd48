/// `beredskapd`'s few options. Hand-parsed: the daemon takes a handful of flags and nothing else.
public struct DaemonOptions: Sendable, Equatable {
    public var configFile: String?
    public var stateDirectory: String?
    public var socketPath: String?
    public var playbooksDirectory: String?

    public init(
        configFile: String? = nil, stateDirectory: String? = nil, socketPath: String? = nil, playbooksDirectory: String? = nil
    ) {
        self.configFile = configFile
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath
        self.playbooksDirectory = playbooksDirectory
    }
}

public enum DaemonCommandLine {
    public enum Action: Sendable, Equatable {
        case run(DaemonOptions)
        case checkConfig(DaemonOptions)
        /// Replace the state with a backup file, then exit.
        case restore(DaemonOptions, file: String)
        case printConfig
        case help
        case version
    }

    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { "\(message)\nRun 'beredskapd --help' for the options." }
    }

    /// One option `beredskapd` takes, as help and its manual page describe it. `parse` takes
    /// exactly these (`DaemonCommandLineTests` checks), so the help and the man page
    /// (`beredskap man beredskapd`) cannot list an option the daemon refuses or miss one.
    public struct Option: Sendable, Equatable {
        public let name: String
        /// The placeholder of its value; nil for a flag.
        public let value: String?
        public let help: String
    }

    public static let summary = "the preparedness daemon for Oslo's refugee reception (beredskap)"

    /// The ways to call it, without the program's name.
    public static let synopsis = [
        "[--config FILE] [--state-dir DIR] [--socket PATH] [--playbooks DIR] [--check-config]",
        "--restore BACKUP [--config FILE] [--state-dir DIR]",
    ]

    public static let description = """
        Runs on the configuration compiled into it (Config/beredskap.json5) unless --config
        names another, keeps its state in ./.beredskap/ and listens on
        ./.beredskap/beredskap.sock. Talk to it with the `beredskap` CLI.
        """

    public static let options: [Option] = [
        Option(name: "--config", value: "FILE", help: "read the configuration from FILE instead of the embedded default"),
        Option(name: "--state-dir", value: "DIR", help: "keep the database in DIR (overrides state.directory)"),
        Option(name: "--socket", value: "PATH", help: "listen on PATH (overrides socket.path)"),
        Option(name: "--playbooks", value: "DIR", help: "read the action cards from DIR (overrides playbooks.directory)"),
        Option(name: "--check-config", value: nil, help: "validate the configuration and the playbooks and exit: 0 valid, 1 not"),
        Option(name: "--print-config", value: nil, help: "print the embedded default configuration (a template) and exit"),
        Option(
            name: "--restore", value: "BACKUP",
            help: """
                replace the state with BACKUP (a file from `beredskap backup`), checked first; the daemon \
                must not be running. The state it replaces is kept beside it as state.db.before-restore-TIME. Exit.
                """),
        Option(name: "--version", value: nil, help: "print the version and exit"),
        Option(name: "-h, --help", value: nil, help: "show this help"),
    ]

    public static let signals = """
        SIGTERM/SIGINT stop gracefully; SIGHUP reloads --config (an invalid file is refused and the
        running configuration stays).
        """

    /// The process exit status of `beredskapd`; service managers and scripts read it.
    public enum ExitStatus: Int32, Sendable, CaseIterable {
        /// A clean stop after a signal, or a check, a restore or a print that succeeded.
        case ok = 0
        /// It could not start, or the configuration (or the backup) is invalid.
        case failed = 1
        /// The command line is wrong.
        case usage = 2

        public var meaning: String {
            switch self {
            case .ok: "stopped cleanly after SIGTERM or SIGINT; or --check-config, --restore, --print-config succeeded"
            case .failed: "could not start (the message says why), or the configuration or the backup is invalid"
            case .usage: "the command line is wrong"
            }
        }
    }

    /// `--help`: every part above, the options aligned.
    public static var usage: String {
        let labels = options.map { $0.name + ($0.value.map { " " + $0 } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        let column = 2 + width
        let rows = zip(labels, options).map { label, option in
            // Wrapped at 92 columns, continuation lines under the description's first word.
            var lines = [""]
            for word in option.help.split(separator: " ") {
                if !lines[lines.count - 1].isEmpty, column + lines[lines.count - 1].count + 1 + word.count > 92 { lines.append("") }
                lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : " ") + word
            }
            let indent = String(repeating: " ", count: column)
            return "  " + label + String(repeating: " ", count: width - label.count) + lines.joined(separator: "\n" + indent)
        }
        let calls = synopsis.enumerated().map { index, line in (index == 0 ? "Usage: " : "       ") + "beredskapd " + line }
        return (["beredskapd — \(summary)", "", calls.joined(separator: "\n"), "", description, "", "Options:"] + rows
            + ["", "Signals: " + signals]).joined(separator: "\n")
    }

    public static func parse(_ arguments: [String]) throws(UsageError) -> Action {
        var options = DaemonOptions()
        var check = false
        var restore: String?
        var index = 0
        func value(for name: String, inline: String?) throws(UsageError) -> String {
            if let inline {
                guard !inline.isEmpty else { throw UsageError(message: "\(name) needs a value") }
                return inline
            }
            index += 1
            guard index < arguments.count, !arguments[index].isEmpty else {
                throw UsageError(message: "\(name) needs a value")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline): (String, String?) = argument.hasPrefix("--") && argument.contains("=")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                : (argument, nil)
            switch name {
            case "-h", "--help": return .help
            case "--version": return .version
            case "--print-config": return .printConfig
            case "--check-config": check = true
            case "--restore": restore = try value(for: name, inline: inline)
            case "--config": options.configFile = try value(for: name, inline: inline)
            case "--state-dir": options.stateDirectory = try value(for: name, inline: inline)
            case "--socket": options.socketPath = try value(for: name, inline: inline)
            case "--playbooks": options.playbooksDirectory = try value(for: name, inline: inline)
            default: throw UsageError(message: "unknown option: \(argument)")
            }
            if inline != nil && ["--check-config"].contains(name) {
                throw UsageError(message: "\(name) takes no value")
            }
            index += 1
        }
        if let restore {
            guard !check else { throw UsageError(message: "--restore and --check-config cannot be used together") }
            return .restore(options, file: restore)
        }
        return check ? .checkConfig(options) : .run(options)
    }
}
