/// Consistency checks on the command tree itself.
///
/// A mistake in the declaration (two options called `--since`, a short name `-h` that can never
/// be reached) is the programmer's, not the operator's, so the parser does not fail on it at
/// run time; instead a test of the real tree asserts `specProblems()` is empty.
extension ArgumentParser {
    /// Human-readable (English) descriptions of every problem found; empty when the tree is sound.
    public func specProblems() -> [String] {
        var problems = checkOptions(globalOptions, alongside: [], owner: "global options", reserved: ["help", "version"])
        problems += checkCommand(root, path: [root.name])
        return problems
    }

    private func checkCommand(_ command: CommandSpec, path: [String]) -> [String] {
        let owner = "'\(path.joined(separator: " "))'"
        var problems: [String] = []
        let reserved: Set<String> = path.count == 1 ? ["help", "version"] : ["help"]
        problems += checkOptions(command.options, alongside: globalOptions, owner: owner, reserved: reserved)
        problems += duplicates(command.subcommands.map(\.name)).map { "\(owner) has two subcommands '\($0)'" }
        if path.count == 1, command.subcommand(named: "help") != nil {
            problems.append("\(owner) defines 'help', which hides the built-in 'help' command")
        }
        if !command.subcommands.isEmpty, !command.arguments.isEmpty {
            problems.append("\(owner) has both subcommands and positional arguments")
        }
        for (index, argument) in command.arguments.enumerated() where argument.variadic && index != command.arguments.count - 1 {
            problems.append("\(owner): variadic argument <\(argument.name)> is not the last")
        }
        problems += duplicates(command.arguments.map(\.name)).map { "\(owner) has two arguments <\($0)>" }
        for subcommand in command.subcommands {
            problems += checkCommand(subcommand, path: path + [subcommand.name])
        }
        return problems
    }

    /// `options` well-formed, short names letters other than the reserved `-h`, and no name
    /// shared with another of `options` or with one of `others` (the globals, checked on their own).
    private func checkOptions(
        _ options: [OptionSpec], alongside others: [OptionSpec], owner: String, reserved: Set<String>
    ) -> [String] {
        var problems: [String] = []
        for option in options {
            if option.name.isEmpty || option.name.hasPrefix("-") || option.name.contains(where: { $0 == "=" || $0 == " " }) {
                problems.append("\(owner): '\(option.name)' is not a valid long option name")
            }
            if reserved.contains(option.name) {
                problems.append("\(owner): '--\(option.name)' is reserved")
            }
            if let short = option.short, !short.isLetter || short == "h" {
                problems.append("\(owner): '-\(short)' must be a letter other than 'h'")
            }
        }
        let names = Set(options.map(\.name))
        let shorts = Set(options.compactMap(\.short).map(String.init))
        problems += duplicates((options + others).map(\.name))
            .filter(names.contains)
            .map { "\(owner): '--\($0)' is declared twice" }
        problems += duplicates((options + others).compactMap(\.short).map(String.init))
            .filter(shorts.contains)
            .map { "\(owner): '-\($0)' is declared twice" }
        return problems
    }

    private func duplicates(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var repeated: [String] = []
        for name in names where !seen.insert(name).inserted && !repeated.contains(name) {
            repeated.append(name)
        }
        return repeated
    }
}
