import BeredskapCore
import BeredskapCLIKit
import Testing

/// The exact help pages of the fixture tree, in both languages.
@Suite struct HelpTextTests {
    let parser = Fixture.parser

    @Test func rootInEnglish() {
        #expect(parser.help(for: [], language: .en) == """
            Usage: beredskap [options] <command>

            Preparedness office CLI.

            Commands:
              log                The operations log.
              events             Show the event stream.
              alerts             Open alerts.
              arrivals           Record arrivals.
              tag                Tag an entry.

            Global options:
                  --socket PATH  Daemon socket.
                  --json         Print JSON.
                  --lang LANG    Language: en or nb.
              -h, --help         Show this help.
                  --version      Show the version.

            See 'beredskap <command> --help' for more about a command.
            """)
    }

    @Test func rootInNorwegian() {
        #expect(parser.help(for: [], language: .nb) == """
            Bruk: beredskap [valg] <kommando>

            Kommandolinje for beredskapskontoret.

            Kommandoer:
              log                Driftsloggen.
              events             Vis hendelsesstrømmen.
              alerts             Åpne varsler.
              arrivals           Registrer ankomster.
              tag                Merk en oppføring.

            Globale valg:
                  --socket PATH  Tjenestens socket.
                  --json         Skriv JSON.
                  --lang LANG    Språk: en eller nb.
              -h, --help         Vis denne hjelpen.
                  --version      Vis versjonen.

            Se «beredskap <kommando> --help» for mer om en kommando.
            """)
    }

    @Test func nestedGroup() {
        #expect(parser.help(for: ["log"], language: .en) == """
            Usage: beredskap log [options] <command>

            The operations log.

            Commands:
              add                Add an entry to the operations log.
              list               Show recent entries.

            Global options:
                  --socket PATH  Daemon socket.
                  --json         Print JSON.
                  --lang LANG    Language: en or nb.
              -h, --help         Show this help.

            See 'beredskap log <command> --help' for more about a command.
            """)
    }

    @Test func nestedCommandInEnglish() {
        #expect(parser.help(for: ["log", "add"], language: .en) == """
            Usage: beredskap log add [options] <text>

            Add an entry to the operations log.

            Entries are never changed afterwards; add a correction instead.

            Example:
              beredskap log add "Refstad full" -s facility/refstad

            Arguments:
              <text>                 The entry text.

            Options:
              -s, --subject SUBJECT  What the entry is about. (repeatable)
              -u, --urgent           Mark as urgent.

            Global options:
                  --socket PATH      Daemon socket.
                  --json             Print JSON.
                  --lang LANG        Language: en or nb.
              -h, --help             Show this help.
            """)
    }

    @Test func nestedCommandInNorwegian() {
        #expect(parser.help(for: ["log", "add"], language: .nb) == """
            Bruk: beredskap log add [valg] <text>

            Legg til en oppføring i driftsloggen.

            Oppføringer endres aldri senere; legg heller til en rettelse.

            Eksempel:
              beredskap log add "Refstad full" -s facility/refstad

            Argumenter:
              <text>                 Teksten i oppføringen.

            Valg:
              -s, --subject SUBJECT  Hva oppføringen gjelder. (kan gjentas)
              -u, --urgent           Merk som haster.

            Globale valg:
                  --socket PATH      Tjenestens socket.
                  --json             Skriv JSON.
                  --lang LANG        Språk: en eller nb.
              -h, --help             Vis denne hjelpen.
            """)
    }

    @Test func runnableGroupAndOptionalArguments() {
        let alerts = parser.help(for: ["alerts"], language: .en)
        #expect(alerts.hasPrefix("Usage: beredskap alerts [options] [<command>]\n"))
        let arrivals = parser.help(for: ["arrivals"], language: .nb)
        #expect(arrivals.hasPrefix("Bruk: beredskap arrivals [valg] <facility> [<count>] [<note>...]\n"))
        #expect(arrivals.contains("\n  <note>...          En merknad.\n"))
        let tag = parser.help(for: ["tag"], language: .en)
        #expect(tag.hasPrefix("Usage: beredskap tag [options] <entry> <label>...\n"))
    }

    @Test func wrapsToWidthByDisplayWidth() {
        let help = parser.help(for: ["log", "add"], language: .nb, width: 40)
        #expect(help.contains("""
            Oppføringer endres aldri senere; legg
            heller til en rettelse.
            """))
        #expect(help.contains("""
              -s, --subject SUBJECT  Hva oppføringen
                                     gjelder. (kan
                                     gjentas)
            """))
        // Everything but the verbatim example fits in 40 columns.
        let overlong = help.split(separator: "\n").filter { displayWidth(String($0)) > 40 }
        #expect(overlong == ["  beredskap log add \"Refstad full\" -s facility/refstad"])
    }

    @Test func longUsageLineWrapsUnderItsFirstWord() {
        let root = CommandSpec(
            "beredskap", summary: Text("x", nb: "x"),
            subcommands: [
                CommandSpec(
                    "settlement", summary: Text("x", nb: "x"),
                    arguments: [
                        .required("municipality", help: Text("x", nb: "x")),
                        .required("household", help: Text("x", nb: "x")),
                        .variadic("remarks", help: Text("x", nb: "x")),
                    ]),
            ])
        let help = ArgumentParser(root: root, globalOptions: []).help(for: ["settlement"], language: .nb, width: 50)
        #expect(help.hasPrefix("""
            Bruk: beredskap settlement [valg] <municipality>
                  <household> [<remarks>...]

            """))
    }

    @Test func longLabelPutsDescriptionBelow() {
        let root = CommandSpec(
            "beredskap", summary: Text("x", nb: "x"),
            options: [
                .option("a-very-long-option-name-indeed", value: "VALUE", help: Text("Long.", nb: "Lang.")),
                .flag("short", help: Text("Short.", nb: "Kort.")),
            ],
            runnable: true)
        let help = ArgumentParser(root: root, globalOptions: []).help(for: [], language: .en)
        // The description column is capped at 2 + 28 + 2 = 32.
        #expect(help.contains([
            "Options:",
            "      --a-very-long-option-name-indeed VALUE",
            String(repeating: " ", count: 32) + "Long.",
            "      --short" + String(repeating: " ", count: 19) + "Short.",
        ].joined(separator: "\n")))
    }

    @Test func unknownPathGivesDeepestKnownCommand() {
        #expect(parser.help(for: ["log", "nope"], language: .en) == parser.help(for: ["log"], language: .en))
    }
}
