import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// The deadlines as the deadline engine holds them: both routes answer from its memory, never
/// from SQL. The list names persons, so it is recorded like every list of persons (the
/// `access.read` event names whom it showed); the summary has counts only.
struct DeadlineRoutes {
    let engine: DeadlineEngine

    /// The states the list can be asked for.
    static let listedStates: [DeadlineState] = [.overdue, .dueSoon]

    var routes: [Route] {
        [
            Route(Endpoints.Deadlines.list, audited: .route) { context throws(APIError) in
                let filter = try filter(context)
                let engine = engine
                return .recordedList { _ in
                    let (date, page) = engine.read { ($0.today, $0.entries(filter)) }
                    let entries = page.entries.map {
                        DeadlineEntry(person: $0.person, rule: $0.rule, state: $0.state, dueDate: $0.dueDate, district: $0.district)
                    }
                    var shown: [String] = []
                    for entry in entries where shown.last != "person/\(entry.person)" { shown.append("person/\(entry.person)") }
                    return RecordedList(
                        reply: try CommandReply.json(status: 200, DeadlineList(date: date, deadlines: entries, next: page.next)),
                        subjects: shown)
                }
            },
            Route(Endpoints.Deadlines.summary) { _ throws(APIError) in
                let summary = engine.read { book in
                    DeadlineSummary(
                        date: book.today, rules: book.rules.map(\.id),
                        rows: book.summary().map { row in
                            DeadlineSummary.Row(
                                rule: row.rule, district: row.district, due: row.counts.due, dueSoon: row.counts.dueSoon,
                                overdue: row.counts.overdue, met: row.counts.met, metLate: row.counts.metLate)
                        })
                }
                return .json(status: 200, body: summary)
            },
        ]
    }

    /// The list's query, every value checked: `state`, `rule` (a rule in force), `district` (of Oslo's),
    /// `after` (a person id) and `limit`.
    private func filter(_ context: RequestContext) throws(APIError) -> DeadlineBook.Filter {
        var filter = DeadlineBook.Filter(limit: try context.pageSize())
        if let text = context.query("state") {
            guard let state = DeadlineState(rawValue: text), Self.listedStates.contains(state) else {
                let known = Self.listedStates.map(\.rawValue).joined(separator: ", ")
                throw .invalidField("state", Text("expected one of: \(known)", nb: "forventet ett av: \(known)"))
            }
            filter.states = [state]
        }
        if let rule = context.query("rule") {
            let rules = engine.read { $0.rules.map(\.id) }
            guard rules.contains(rule) else {
                let known = rules.joined(separator: ", ")
                throw .invalidField("rule", Text("unknown deadline rule (known: \(known))", nb: "ukjent fristregel (kjente: \(known))"))
            }
            filter.rule = rule
        }
        if let district = try SettlementCaseRoutes.districtQuery(context) {
            let known = District.oslo.map(\.id)
            guard known.contains(district) else {
                let list = known.joined(separator: ", ")
                throw .invalidField("district", Text("unknown district (known: \(list))", nb: "ukjent bydel (kjente: \(list))"))
            }
            filter.district = district
        }
        filter.after = try context.queryInteger("after", in: 0...Int64.max)
        return filter
    }
}
