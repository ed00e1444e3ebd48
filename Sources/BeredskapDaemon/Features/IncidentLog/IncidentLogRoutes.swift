import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The incident log (hendelseslogg): `POST /v1/log`, `GET /v1/log`.
struct IncidentLogRoutes {
    let reads: StoreReads
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.IncidentLog.add) { context throws(APIError) in
                let entry = try Self.validated(context.decodeBody(NewLogEntry.self))
                return .mutation { transaction in
                    let stored = try transaction.addIncidentLogEntry(text: entry.text, subject: entry.subject)
                    return try CommandReply.json(status: 201, Mutation(stored, eventSeq: stored.seq))
                }
            },
            Route(Endpoints.IncidentLog.list) { context throws(APIError) in
                var query = IncidentLogQuery()
                let calendar = settings.calendar
                query.since = try context.queryTime("since", in: calendar)
                query.until = try context.queryTime("until", in: calendar)
                query.subject = try context.query("subject").map { subject throws(APIError) in
                    try Self.checkedSubject(subject, field: "subject")
                }
                query.limit = try context.pageSize()
                switch context.query("order") ?? "asc" {
                case "asc": query.newestFirst = false
                case "desc": query.newestFirst = true
                default: throw .invalidField("order", Text("expected asc or desc", nb: "forventet asc eller desc"))
                }
                let after = try context.queryInteger("after", in: 0...Int64.max)
                let before = try context.queryInteger("before", in: 0...Int64.max)
                if after != nil && query.newestFirst || before != nil && !query.newestFirst {
                    throw .invalidField(
                        after != nil ? "after" : "before",
                        Text("use after with order=asc and before with order=desc",
                             nb: "bruk after med order=asc og before med order=desc"))
                }
                query.cursor = after ?? before
                // Pages of free text that grow with a crisis (the CLI's --all reads them all): off the loop.
                let page = query
                return .slowRead { () throws(APIError) in
                    let entries = try reads.read { try $0.incidentLog(page) }
                    let next = entries.count == page.limit ? entries.last?.id : nil
                    return .json(status: 200, body: LogPage(entries: entries, next: next))
                }
            },
        ]
    }

    /// Trims the text and checks both fields.
    static func validated(_ entry: NewLogEntry) throws(APIError) -> NewLogEntry {
        let text = entry.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalidField("text", Text("must not be empty", nb: "kan ikke være tom")) }
        guard text.count <= APIContract.maximumLogTextLength else {
            throw .invalidField(
                "text",
                Text("must be at most \(APIContract.maximumLogTextLength) characters",
                     nb: "kan være høyst \(APIContract.maximumLogTextLength) tegn"))
        }
        // C0 and C1 controls (but newline and tab) would garble terminals and reports.
        guard !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) else {
            throw .invalidField("text", Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn"))
        }
        let subject = try entry.subject.map { subject throws(APIError) in try checkedSubject(subject, field: "subject") }
        return NewLogEntry(text: text, subject: subject)
    }

    static func checkedSubject(_ subject: String, field: String) throws(APIError) -> String {
        guard Subject.isValid(subject) else {
            throw .invalidField(
                field,
                Text("expected a subject such as facility/refstad, district/ullern or city",
                     nb: "forventet et emne som facility/refstad, district/ullern eller city"))
        }
        return subject
    }
}
