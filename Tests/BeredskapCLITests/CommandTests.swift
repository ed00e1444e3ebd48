import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

@Suite struct CommandTests {
    static let noop: Command.Action = { _ throws(CommandFailure) in }

    @Test func aGroupListsItsCommandsAndOnlyCommandsHaveActions() {
        let tree = [
            Command("status", summary: Text("s", nb: "s"), run: Self.noop),
            Command(
                "facility", summary: Text("f", nb: "f"),
                subcommands: [
                    Command("list", summary: Text("l", nb: "l"), run: Self.noop),
                    Command("notes", summary: Text("n", nb: "n"), subcommands: [Command("add", summary: Text("a", nb: "a"), run: Self.noop)]),
                ]),
        ]
        #expect(Set(Command.actions(of: tree).keys) == ["status", "facility list", "facility notes add"])
        #expect(tree[1].spec.subcommands.map(\.name) == ["list", "notes"])
        #expect(!tree[1].spec.isRunnable)
        #expect(tree[1].spec.subcommands[1].subcommands.map(\.name) == ["add"])
    }

    /// The parser's tree is the list of commands: the same commands, in the same order, at
    /// every level.
    @Test func theRootIsTheListOfCommands() {
        func names(_ commands: [Command]) -> [String] { commands.flatMap { [$0.spec.name] + names($0.subcommands) } }
        func specNames(_ specs: [CommandSpec]) -> [String] { specs.flatMap { [$0.name] + specNames($0.subcommands) } }
        #expect(names(CommandTree.commands) == specNames(CommandTree.root.subcommands))
        #expect(CommandTree.root.subcommands.map(\.name) == [
            "status", "health", "facility", "arrival", "departure", "occupancy", "capacity", "surge", "history", "districts",
            "import", "seed", "alerts", "alert", "rules", "notification", "silence", "playbook", "run", "district", "settlement", "case", "housing", "person", "milestone", "deadlines", "minor", "intro", "grants", "exercise", "report", "watch", "top", "events",
            "log", "audit", "metrics", "backup", "version", "completion", "man", "demo",
        ])
    }
}
