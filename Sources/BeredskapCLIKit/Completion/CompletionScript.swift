import BeredskapCore

/// A shell completion script for a command tree, generated from the same specs the parser
/// reads, so a command added to the tree completes without anyone editing a script.
///
/// Offers subcommands, options (the global ones, `--help` and `-h` included), an option's
/// declared choices, files for `FILE`/`PATH` and directories for `DIR` placeholders, the words
/// of `known` placeholders, and the choices of positional arguments. Descriptions (zsh, fish) are in `language`.
public struct CompletionScript: Sendable {
    public let root: CommandSpec
    public let globals: [OptionSpec]
    /// Words a placeholder stands for wherever it appears (`DISTRICT`: the district ids), from
    /// the list the program checks them against.
    public let known: [String: [String]]

    public init(root: CommandSpec, globals: [OptionSpec], known: [String: [String]] = [:]) {
        self.root = root
        self.globals = globals
        self.known = known
    }

    public func render(_ shell: CompletionShell, language: Language = .en) -> String {
        let model = CompletionModel(root: root, globals: globals, language: language, known: known)
        switch shell {
        case .bash: return BashCompletion(model: model).render()
        case .zsh: return ZshCompletion(model: model).render()
        case .fish: return FishCompletion(model: model).render()
        }
    }
}
