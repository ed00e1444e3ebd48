import BeredskapCLIKit
import BeredskapCore

/// Every `beredskap` command, its options and its help in English and bokmål.
enum CommandTree {
    static let globalOptions: [OptionSpec] = [
        .option("socket", value: "PATH", help: Text(
            "the daemon's socket (default: $BEREDSKAP_SOCKET, ./.beredskap/beredskap.sock, /run/beredskap/beredskap.sock)",
            nb: "tjenestens socket (standard: $BEREDSKAP_SOCKET, ./.beredskap/beredskap.sock, /run/beredskap/beredskap.sock)")),
        .flag("json", help: Text("print JSON for scripts", nb: "skriv JSON for skript")),
        .flag("csv", help: Text("print CSV for spreadsheets (lists)", nb: "skriv CSV for regneark (lister)")),
        .option("lang", value: "en|nb", help: Text(
            "language of messages (default from BEREDSKAP_LANG or LANG)",
            nb: "språk for meldinger (standard fra BEREDSKAP_LANG eller LANG)")),
        .flag("no-color", help: Text("never colour the output", nb: "aldri farger i utskriften")),
    ]

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
            cannot be reached, 4 forbidden (you lack the permission).
            """,
            nb: """
            Snakker med beredskapd over Unix-socketen. Start tjenesten i kildekoden med
            `swift run beredskapd`, eller som tjeneste med `systemctl start beredskapd`.

            Avslutningskoder: 0 ok, 1 tjenesten avviste en gyldig forespørsel (meldingen sier
            hvorfor), 2 det du skrev er feil (bruk, ukjent id, verdi avvist), 3 tjenesten kan
            ikke nås, 4 ikke tillatt (du mangler tillatelsen).
            """),
        subcommands: [status, health] + capacityCommands + alertCommands.map(addingNotificationTest) + [silence]
            + playbookCommands + [watch, events] + [log, audit, metrics, version])

    /// `notification` with `test` added to the subcommands declared with the alert commands.
    private static func addingNotificationTest(_ command: CommandSpec) -> CommandSpec {
        guard command.name == notification.name else { return command }
        var extended = command
        extended.subcommands.append(notificationTest)
        return extended
    }

    static let status = CommandSpec(
        "status",
        summary: Text("one-screen overview: surge level, capacity, alerts, runs", nb: "oversikt: ankomstnivå, kapasitet, varsler, tiltak"))

    static let health = CommandSpec(
        "health",
        summary: Text("check that the daemon answers (exit 0 when healthy)", nb: "sjekk at tjenesten svarer (avslutter med 0 når alt er i orden)"))

    static let events = CommandSpec(
        "events",
        summary: Text("show the event log, or follow it live", nb: "vis hendelsesloggen, eller følg den fortløpende"),
        discussion: Text(
            """
            Every change the daemon records is an event with a sequence number (seq).
            Without --follow: a page of events after --since. With --follow: new events as
            they happen (from --since if given); a lost connection is resumed where it stopped.

            Examples:
              beredskap events --since 100 --limit 20
              beredskap events --follow --type log.
              beredskap events --follow --json | jq .
            """,
            nb: """
            Hver endring tjenesten registrerer er en hendelse med et løpenummer (seq).
            Uten --follow: en side med hendelser etter --since. Med --follow: nye hendelser
            etter hvert som de skjer (fra --since om gitt); et brudd gjenopptas der det stoppet.

            Eksempler:
              beredskap events --since 100 --limit 20
              beredskap events --follow --type log.
              beredskap events --follow --json | jq .
            """),
        options: [
            .flag("follow", short: "f", help: Text("keep printing new events", nb: "fortsett å skrive nye hendelser")),
            .option("since", value: "SEQ", help: Text("start after this sequence number", nb: "start etter dette løpenummeret")),
            .option("type", value: "PREFIX", help: Text("only types starting with PREFIX (e.g. log.)", nb: "bare typer som starter med PREFIX (f.eks. log.)")),
            .option("limit", short: "n", value: "N", help: Text("at most N events (1–1000, default 100)", nb: "høyst N hendelser (1–1000, standard 100)")),
            .option("count", value: "N", help: Text("with --follow: stop after N events", nb: "med --follow: stopp etter N hendelser")),
        ])

    static let log = CommandSpec(
        "log",
        summary: Text("the incident log (hendelseslogg)", nb: "hendelsesloggen"),
        discussion: Text(
            "The running account of what happened, written by people and by the system.",
            nb: "Den fortløpende loggen over hva som skjedde, skrevet av folk og av systemet."),
        subcommands: [logAdd, logList])

    static let logAdd = CommandSpec(
        "add",
        summary: Text("write an entry in the incident log", nb: "skriv en oppføring i hendelsesloggen"),
        discussion: Text(
            """
            Examples:
              beredskap log add "Refstad full, 40 sent to Torshov" --subject facility/refstad
              beredskap log add "Coordination meeting held at 14:00"
            """,
            nb: """
            Eksempler:
              beredskap log add "Refstad fullt, 40 sendt til Torshov" --subject facility/refstad
              beredskap log add "Koordineringsmøte holdt kl. 14.00"
            """),
        options: [
            .option("subject", short: "s", value: "SUBJECT", help: Text(
                "what it concerns: facility/ID, district/ID, kind/KIND or city",
                nb: "hva det gjelder: facility/ID, district/ID, kind/TYPE eller city")),
        ],
        arguments: [.variadic("TEXT", help: Text("the entry (quote it, or give several words)", nb: "teksten (i anførselstegn, eller flere ord)"), optional: false)])

    static let logList = CommandSpec(
        "list",
        summary: Text("show incident-log entries (the latest 50 by default)", nb: "vis oppføringer (de siste 50 som standard)"),
        options: [
            .option("since", value: "TIME", help: Text(
                "from this local time ('2026-11-22 08:00', '08:00' today, or a date for its midnight)",
                nb: "fra dette lokale tidspunktet («2026-11-22 08:00», «08:00» i dag, eller en dato for midnatt)")),
            .option("until", value: "TIME", help: Text("before this time (as --since)", nb: "før dette tidspunktet (som --since)")),
            .option("subject", short: "s", value: "SUBJECT", help: Text("only entries about SUBJECT", nb: "bare oppføringer om SUBJECT")),
            .option("limit", short: "n", value: "N", help: Text("the latest N entries (default 50)", nb: "de siste N oppføringene (standard 50)")),
            .flag("all", help: Text("every matching entry, oldest first", nb: "alle treff, eldste først")),
        ])

    static let audit = CommandSpec(
        "audit",
        summary: Text("who did what (needs the admin permission)", nb: "hvem gjorde hva (krever admin-tillatelsen)"),
        options: [
            .option("since", value: "TIME", help: Text("from this time or date", nb: "fra dette tidspunktet eller datoen")),
            .option("actor", value: "USER", help: Text("only this user name or uid", nb: "bare dette brukernavnet eller uid")),
            .option("after", value: "SEQ", help: Text("continue after this sequence number", nb: "fortsett etter dette løpenummeret")),
            .option("limit", short: "n", value: "N", help: Text("at most N entries (default 100)", nb: "høyst N oppføringer (standard 100)")),
        ])

    static let metrics = CommandSpec(
        "metrics",
        summary: Text("print the daemon's Prometheus metrics", nb: "skriv tjenestens Prometheus-målinger"))

    static let version = CommandSpec(
        "version",
        summary: Text("print the versions of the CLI and the daemon", nb: "skriv versjonene av verktøyet og tjenesten"))
}
