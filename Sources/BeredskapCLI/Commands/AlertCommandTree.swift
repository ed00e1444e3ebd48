import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// The alert commands: `alerts`, `alert show|ack`, `rules`, `notification list|retry`.
/// Declared beside their implementations; `CommandTree.root` lists them.
extension CommandTree {
    static let alertCommands = [alerts, alert, rules, notification]

    private static let severities = AlertSeverity.allCases.map(\.rawValue).joined(separator: ", ")
    private static let alertStates = AlertStateFilter.allCases.map(\.rawValue).joined(separator: ", ")
    private static let notificationStates = NotificationState.allCases.map(\.rawValue).joined(separator: ", ")
    private static let alertIDArgument = ArgumentSpec.required("ID", help: Text("the alert number, e.g. 12", nb: "varselets nummer, f.eks. 12"))
    /// `--limit N` of the lists that show the newest rows first (alerts, notifications, runs).
    static let limitOption = OptionSpec.option("limit", short: "n", value: "N", help: Text(
        "at most N rows, newest first (1–1000, default 100)", nb: "høyst N rader, nyeste først (1–1000, standard 100)"))

    static let alerts = CommandSpec(
        "alerts",
        summary: Text("list alerts (the open ones by default)", nb: "vis varsler (de åpne som standard)"),
        discussion: Text(
            """
            Open alerts are pending (the condition holds, not yet long enough) or firing (the
            groups are told). VALUE is the measured value; utilization is shown in per cent.
            ACK names who took the alert on. On a terminal, critical rows are red and warnings
            yellow.

            Examples:
              beredskap alerts
              beredskap alerts --severity critical
              beredskap alerts --state resolved --rule facility_utilization --csv > varsler.csv
            """,
            nb: """
            Åpne varsler er ventende (tilstanden gjelder, men ikke lenge nok ennå) eller aktive
            (gruppene er varslet). VERDI er målt verdi; belegg vises i prosent. KVITTERT sier
            hvem som har tatt varselet. I en terminal er kritiske rader røde og advarsler gule.

            Eksempler:
              beredskap alerts
              beredskap alerts --severity critical
              beredskap alerts --state resolved --rule facility_utilization --csv > varsler.csv
            """),
        options: [
            .option("state", value: "STATE", help: Text("which alerts: \(alertStates) (default open)", nb: "hvilke varsler: \(alertStates) (standard open)")),
            .option("severity", value: "SEVERITY", help: Text("only this severity: \(severities)", nb: "bare denne alvorligheten: \(severities)")),
            .option("rule", value: "RULE", help: Text("only this rule, e.g. facility_utilization", nb: "bare denne regelen, f.eks. facility_utilization")),
            limitOption,
        ])

    static let alert = CommandSpec(
        "alert",
        summary: Text("one alert: show it, acknowledge it", nb: "ett varsel: vis det, kvitter for det"),
        subcommands: [alertShow, alertAck])

    static let alertShow = CommandSpec(
        "show",
        summary: Text("show an alert with its history and notifications", nb: "vis et varsel med historikk og meldinger"),
        discussion: Text(
            """
            Examples:
              beredskap alert show 12
              beredskap alert show 12 --json
            """,
            nb: """
            Eksempler:
              beredskap alert show 12
              beredskap alert show 12 --json
            """),
        arguments: [alertIDArgument])

    static let alertAck = CommandSpec(
        "ack",
        summary: Text("acknowledge an alert: you are on it (needs operate)", nb: "kvitter for et varsel: du tar det (krever operate)"),
        discussion: Text(
            """
            Repeats and escalation stop until --expires (default: until the alert resolves) or
            until its severity rises. A resolved alert cannot be acknowledged.

            Examples:
              beredskap alert ack 12 --comment "Ringer Hero om flere plasser på Refstad"
              beredskap alert ack 12 --comment "Følges opp i morgen" --expires 2026-11-23T08:00:00Z
            """,
            nb: """
            Gjentakelser og eskalering stopper til --expires (standard: til varselet opphører)
            eller til alvorligheten øker. Et avsluttet varsel kan ikke kvitteres.

            Eksempler:
              beredskap alert ack 12 --comment "Ringer Hero om flere plasser på Refstad"
              beredskap alert ack 12 --comment "Følges opp i morgen" --expires 2026-11-23T08:00:00Z
            """),
        options: [
            .option("comment", short: "m", value: "TEXT", help: Text(
                "what you are doing about it (required, 1–500 characters)", nb: "hva du gjør med det (påkrevd, 1–500 tegn)")),
            .option("expires", value: "TIME", help: Text(
                "when the acknowledgement lapses, local time ('2026-11-23 08:00', '18:00' today, or a date for its midnight)",
                nb: "når kvitteringen utløper, lokal tid («2026-11-23 08:00», «18:00» i dag, eller en dato for midnatt)")),
        ],
        arguments: [alertIDArgument])

    static let rules = CommandSpec(
        "rules",
        summary: Text("the configured alert rules and their open alerts", nb: "de konfigurerte varselreglene og åpne varsler"),
        discussion: Text(
            """
            CONDITION shows the thresholds (warning / critical / clear) or the severity; FOR is
            how long the condition must hold before the alert fires, KEEP how long it stays
            firing after it cleared (ISO 8601 durations).

            Example:
              beredskap rules
            """,
            nb: """
            VILKÅR viser tersklene (advarsel / kritisk / opphør) eller alvorligheten; FOR er hvor
            lenge tilstanden må vare før varselet blir aktivt, BEHOLD hvor lenge det forblir
            aktivt etter at tilstanden opphørte (ISO 8601-varigheter).

            Eksempel:
              beredskap rules
            """))

    static let notification = CommandSpec(
        "notification",
        summary: Text("the notification outbox: list, retry", nb: "meldingskøen: vis, send på nytt"),
        subcommands: [notificationList, notificationRetry])

    static let notificationList = CommandSpec(
        "list",
        summary: Text("list notifications, newest first", nb: "vis meldinger, nyeste først"),
        discussion: Text(
            """
            Every alert notification is a row per channel: pending (waiting for an attempt),
            delivered, or dead (retries exhausted; red on a terminal).

            Examples:
              beredskap notification list
              beredskap notification list --state dead
            """,
            nb: """
            Hvert varsel blir én rad per kanal: pending (venter på et forsøk), delivered
            (levert) eller dead (forsøkene brukt opp; rød i en terminal).

            Eksempler:
              beredskap notification list
              beredskap notification list --state dead
            """),
        options: [
            .option("state", value: "STATE", help: Text("only this state: \(notificationStates)", nb: "bare denne tilstanden: \(notificationStates)")),
            limitOption,
        ])

    static let notificationRetry = CommandSpec(
        "retry",
        summary: Text("put a dead notification back in the queue (needs operate)", nb: "legg en død melding i køen igjen (krever operate)"),
        discussion: Text(
            """
            It keeps its idempotency key, so a receiver that got it after all can drop it.

            Example:
              beredskap notification retry 31
            """,
            nb: """
            Den beholder idempotensnøkkelen, så en mottaker som likevel fikk den kan se bort fra den.

            Eksempel:
              beredskap notification retry 31
            """),
        arguments: [ArgumentSpec.required("ID", help: Text("the notification number", nb: "meldingens nummer"))])
}
