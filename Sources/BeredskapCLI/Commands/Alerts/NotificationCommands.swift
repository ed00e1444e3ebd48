import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `notification list|retry|test`, each declared with its action (`NotificationCommands`).
extension CommandTree {
    private static let notificationStates = NotificationState.allCases.map(\.rawValue).joined(separator: ", ")

    static let notification = Command(
        "notification",
        summary: Text("the notification outbox: list, retry", nb: "meldingskøen: vis, send på nytt"),
        subcommands: [notificationList, notificationRetry, notificationTest])

    static let notificationList = Command(
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
            .oneOf("state", value: "STATE", NotificationState.self, help: Text("only this state: \(notificationStates)", nb: "bare denne tilstanden: \(notificationStates)")),
            limitOption,
        ],
        run: NotificationCommands.list)

    static let notificationRetry = Command(
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
        arguments: [ArgumentSpec.required("ID", help: Text("the notification number", nb: "meldingens nummer"))],
        run: NotificationCommands.retry)

    static let notificationTest = Command(
        "test",
        summary: Text("send a test message through one channel now (needs admin)", nb: "send en testmelding gjennom én kanal nå (krever admin)"),
        discussion: Text(
            """
            The message goes straight to the channel, not through the outbox, and the answer
            says whether the channel took it. Exit code 1 when the channel failed; the error
            is the one a real notification would get.

            Examples:
              beredskap notification test logg
              beredskap notification test vaktlag-webhook --json
            """,
            nb: """
            Meldingen går rett til kanalen, ikke gjennom meldingskøen, og svaret sier om
            kanalen tok imot den. Avslutningskode 1 når kanalen feilet; feilen er den samme
            som en ekte melding ville fått.

            Eksempler:
              beredskap notification test logg
              beredskap notification test vaktlag-webhook --json
            """),
        arguments: [ArgumentSpec.required("CHANNEL", help: Text(
            "a channel name from notifications.channels in the configuration",
            nb: "et kanalnavn fra notifications.channels i konfigurasjonen"))],
        run: NotificationCommands.test)
}

/// `notification list`, `notification retry` and `notification test`: the outbox as people
/// look after it, and a check that a channel works.
enum NotificationCommands {
    /// Sends a test message through one channel now; exit 1 when the channel failed.
    static func test(_ context: CommandContext) throws(CommandFailure) {
        let channel = context.parsed.argument("CHANNEL") ?? ""
        let answer = try call { () throws(ClientError) in try context.client.testNotificationChannel(channel) }
        let output = context.output
        if output.format == .json { output.json(answer) }
        guard answer.delivered else {
            throw .message(Text(
                "channel \(channel) failed: \(answer.error ?? "no reason given")",
                nb: "kanalen \(channel) feilet: \(answer.error ?? "ingen grunn oppgitt")"), .refused)
        }
        if output.format != .json {
            output.line(Text("Test message delivered through \(channel).", nb: "Testmeldingen er levert gjennom \(channel)."))
        }
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, limit) = try usage { () throws(UsageError) in
            (try parsed.enumValue("state", NotificationState.self), try parsed.int("limit", in: 1...1000))
        }
        let list = try call { () throws(ClientError) in try context.client.notifications(state: state, limit: limit) }
        let output = context.output
        if output.printedForScripts(list, csv: { (csvHeader, list.notifications.map(csvRow)) }) { return }
        guard !list.notifications.isEmpty else { return output.line(Text("No notifications.", nb: "Ingen meldinger.")) }
        printTable(list.notifications, output)
    }

    static func retry(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try context.parsed.number("ID") }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.retryNotification(id: id, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        output.line(Text(
            "Notification \(id) is queued again (event \(answer.eventSeq)).",
            nb: "Melding \(id) er lagt i køen igjen (hendelse \(answer.eventSeq))."))
    }

    static let columns: [ListColumn] = [
        .number("ID", nb: "ID"),
        ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("CHANNEL", nb: "KANAL"),
        ListColumn("GROUP", nb: "GRUPPE"),
        .number("ALERT", nb: "VARSEL"),
        .number("RUN", nb: "KJØRING"),
        ListColumn("KIND", nb: "TYPE"),
        .number("TRIES", nb: "FORSØK"),
        ListColumn("WHEN", nb: "NÅR"),
        ListColumn("ERROR", nb: "FEIL", maxWidth: 40),
    ]

    /// The rows as a table: dead ones red (someone must act), pending yellow. WHEN is the
    /// delivery time, or the next attempt while pending.
    static func printTable(_ notifications: [NotificationResource], _ output: Output) {
        let rows = notifications.map { row -> [String] in
            [
                String(row.id), row.state.name(output.language), row.channel, row.group, row.alert.map(String.init) ?? "–",
                row.run.map(String.init) ?? "–", row.kind,
                String(row.attempts), output.time(row.deliveredAt ?? row.nextAttemptAt), row.lastError ?? "",
            ]
        }
        let style = output.style
        output.table(columns, rows: rows, rowStyles: notifications.map { row -> (String) -> String in
            switch row.state {
            case .dead: style.red
            case .pending: style.yellow
            case .delivered: { $0 }
            }
        })
    }

    /// Every field a spreadsheet may want, named as in the JSON.
    static let csvHeader = [
        "id", "channel", "group", "alert", "kind", "idempotency_key", "state", "attempts", "last_error", "next_attempt_at",
        "delivered_at", "subject_line", "created_at", "exercise", "run",
    ]

    static func csvRow(_ row: NotificationResource) -> [String] {
        [
            String(row.id), row.channel, row.group, row.alert.map(String.init) ?? "", row.kind, row.idempotencyKey,
            row.state.rawValue, String(row.attempts), row.lastError ?? "", row.nextAttemptAt?.rfc3339 ?? "",
            row.deliveredAt?.rfc3339 ?? "", row.subjectLine, row.createdAt.rfc3339, String(row.exercise),
            row.run.map(String.init) ?? "",
        ]
    }
}
