/// One left-to-right pass over a command line against the command tree.
///
/// The walk does not stop at the first problem: it records every error and keeps going. That
/// lets one pass serve both the strict parse (which reports the first error, or help when
/// `--help` appears later on the line) and the lenient scan for global options such as `--lang`,
/// which must be known even when the rest of the line is wrong, to print the error in the
/// operator's language.
struct CommandLineWalk {
    let root: CommandSpec
    let globals: [OptionSpec]

    /// Subcommand names chosen so far, and the command they lead to.
    private(set) var path: [String] = []
    private(set) var command: CommandSpec
    private(set) var flags: Set<String> = []
    private(set) var optionValues: [String: [String]] = [:]
    /// Positional words for `command`, to be bound to its `arguments` at the end.
    private(set) var words: [String] = []
    private(set) var helpRequested = false
    private(set) var versionRequested = false
    /// `beredskap help log add`: the words name the command whose help is wanted.
    private(set) var isHelpTopic = false
    /// Every error, in command-line order.
    private(set) var errors: [UsageError] = []
    /// Whether a word failed to resolve as a subcommand. Such an error beats `--help`: help
    /// for the command reached so far would be help for the wrong command.
    private(set) var hasPathError = false
    /// Options given for the current command (not globals), as typed; used to reject
    /// `beredskap log --limit 5 add …`, where `--limit` would otherwise be silently dropped.
    private var ownOptionsGiven: [String] = []

    init(root: CommandSpec, globals: [OptionSpec], arguments: [String]) {
        self.root = root
        self.globals = globals
        self.command = root
        walk(arguments)
    }

    // MARK: - Words

    private mutating func walk(_ arguments: [String]) {
        var remaining = arguments.makeIterator()
        var optionsEnded = false
        while let argument = remaining.next() {
            if optionsEnded || !Self.looksLikeOption(argument) {
                takeWord(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                takeLongOption(argument.dropFirst(2), remaining: &remaining)
            } else {
                takeShortOptions(argument.dropFirst(), remaining: &remaining)
            }
        }
    }

    /// Options start with "-", except "-" itself (conventionally stdin) and negative numbers,
    /// which is why short option names must be letters.
    private static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1 else { return false }
        let second = argument[argument.index(after: argument.startIndex)]
        return !("0"..."9").contains(second)
    }

    private mutating func takeWord(_ word: String) {
        guard isHelpTopic || !command.subcommands.isEmpty else {
            words.append(word)
            return
        }
        if offersHelpCommand, word == "help" {
            isHelpTopic = true
        } else if let subcommand = command.subcommand(named: word) {
            descend(into: subcommand)
        } else {
            var names = command.subcommands.map(\.name)
            if offersHelpCommand { names.append("help") }
            let suggestion = Suggestion.closest(to: word, among: names)
            hasPathError = true
            errors.append(.unknownCommand(word, suggestion: suggestion, path: path))
        }
    }

    /// `help` works as a command at the root unless the tree defines its own.
    private var offersHelpCommand: Bool {
        path.isEmpty && !isHelpTopic && root.subcommand(named: "help") == nil
    }

    private mutating func descend(into subcommand: CommandSpec) {
        if let option = ownOptionsGiven.first {
            let owner = fullName(path)
            let chosen = fullName(path + [subcommand.name])
            errors.append(.optionOfParent(option, owner: owner, chosen: chosen, path: path))
        }
        ownOptionsGiven = []
        path.append(subcommand.name)
        command = subcommand
    }

    private func fullName(_ path: [String]) -> String {
        ([root.name] + path).joined(separator: " ")
    }

    // MARK: - Options

    private mutating func takeLongOption(_ body: Substring, remaining: inout IndexingIterator<[String]>) {
        let name: String
        let inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inlineValue = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
            inlineValue = nil
        }
        let typed = "--\(name)"
        if name == "help" || (name == "version" && path.isEmpty) {
            if inlineValue != nil {
                errors.append(.flagWithValue(option: typed, path: path))
            } else if name == "help" {
                helpRequested = true
            } else {
                versionRequested = true
            }
            return
        }
        guard let (spec, isGlobal) = lookUp({ $0.name == name }) else {
            let suggestion = Suggestion.closest(to: name, among: longOptionNames).map { "--\($0)" }
            errors.append(.unknownOption(typed, suggestion: suggestion, path: path))
            return
        }
        take(spec, isGlobal: isGlobal, typed: typed, inlineValue: inlineValue, remaining: &remaining)
    }

    /// `-x`, `-xyz` (several flags), `-n VALUE` and `-nVALUE`, as getopt does.
    private mutating func takeShortOptions(_ cluster: Substring, remaining: inout IndexingIterator<[String]>) {
        var rest = cluster
        while let letter = rest.popFirst() {
            if letter == "h" {
                helpRequested = true
                continue
            }
            guard let (spec, isGlobal) = lookUp({ $0.short == letter }) else {
                errors.append(.unknownOption("-\(letter)", suggestion: nil, path: path))
                continue
            }
            if spec.isFlag {
                take(spec, isGlobal: isGlobal, typed: "-\(letter)", inlineValue: nil, remaining: &remaining)
            } else {
                let attached = rest.isEmpty ? nil : String(rest)
                take(spec, isGlobal: isGlobal, typed: "-\(letter)", inlineValue: attached, remaining: &remaining)
                return
            }
        }
    }

    /// Records one occurrence of an option. A value-taking option consumes the next word
    /// whatever it looks like, so `--since -5` gives "-5" (validating it is the command's job).
    private mutating func take(
        _ spec: OptionSpec, isGlobal: Bool, typed: String, inlineValue: String?,
        remaining: inout IndexingIterator<[String]>
    ) {
        if let valueName = spec.valueName {
            guard let value = inlineValue ?? remaining.next() else {
                errors.append(.missingValue(option: typed, valueName: valueName, path: path))
                return
            }
            if !spec.repeatable, optionValues[spec.name] != nil {
                errors.append(.repeatedOption(typed, path: path))
                return
            }
            // Kept even when refused, so that the lenient scan still sees `--lang nb_NO` as bokmål.
            if let choices = spec.choices, !choices.contains(value) {
                errors.append(.notAChoice(option: typed, value: value, choices: choices, path: path))
            }
            optionValues[spec.name, default: []].append(value)
        } else {
            if inlineValue != nil {
                errors.append(.flagWithValue(option: typed, path: path))
                return
            }
            flags.insert(spec.name)
        }
        if !isGlobal { ownOptionsGiven.append(typed) }
    }

    /// The option of the current command matching `predicate`, else the global one.
    private func lookUp(_ predicate: (OptionSpec) -> Bool) -> (OptionSpec, isGlobal: Bool)? {
        if let own = command.options.first(where: predicate) { return (own, false) }
        if let global = globals.first(where: predicate) { return (global, true) }
        return nil
    }

    /// Every long name accepted here, for suggestions.
    private var longOptionNames: [String] {
        command.options.map(\.name) + globals.map(\.name) + ["help"] + (path.isEmpty ? ["version"] : [])
    }
}
