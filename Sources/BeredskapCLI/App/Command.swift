import BeredskapCLIKit
import BeredskapCore

/// A `beredskap` command declared with what it does: its spec (name, help, options,
/// arguments) and its action; or a group of commands.
///
/// Why one value for both: the parser's tree (`CommandTree.root`) and the table of actions
/// (`CLI.commands`) are both read from `CommandTree.commands`, so a command cannot be declared
/// without its action, nor an action left without a command. Each feature declares its
/// commands beside their actions, in its folder under `Commands/`.
struct Command: Sendable {
    typealias Action = @Sendable (CommandContext) throws(CommandFailure) -> Void

    let spec: CommandSpec
    /// nil for a group, which shows its help when run without a subcommand.
    let action: Action?
    let subcommands: [Command]

    /// A command that does something.
    init(
        _ name: String, summary: Text, discussion: Text? = nil, options: [OptionSpec] = [], arguments: [ArgumentSpec] = [],
        run action: @escaping Action
    ) {
        spec = CommandSpec(name, summary: summary, discussion: discussion, options: options, arguments: arguments)
        self.action = action
        subcommands = []
    }

    /// A group of commands (`beredskap facility list|show|add|set`).
    init(_ name: String, summary: Text, discussion: Text? = nil, subcommands: [Command]) {
        spec = CommandSpec(name, summary: summary, discussion: discussion, subcommands: subcommands.map(\.spec))
        action = nil
        self.subcommands = subcommands
    }

    /// The action of every command under `commands`, by its path (`facility list`).
    static func actions(of commands: [Command], under path: [String] = []) -> [String: Action] {
        var actions: [String: Action] = [:]
        for command in commands {
            let here = path + [command.spec.name]
            if let action = command.action { actions[here.joined(separator: " ")] = action }
            actions.merge(Self.actions(of: command.subcommands, under: here)) { first, _ in first }
        }
        return actions
    }
}
