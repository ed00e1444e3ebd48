import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

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
