import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `log add|list`, each declared with its action (`LogCommands`).
extension CommandTree {
    static let log = Command(
        "log",
        summary: Text("the incident log (hendelseslogg)", nb: "hendelsesloggen"),
        discussion: Text(
            "The running account of what happened, written by people and by the system.",
            nb: "Den fortløpende loggen over hva som skjedde, skrevet av folk og av systemet."),
        subcommands: [logAdd, logList])

    static let logAdd = Command(
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
        arguments: [.variadic("TEXT", help: Text("the entry (quote it, or give several words)", nb: "teksten (i anførselstegn, eller flere ord)"), optional: false)],
        run: LogCommands.add)

    static let logList = Command(
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
        ],
        run: LogCommands.list)
}

/// `log add` and `log list`.
enum LogCommands {
    static func add(_ context: CommandContext) throws(CommandFailure) {
        let text = context.parsed.arguments("TEXT").joined(separator: " ")
        let subject = context.parsed.value("subject")
        let key = context.idempotencyKey()
        let entry = try call { () throws(ClientError) in
            try context.client.addLogEntry(text: text, subject: subject, idempotencyKey: key)
        }
        let output = context.output
        switch output.format {
        case .json: output.json(entry)
        case .csv: output.csv(header: headers(.en), rows: [row(entry.asEntry, output)])
        case .human:
            output.line(Text(
                "Logged #\(entry.id) at \(output.time(entry.time)) (event #\(entry.eventSeq)).",
                nb: "Loggført #\(entry.id) \(output.time(entry.time)) (hendelse #\(entry.eventSeq))."))
        }
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        var query = LogListQuery()
        let calendar = context.output.calendar
        query.since = try usage { () throws(UsageError) in try parsed.instant("since", calendar: calendar)?.rfc3339 }
        query.until = try usage { () throws(UsageError) in try parsed.instant("until", calendar: calendar)?.rfc3339 }
        query.subject = parsed.value("subject")
        let all = parsed.flag("all")
        let limit = try usage { () throws(UsageError) in try parsed.int("limit", in: 1...APIContract.maximumPageSize) }
        if all && limit != nil {
            throw .usage(parsed.usageError(Text("--all and --limit exclude each other", nb: "--all og --limit utelukker hverandre")))
        }
        var entries: [IncidentLogEntry] = []
        if all {
            query.limit = APIContract.maximumPageSize
            while true {
                let page = try call { () throws(ClientError) in try context.client.logEntries(query) }
                entries += page.entries
                guard let next = page.next else { break }
                query.cursor = next
            }
        } else {
            query.newestFirst = true
            query.limit = limit ?? 50
            entries = try call { () throws(ClientError) in try context.client.logEntries(query) }.entries.reversed()
        }
        print(entries, context.output)
    }

    static func print(_ entries: [IncidentLogEntry], _ output: Output) {
        switch output.format {
        case .json:
            output.json(LogPage(entries: entries, next: nil))
        case .csv:
            output.csv(header: headers(.en), rows: entries.map { row($0, output, csv: true) })
        case .human:
            guard !entries.isEmpty else { return output.line(Text("No entries.", nb: "Ingen oppføringer.")) }
            let titles = headers(output.language)
            var table = Table(columns: [
                Table.Column(titles[0], alignment: .right), Table.Column(titles[1]), Table.Column(titles[2]),
                Table.Column(titles[3]), Table.Column(titles[4], maxWidth: max(30, output.width - 70)),
            ])
            for entry in entries { table.addRow(row(entry, output)) }
            output.table(table)
        }
    }

    static func headers(_ language: Language) -> [String] {
        language == .nb ? ["ID", "TID", "AV", "GJELDER", "TEKST"] : ["ID", "TIME", "BY", "SUBJECT", "TEXT"]
    }

    static func row(_ entry: IncidentLogEntry, _ output: Output, csv: Bool = false) -> [String] {
        let by = entry.source == .system ? "system" : entry.actor.user
        return [
            String(entry.id), csv ? entry.time.rfc3339 : output.time(entry.time), by, entry.subject ?? "",
            (entry.exercise ? "[ØVELSE] " : "") + entry.text,
        ]
    }
}

extension LogEntryCreated {
    var asEntry: IncidentLogEntry {
        IncidentLogEntry(
            id: id, seq: seq, time: time, actor: actor, source: source, subject: subject, text: text, exercise: exercise)
    }
}
