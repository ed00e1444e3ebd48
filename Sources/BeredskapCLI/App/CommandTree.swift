import BeredskapCLIKit
import BeredskapCore

/// Every `beredskap` command, its options and its help in English and bokmål: the global
/// options and the root here, the commands of each feature in its folder under `Commands/`.
enum CommandTree {
    static let globalOptions: [OptionSpec] = [
        .option("socket", value: "PATH", help: Text(
            "the daemon's socket (default: $BEREDSKAP_SOCKET, ./.beredskap/beredskap.sock, /run/beredskap/beredskap.sock)",
            nb: "tjenestens socket (standard: $BEREDSKAP_SOCKET, ./.beredskap/beredskap.sock, /run/beredskap/beredskap.sock)")),
        .flag("json", help: Text("print JSON for scripts", nb: "skriv JSON for skript")),
        .flag("csv", help: Text("print CSV for spreadsheets (lists)", nb: "skriv CSV for regneark (lister)")),
        .choice("lang", among: ["en", "nb"], help: Text(
            "language of messages (default from BEREDSKAP_LANG or LANG)",
            nb: "språk for meldinger (standard fra BEREDSKAP_LANG eller LANG)")),
        .flag("no-color", help: Text("never colour the output", nb: "aldri farger i utskriften")),
    ]

    /// The top-level commands, in the order `beredskap --help` lists them; each feature's are
    /// declared, with their actions, in its folder under `Commands/`.
    static let commands: [Command] = [status, health] + capacityCommands + alertCommands + [silence] + playbookCommands + settlementCommands
        + [caseCommand, housing] + peopleCommands + [deadlines, minor, intro, grants, exercise, report]
        + [watch, top, events, log, audit, metrics, backup, version] + [completion, man, demo]

    static let root = CommandSpec(
        "beredskap",
        summary: Text(
            "the preparedness CLI for Oslo's refugee reception",
            nb: "beredskaps-verktøyet for flyktningmottak i Oslo"),
        discussion: Text(
            """
            Talks to beredskapd over its Unix socket. Start the daemon in the checkout with
            `swift run beredskapd`, or as a service with `systemctl start beredskapd`.

            Exit codes: 0 ok, 1 the daemon refused a valid request (the message says why),
            2 what you typed is wrong (usage, an unknown id, a value refused), 3 the daemon
            cannot be reached, 4 forbidden (you lack the permission), 5 an exercise missed
            expectations, 130 stopped with Ctrl-C.
            """,
            nb: """
            Snakker med beredskapd over Unix-socketen. Start tjenesten i kildekoden med
            `swift run beredskapd`, eller som tjeneste med `systemctl start beredskapd`.

            Avslutningskoder: 0 ok, 1 tjenesten avviste en gyldig forespørsel (meldingen sier
            hvorfor), 2 det du skrev er feil (bruk, ukjent id, verdi avvist), 3 tjenesten kan
            ikke nås, 4 ikke tillatt (du mangler tillatelsen), 5 en øvelse oppfylte ikke alle
            forventninger, 130 stoppet med Ctrl-C.
            """),
        subcommands: commands.map(\.spec))
}
