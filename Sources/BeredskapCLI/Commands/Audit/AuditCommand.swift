import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `audit`, declared with its action (`AuditCommand`).
extension CommandTree {
    static let audit = Command(
        "audit",
        summary: Text("who did what (needs the admin permission)", nb: "hvem gjorde hva (krever admin-tillatelsen)"),
        options: [
            .option("since", value: "TIME", help: Text("from this time or date", nb: "fra dette tidspunktet eller datoen")),
            .option("actor", value: "USER", help: Text("only this user name or uid", nb: "bare dette brukernavnet eller uid")),
            .option("after", value: "SEQ", help: Text("continue after this sequence number", nb: "fortsett etter dette løpenummeret")),
            .option("limit", short: "n", value: "N", help: Text("at most N entries (default 100)", nb: "høyst N oppføringer (standard 100)")),
        ],
        run: AuditCommand.run)
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
