import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

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

/// `audit`.
enum AuditCommand {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let after = try EventCommands.int64(parsed, "after")
        let limit = try usage { () throws(UsageError) in try parsed.int("limit", in: 1...APIContract.maximumPageSize) }
        let since = try usage { () throws(UsageError) in
            try parsed.instant("since", calendar: context.output.calendar)?.rfc3339
        }
        let page = try call { () throws(ClientError) in
            try context.client.audit(since: since, actor: parsed.value("actor"), after: after, limit: limit)
        }
        let output = context.output
        switch output.format {
        case .json:
            output.json(page)
        case .csv:
            output.csv(header: ["seq", "time", "actor", "uid", "type", "subject", "data"], rows: page.entries.map { event in
                [String(event.seq), event.time.rfc3339, event.actor.user, event.actor.uid.map(String.init) ?? "", event.type,
                 event.subject ?? "", event.data.serializedString()]
            })
        case .human:
            guard !page.entries.isEmpty else { return output.line(Text("Nothing recorded.", nb: "Ingenting registrert.")) }
            var table = Table(columns: [
                Table.Column("SEQ", alignment: .right), Table.Column(output.language == .nb ? "TID" : "TIME"),
                Table.Column(output.language == .nb ? "AKTØR" : "ACTOR"), Table.Column("TYPE"),
                Table.Column(output.language == .nb ? "GJELDER" : "SUBJECT"),
                Table.Column("DATA", maxWidth: max(20, output.width - 90)),
            ])
            for event in page.entries {
                table.addRow([
                    "#\(event.seq)", output.time(event.time), event.actor.description, event.type, event.subject ?? "",
                    event.data.serializedString(),
                ])
            }
            output.table(table)
            output.line(output.style.dim(Text("Next page: --after \(page.next)", nb: "Neste side: --after \(page.next)")(output.language)))
        }
    }
}
