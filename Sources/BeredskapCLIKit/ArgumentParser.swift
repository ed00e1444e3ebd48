import BeredskapCore
/// Parses `beredskap`'s command line against a declared command tree.
///
/// Hand-written because third-party packages are not allowed; kept small by doing only what the
/// CLI needs: long and short options, global options accepted at any depth (so
/// `beredskap --json events` and `beredskap events --json` both work), subcommands, positionals,
/// help and version as outcomes, and bilingual errors with suggestions.
///
/// Precedence, from strongest: an unknown subcommand (help would describe the wrong command);
/// then `--help`/`-h`/`beredskap help …`, which wins over any other mistake on the line; then
/// `--version` (root only); then the first other error; then a group without a command of its
/// own shows its help; finally positionals are bound and the command runs.
public struct ArgumentParser: Sendable {
    public let root: CommandSpec
    public let globalOptions: [OptionSpec]

    public init(root: CommandSpec, globalOptions: [OptionSpec]) {
        self.root = root
        self.globalOptions = globalOptions
    }

    /// What `arguments` (without the program name) ask for.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        let walk = CommandLineWalk(root: root, globals: globalOptions, arguments: arguments)
        if !walk.hasPathError {
            if walk.helpRequested || walk.isHelpTopic { return .help(path: walk.path) }
            if walk.versionRequested { return .version }
        }
        if let error = walk.errors.first { throw error }
        guard walk.command.isRunnable else { return .help(path: walk.path) }
        let bound = try PositionalBinding.bind(walk.words, to: walk.command.arguments, path: walk.path)
        return .run(ParsedCommand(
            path: walk.path, flags: walk.flags, optionValues: walk.optionValues, argumentValues: bound))
    }

    /// The global options on a line, best effort and never failing: what could be understood
    /// is returned, the rest ignored. For deciding `--lang` and `--no-color` before printing help
    /// or a usage error, when `parse` gave no `ParsedCommand`.
    public func scanGlobals(_ arguments: [String]) -> ParsedCommand {
        let walk = CommandLineWalk(root: root, globals: globalOptions, arguments: arguments)
        let names = Set(globalOptions.map(\.name))
        return ParsedCommand(
            path: walk.path,
            flags: walk.flags.filter { names.contains($0) },
            optionValues: walk.optionValues.filter { names.contains($0.key) })
    }

    /// `See 'beredskap events --help'.`: where to read about the command an error concerns,
    /// printed after the error's message:
    ///
    ///     beredskap: unknown option '--sinse' (did you mean '--since'?)
    ///     See 'beredskap events --help'.
    public func helpHint(for error: UsageError) -> Text {
        let name = commandName(error.commandPath)
        return Text("See '\(name) --help'.", nb: "Se «\(name) --help».")
    }

    /// `beredskap facility show`: the program and the commands of `path` that exist.
    public func commandName(_ path: [String]) -> String {
        ([root.name] + resolve(path).path).joined(separator: " ")
    }

    /// The help page for the command at `path`, wrapped to `width` columns. An invalid path
    /// gives the help of the deepest command it names.
    public func help(for path: [String], language: Language, width: Int = 80) -> String {
        let (resolved, command) = resolve(path)
        let formatter = HelpFormatter(root: root, globals: globalOptions, language: language, width: width)
        return formatter.render(command, path: resolved)
    }

    /// The longest prefix of `path` that names commands, and the command it leads to.
    public func resolve(_ path: [String]) -> (path: [String], command: CommandSpec) {
        var command = root
        var resolved: [String] = []
        for name in path {
            guard let subcommand = command.subcommand(named: name) else { break }
            command = subcommand
            resolved.append(name)
        }
        return (resolved, command)
    }
}
