import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `alerts`, `alert show|ack` and `rules`, each declared with its action (`AlertCommands`).
extension CommandTree {
    static let alertCommands = [alerts, alert, rules, notification]

    private static let severities = AlertSeverity.allCases.map(\.rawValue).joined(separator: ", ")

    private static let alertStates = AlertStateFilter.allCases.map(\.rawValue).joined(separator: ", ")

    private static let alertIDArgument = ArgumentSpec.required("ID", help: Text("the alert number, e.g. 12", nb: "varselets nummer, f.eks. 12"))

    /// `--limit N` of the lists that show the newest rows first (alerts, notifications, runs).
    static let limitOption = OptionSpec.option("limit", short: "n", value: "N", help: Text(
        "at most N rows, newest first (1–1000, default 100)", nb: "høyst N rader, nyeste først (1–1000, standard 100)"))

    static let alerts = Command(
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
            .oneOf("state", value: "STATE", AlertStateFilter.self, help: Text("which alerts: \(alertStates) (default open)", nb: "hvilke varsler: \(alertStates) (standard open)")),
            .oneOf("severity", value: "SEVERITY", AlertSeverity.self, help: Text("only this severity: \(severities)", nb: "bare denne alvorligheten: \(severities)")),
            .option("rule", value: "RULE", help: Text("only this rule, e.g. facility_utilization", nb: "bare denne regelen, f.eks. facility_utilization")),
            limitOption,
        ],
        run: AlertCommands.list)

    static let alert = Command(
        "alert",
        summary: Text("one alert: show it, acknowledge it", nb: "ett varsel: vis det, kvitter for det"),
        subcommands: [alertShow, alertAck])

    static let alertShow = Command(
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
        arguments: [alertIDArgument],
        run: AlertCommands.show)

    static let alertAck = Command(
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
        arguments: [alertIDArgument],
        run: AlertCommands.acknowledge)

    static let rules = Command(
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
            """),
        run: AlertCommands.rules)
}

/// `alerts`, `alert show`, `alert ack` and `rules`.
enum AlertCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, severity, limit) = try usage { () throws(UsageError) in
            (try parsed.enumValue("state", AlertStateFilter.self), try parsed.enumValue("severity", AlertSeverity.self),
             try parsed.int("limit", in: 1...1000))
        }
        let list = try call { () throws(ClientError) in
            try context.client.alerts(state: state, severity: severity, rule: parsed.value("rule"), limit: limit)
        }
        let output = context.output
        if output.printedForScripts(list, csv: { (AlertFormat.csvHeader, list.alerts.map(AlertFormat.csvRow)) }) { return }
        guard !list.alerts.isEmpty else {
            return output.line(state == nil || state == .open
                ? Text("No open alerts.", nb: "Ingen åpne varsler.") : Text("No alerts.", nb: "Ingen varsler."))
        }
        output.table(
            AlertFormat.columns, rows: list.alerts.map { AlertFormat.row($0, output) },
            rowStyles: list.alerts.map { AlertFormat.rowStyle($0, output.style) })
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try context.parsed.number("ID") }
        let alert = try call { () throws(ClientError) in try context.client.alert(id: id) }
        let output = context.output
        if output.printedForScripts(alert, csv: { (AlertFormat.csvHeader, [AlertFormat.csvRow(alert)]) }) { return }
        output.keyValues(AlertFormat.fields(alert, output))
        if let history = alert.history, !history.isEmpty {
            output.line("")
            output.line(output.style.bold(Text("History", nb: "Historikk")(output.language)))
            output.table(
                [ListColumn("TIME", nb: "TID"), ListColumn("STATE", nb: "TILSTAND"), ListColumn("SEVERITY", nb: "ALVORLIGHET")],
                rows: history.map { [output.time($0.at), $0.state.name(output.language), $0.severity.name(output.language)] })
        }
        if let notifications = alert.notifications, !notifications.isEmpty {
            output.line("")
            output.line(output.style.bold(Text("Notifications", nb: "Meldinger")(output.language)))
            NotificationCommands.printTable(notifications, output)
        }
    }

    static func acknowledge(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let output = context.output
        let (id, comment, expires) = try usage { () throws(UsageError) in
            guard let comment = parsed.value("comment") else {
                throw parsed.usageError(Text(
                    "--comment is required: say what you are doing about the alert",
                    nb: "--comment er påkrevd: si hva du gjør med varselet"))
            }
            return (try parsed.number("ID"), comment, try parsed.instant("expires", calendar: output.calendar))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in
            try context.client.acknowledgeAlert(id: id, AckBody(comment: comment, expiresAt: expires), idempotencyKey: key)
        }
        if output.format == .json { return output.json(answer) }
        let until = answer.alert.ackExpiresAt.map { output.time($0) }
        output.line(until.map {
            Text("Alert \(id) acknowledged until \($0) (event \(answer.eventSeq)).",
                 nb: "Varsel \(id) kvittert til \($0) (hendelse \(answer.eventSeq)).")
        } ?? Text("Alert \(id) acknowledged (event \(answer.eventSeq)).", nb: "Varsel \(id) kvittert (hendelse \(answer.eventSeq))."))
    }

    static func rules(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.rules() }
        let output = context.output
        if output.printedForScripts(list, csv: { (AlertFormat.ruleCSVHeader, list.rules.map(AlertFormat.ruleCSVRow)) }) {
            return
        }
        let plain: (String) -> String = { $0 }
        let styles: [(String) -> String] = list.rules.map { $0.enabled ? plain : output.style.dim }
        let rows: [[String]] = list.rules.map { AlertFormat.ruleRow($0, output.language) }
        output.table(AlertFormat.ruleColumns, rows: rows, rowStyles: styles)
    }
}

extension ParsedCommand {
    /// The positional `name` as a record number (alerts and notifications are numbered from 1).
    func number(_ name: String) throws(UsageError) -> Int64 {
        let text = argument(name) ?? ""
        guard let value = Int64(text), value > 0 else {
            throw usageError(Text(
                "<\(name)> must be a positive whole number, not '\(text)'",
                nb: "<\(name)> må være et positivt heltall, ikke «\(text)»"))
        }
        return value
    }
}
