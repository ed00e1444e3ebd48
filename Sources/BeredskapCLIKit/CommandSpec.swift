import BeredskapCore
/// A command in the `beredskap` tree: its name, help, options, positionals and subcommands.
///
/// The whole CLI is one value of this type, so the parser, the help printer and tests all read
/// the same declaration; adding a command is adding data, not control flow.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line for the parent's command list.
    public var summary: Text
    /// A paragraph or examples shown in `--help`. Blank lines separate paragraphs, which are
    /// re-wrapped to the terminal; lines that start with a space (examples) are kept verbatim.
    public var discussion: Text?
    public var options: [OptionSpec]
    public var arguments: [ArgumentSpec]
    public var subcommands: [CommandSpec]
    /// Whether the command does something when no subcommand is chosen. A group that does not
    /// (`beredskap log` if it only has `add` and `list`) shows its help instead.
    public var isRunnable: Bool

    /// - Parameter runnable: nil means "runnable exactly when there are no subcommands"; pass
    ///   `true` for a group that also acts on its own (it may then have options, not arguments).
    public init(
        _ name: String,
        summary: Text,
        discussion: Text? = nil,
        options: [OptionSpec] = [],
        arguments: [ArgumentSpec] = [],
        subcommands: [CommandSpec] = [],
        runnable: Bool? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.isRunnable = runnable ?? subcommands.isEmpty
    }

    /// The direct subcommand called `name`.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
