import BeredskapCore
import BeredskapCLIKit

/// A small command tree shaped like the real one, shared by the parser and help tests.
enum Fixture {
    static let globals: [OptionSpec] = [
        .option("socket", value: "PATH", help: Text("Daemon socket.", nb: "Tjenestens socket.")),
        .flag("json", help: Text("Print JSON.", nb: "Skriv JSON.")),
        .option("lang", value: "LANG", help: Text("Language: en or nb.", nb: "Språk: en eller nb.")),
    ]

    static let logAdd = CommandSpec(
        "add",
        summary: Text("Add an entry to the operations log.", nb: "Legg til en oppføring i driftsloggen."),
        discussion: Text(
            "Entries are never changed afterwards; add a correction instead.\n\nExample:\n  beredskap log add \"Refstad full\" -s facility/refstad",
            nb: "Oppføringer endres aldri senere; legg heller til en rettelse.\n\nEksempel:\n  beredskap log add \"Refstad full\" -s facility/refstad"),
        options: [
            .option("subject", short: "s", value: "SUBJECT", help: Text("What the entry is about.", nb: "Hva oppføringen gjelder."), repeatable: true),
            .flag("urgent", short: "u", help: Text("Mark as urgent.", nb: "Merk som haster.")),
        ],
        arguments: [.required("text", help: Text("The entry text.", nb: "Teksten i oppføringen."))])

    static let logList = CommandSpec(
        "list",
        summary: Text("Show recent entries.", nb: "Vis siste oppføringer."),
        options: [.option("limit", short: "n", value: "N", help: Text("At most N entries.", nb: "Høyst N oppføringer."))])

    static let root = CommandSpec(
        "beredskap",
        summary: Text("Preparedness office CLI.", nb: "Kommandolinje for beredskapskontoret."),
        subcommands: [
            CommandSpec(
                "log", summary: Text("The operations log.", nb: "Driftsloggen."), subcommands: [logAdd, logList]),
            CommandSpec(
                "events",
                summary: Text("Show the event stream.", nb: "Vis hendelsesstrømmen."),
                options: [
                    .option("since", value: "SEQ", help: Text("Start after SEQ.", nb: "Start etter SEQ.")),
                    .flag("follow", short: "f", help: Text("Keep waiting for new events.", nb: "Vent på nye hendelser.")),
                ]),
            CommandSpec(
                "alerts",
                summary: Text("Open alerts.", nb: "Åpne varsler."),
                options: [.flag("all", short: "a", help: Text("Include closed alerts.", nb: "Ta med lukkede varsler."))],
                subcommands: [
                    CommandSpec(
                        "ack", summary: Text("Acknowledge an alert.", nb: "Kvitter for et varsel."),
                        arguments: [.required("id", help: Text("Alert id.", nb: "Varselets id."))]),
                ],
                runnable: true),
            CommandSpec(
                "arrivals",
                summary: Text("Record arrivals.", nb: "Registrer ankomster."),
                arguments: [
                    .required("facility", help: Text("Facility id.", nb: "Mottakets id.")),
                    .optional("count", help: Text("How many.", nb: "Hvor mange.")),
                    .variadic("note", help: Text("A note.", nb: "En merknad.")),
                ]),
            CommandSpec(
                "tag",
                summary: Text("Tag an entry.", nb: "Merk en oppføring."),
                arguments: [
                    .required("entry", help: Text("Entry id.", nb: "Oppføringens id.")),
                    .variadic("label", help: Text("Labels.", nb: "Merkelapper."), optional: false),
                ]),
        ])

    static let parser = ArgumentParser(root: root, globalOptions: globals)

    /// The command a line runs; fails the test (by throwing) otherwise.
    static func run(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try parser.parse(arguments) else {
            throw Unexpected.notRun
        }
        return command
    }

    /// The usage error a line causes, or nil.
    static func error(_ arguments: [String]) -> UsageError? {
        do {
            _ = try parser.parse(arguments)
            return nil
        } catch {
            return error
        }
    }

    enum Unexpected: Error { case notRun }
}
