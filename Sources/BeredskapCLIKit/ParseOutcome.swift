/// What the command line asks for. Help and version are outcomes rather than errors or side
/// effects, so the parser never prints and the caller decides where output goes and with which
/// exit code.
public enum ParseOutcome: Sendable, Equatable {
    /// Run the command.
    case run(ParsedCommand)
    /// Show help for the command at `path` (`[]` is the root).
    case help(path: [String])
    /// Show the version.
    case version
}
