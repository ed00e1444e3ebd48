import BeredskapCore
import BeredskapCLIKit
import Testing

@Suite struct SpecProblemsTests {
    let help = Text("x", nb: "x")

    @Test func fixtureTreeIsSound() {
        #expect(Fixture.parser.specProblems() == [])
    }

    @Test func reportsDeclarationMistakes() {
        let root = CommandSpec(
            "beredskap", summary: help,
            options: [.flag("version", help: help)],
            subcommands: [
                CommandSpec(
                    "events", summary: help,
                    options: [
                        .option("since", short: "s", value: "SEQ", help: help),
                        .flag("since", help: help),
                        .flag("json", short: "5", help: help),
                        .flag("hush", short: "h", help: help),
                        .flag("bad name", help: help),
                    ],
                    arguments: [.variadic("rest", help: help), .required("last", help: help)]),
                CommandSpec("events", summary: help),
                CommandSpec("help", summary: help),
                CommandSpec(
                    "log", summary: help, arguments: [.required("text", help: help)],
                    subcommands: [CommandSpec("add", summary: help)]),
            ])
        let parser = ArgumentParser(
            root: root, globalOptions: [.flag("json", help: help), .option("socket", short: "s", value: "PATH", help: help)])
        #expect(parser.specProblems() == [
            "'beredskap': '--version' is reserved",
            "'beredskap' has two subcommands 'events'",
            "'beredskap' defines 'help', which hides the built-in 'help' command",
            "'beredskap events': '-5' must be a letter other than 'h'",
            "'beredskap events': '-h' must be a letter other than 'h'",
            "'beredskap events': 'bad name' is not a valid long option name",
            "'beredskap events': '--since' is declared twice",
            "'beredskap events': '--json' is declared twice",
            "'beredskap events': '-s' is declared twice",
            "'beredskap events': variadic argument <rest> is not the last",
            "'beredskap log' has both subcommands and positional arguments",
        ])
    }
}
