import BeredskapCore

/// The shells `beredskap completion` writes a script for.
public enum CompletionShell: String, CaseIterable, Sendable {
    case bash, zsh, fish
}

/// What a shell may offer for an option's value or a positional word.
///
/// Read from the spec the parser uses: declared choices, else the placeholder (`FILE` and
/// `PATH` are files, `DIR` a directory, one the program names the words of, such as
/// `DISTRICT`), else nothing to offer (an id, a number, free text).
enum CompletedValue: Equatable, Sendable {
    case words([String])
    case files
    case directories
    case anything

    init(choices: [String]?, placeholder: String?, known: [String: [String]]) {
        if let choices {
            self = .words(choices)
        } else if let placeholder, let words = known[placeholder] {
            self = .words(words)
        } else {
            switch placeholder {
            case "FILE", "PATH": self = .files
            case "DIR": self = .directories
            default: self = .anything
            }
        }
    }

    /// How the generated scripts spell it in their tables: `words md html json`, `files`, `dirs`, `any`.
    var scriptWord: String {
        switch self {
        case .words(let words): (["words"] + words).joined(separator: " ")
        case .files: "files"
        case .directories: "dirs"
        case .anything: "any"
        }
    }
}

extension OptionSpec {
    /// `--name`, and `-s` when it has a short name.
    var spellings: [String] { ["--\(name)"] + (short.map { ["-\($0)"] } ?? []) }
}

/// The command tree flattened for a completion script: every command's path, its own
/// subcommands and options, and the options accepted everywhere.
///
/// Why flattened: each shell's script is a few lookup tables keyed by the command path
/// ("facility list") plus one walk over the typed words, so a new command in the tree is a
/// new row in the tables and never an edit of a script.
struct CompletionModel {
    struct Node {
        var path: [String]
        var command: CommandSpec
        /// The command's own options; the root also has `--version`.
        var options: [OptionSpec]
        /// The subcommands, and at the root the built-in `help`.
        var subcommands: [(name: String, summary: Text)]

        var key: String { path.joined(separator: " ") }
    }

    let program: String
    let nodes: [Node]
    /// The global options, `--help` and `-h` included.
    let globals: [OptionSpec]
    let language: Language
    /// Words a placeholder stands for (`DISTRICT`: the district ids).
    let known: [String: [String]]

    init(root: CommandSpec, globals: [OptionSpec], language: Language, known: [String: [String]]) {
        program = root.name
        self.language = language
        self.known = known
        self.globals = globals + [OptionSpec.flag("help", short: "h", help: Text("show the help", nb: "vis hjelpen"))]
        var nodes: [Node] = []
        func visit(_ command: CommandSpec, path: [String]) {
            var options = command.options
            var subcommands = command.subcommands.map { (name: $0.name, summary: $0.summary) }
            if path.isEmpty {
                options.append(.flag("version", help: Text("show the version", nb: "vis versjonen")))
                if command.subcommand(named: "help") == nil {
                    subcommands.append((name: "help", summary: Text("show the help of a command", nb: "vis hjelpen til en kommando")))
                }
            }
            nodes.append(Node(path: path, command: command, options: options, subcommands: subcommands))
            for subcommand in command.subcommands { visit(subcommand, path: path + [subcommand.name]) }
        }
        visit(root, path: [])
        self.nodes = nodes
    }

    /// What an option's value offers; nil for a flag.
    func value(of option: OptionSpec) -> CompletedValue? {
        option.isFlag ? nil : CompletedValue(choices: option.choices, placeholder: option.valueName, known: known)
    }

    func value(of argument: ArgumentSpec) -> CompletedValue {
        CompletedValue(choices: argument.choices, placeholder: argument.name, known: known)
    }

    /// Every option that takes a value, with the commands it belongs to (nil: global).
    var valueOptions: [(node: Node?, option: OptionSpec, value: CompletedValue)] {
        let own = nodes.flatMap { node in
            node.options.compactMap { option in value(of: option).map { (node: Optional(node), option: option, value: $0) } }
        }
        let global = globals.compactMap { option in value(of: option).map { (node: Node?.none, option: option, value: $0) } }
        return own + global
    }

    /// Commands whose positional words have something to offer, with what each index offers.
    var argumentTables: [(node: Node, values: [CompletedValue], variadicLast: Bool)] {
        nodes.compactMap { node in
            let values = node.command.arguments.map(value(of:))
            guard values.contains(where: { $0 != .anything }) else { return nil }
            return (node, values, node.command.arguments.last?.variadic ?? false)
        }
    }
}

/// Quoting for the generated scripts.
enum ShellQuoting {
    /// `'it'\''s'`: a POSIX shell (bash, zsh) single-quoted word.
    static func posix(_ text: String) -> String {
        "'" + text.replacing("'", with: #"'\''"#) + "'"
    }

    /// `'it\'s'`: fish's single quotes, where only `\'` and `\\` are escapes.
    static func fish(_ text: String) -> String {
        "'" + text.replacing(#"\"#, with: #"\\"#).replacing("'", with: #"\'"#) + "'"
    }

    /// One line of help as a description: the first line, without a trailing full stop.
    static func description(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.hasSuffix(".") ? String(line.dropLast()) : line
    }
}
