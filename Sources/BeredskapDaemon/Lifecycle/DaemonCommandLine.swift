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

    public static let usage = """
        beredskapd — the preparedness daemon for Oslo's refugee reception (beredskap)

        Usage: beredskapd [--config FILE] [--state-dir DIR] [--socket PATH] [--check-config]
               beredskapd --restore BACKUP [--config FILE] [--state-dir DIR]

        Runs on the configuration compiled into it (Config/beredskap.json5) unless --config
        names another, keeps its state in ./.beredskap/ and listens on
        ./.beredskap/beredskap.sock. Talk to it with the `beredskap` CLI.

        Options:
          --config FILE     read the configuration from FILE instead of the embedded default
          --state-dir DIR   keep the database in DIR (overrides state.directory)
          --socket PATH     listen on PATH (overrides socket.path)
          --playbooks DIR   read the action cards from DIR (overrides playbooks.directory)
          --check-config    validate the configuration and the playbooks and exit: 0 valid, 1 not
          --print-config    print the embedded default configuration (a template) and exit
          --restore BACKUP  replace the state with BACKUP (a file from `beredskap backup`),
                            checked first; the daemon must not be running. The state it
                            replaces is kept beside it as state.db.before-restore-TIME. Exit.
          --version         print the version and exit
          -h, --help        show this help

        Signals: SIGTERM/SIGINT stop gracefully; SIGHUP reloads --config (an invalid file is
        refused and the running configuration stays).
        """

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
