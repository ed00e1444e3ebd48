import BeredskapCore

/// The parts of a program's manual page that its command tree gives: the synopsis, the
/// description, a subsection per command (usage, summary, discussion, options, arguments) and
/// the global options — in `language`, from the same specs as `--help`.
public struct CommandManual: Sendable {
    public let root: CommandSpec
    public let globals: [OptionSpec]
    public let language: Language

    public init(root: CommandSpec, globals: [OptionSpec], language: Language) {
        self.root = root
        self.globals = globals
        self.language = language
    }

    /// `beredskap [options] <command> [options] [arguments]`.
    public var synopsis: [ManPage.Term] {
        [ManPage.Term(root.name), ManPage.Term("[options]", literal: false), ManPage.Term("<command>", literal: false),
         ManPage.Term("[options] [arguments]", literal: false)]
    }

    /// The root's summary and discussion.
    public var description: [ManPage.Block] {
        [.paragraph(sentence(root.summary(language)))] + (root.discussion.map { ManPage.blocks(fromHelp: $0(language)) } ?? [])
    }

    /// Every command below the root, depth first, as `beredskap --help` lists them.
    public var commands: [ManPage.Block] {
        var blocks: [ManPage.Block] = []
        func visit(_ command: CommandSpec, path: [String]) {
            let name = ([root.name] + path).joined(separator: " ")
            blocks.append(.subsection(name))
            blocks.append(.paragraph(usage(command, name: name)))
            blocks.append(.paragraph(sentence(command.summary(language))))
            if let discussion = command.discussion { blocks += ManPage.blocks(fromHelp: discussion(language)) }
            blocks += command.arguments.map { .item(ManPage.Term($0.placeholder, literal: false), $0.help(language)) }
            blocks += command.options.map(item)
            for subcommand in command.subcommands { visit(subcommand, path: path + [subcommand.name]) }
        }
        for command in root.subcommands { visit(command, path: [command.name]) }
        return blocks
    }

    /// The global options, `--help` and `--version`.
    public var options: [ManPage.Block] {
        let help = OptionSpec.flag("help", short: "h", help: Text("show the help of the command", nb: "vis hjelpen til kommandoen"))
        let version = OptionSpec.flag("version", help: Text("show the version (before any command)", nb: "vis versjonen (før en kommando)"))
        return (globals + [help, version]).map(item)
    }

    /// `-o, --output FILE` and its help.
    public func item(_ option: OptionSpec) -> ManPage.Block {
        let name = (option.short.map { "-\($0), " } ?? "") + "--" + option.name
        let repeatable = option.repeatable ? Text(" (repeatable)", nb: " (kan gjentas)")(language) : ""
        return .item(ManPage.Term(name, value: option.valueName), capitalised(option.help(language)) + repeatable)
    }

    private func usage(_ command: CommandSpec, name: String) -> String {
        var words = [name]
        if !command.options.isEmpty { words.append(Text("[options]", nb: "[valg]")(language)) }
        if !command.subcommands.isEmpty {
            let placeholder = Text("<command>", nb: "<kommando>")(language)
            words.append(command.isRunnable ? "[\(placeholder)]" : placeholder)
        }
        words += command.arguments.map { $0.optional ? "[\($0.placeholder)]" : $0.placeholder }
        return Text("Usage: ", nb: "Bruk: ")(language) + words.joined(separator: " ")
    }

    /// `show a facility` as a sentence: `Show a facility.`
    private func sentence(_ text: String) -> String {
        let capital = capitalised(text)
        return capital.hasSuffix(".") ? capital : capital + "."
    }

    private func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
