import BeredskapCore

/// A shell completion script for a command tree, generated from the same specs the parser
/// reads, so a command added to the tree completes without anyone editing a script.
///
/// Offers subcommands, options (the global ones, `--help` and `-h` included), an option's
/// declared choices, files for `FILE`/`PATH` and directories for `DIR` placeholders, and the
/// choices of positional arguments. Descriptions (zsh, fish) are in `language`.
public struct CompletionScript: Sendable {
    public let root: CommandSpec
    public let globals: [OptionSpec]

    public init(root: CommandSpec, globals: [OptionSpec]) {
        self.root = root
        self.globals = globals
    }

    public func render(_ shell: CompletionShell, language: Language = .en) -> String {
        let model = CompletionModel(root: root, globals: globals, language: language)
        switch shell {
        case .bash: return BashCompletion(model: model).render()
        case .zsh: return ZshCompletion(model: model).render()
        case .fish: return FishCompletion(model: model).render()
        }
    }
}
