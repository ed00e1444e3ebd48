import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// The grants (issue 13, item 4): the forecast per district from the persons settled and the
/// rates in configuration (counts and NOK only), the persons whose disability-grant
/// application is missing as its deadline nears (a recorded read, from the deadline engine's
/// book), and the application, recorded as the `disability_grant_applied` milestone through
/// the milestone write path so that it meets the `disability_grant` deadline.
struct GrantRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let deadlines: DeadlineEngine

    /// `within` when not given: two months ahead.
    static let defaultWithin = 60

    var routes: [Route] {
        [
            Route(Endpoints.Grants.forecast) { context throws(APIError) in
                guard let year = try context.queryInteger("year", in: Int64(DaemonConfiguration.Grants.years.lowerBound)...Int64(
                    DaemonConfiguration.Grants.years.upperBound)).map(Int.init)
                else { throw .invalidField("year", Text("is required (a year such as 2016)", nb: "mangler (et år som 2016)")) }
                let district = try Self.district(context)
                let table = settings.configuration.grants.rates
                guard table.rates(for: year) != nil else {
                    let first = table.years.keys.min().map(String.init) ?? "–"
                    throw .invalidField("year", Text(
                        "no grant rates for \(year) or earlier (grants.rates starts in \(first))",
                        nb: "ingen tilskuddssatser for \(year) eller tidligere (grants.rates begynner i \(first))"))
                }
                return .slowRead { () throws(APIError) in
                    let persons = try reads.read { connection in
                        try connection.grantPersons(settledThrough: CalendarDate(year: year, month: 12, day: 31) ?? .init(daysSinceEpoch: 0))
                    }
                    let chosen = district.map { district in persons.filter { $0.district == district } } ?? persons
                    guard let forecast = GrantForecast(year: year, persons: chosen, table: table) else {
                        throw .invalidField("year", Text("no grant rates for \(year)", nb: "ingen tilskuddssatser for \(year)"))
                    }
                    return .json(status: 200, body: GrantForecastResource(
                        year: forecast.year, ratesYear: forecast.ratesYear, districts: forecast.districts.map(GrantForecastRow.init),
                        totals: GrantForecastRow(forecast.totals)))
                }
            },
            Route(Endpoints.Grants.missingApplications, audited: .route) { context throws(APIError) in
                let within = Int(try context.queryInteger("within", in: 0...3650) ?? Int64(Self.defaultWithin))
                let deadlines = deadlines
                return .recordedList { _ in
                    let (today, entries) = deadlines.read { book in
                        (book.today, book.entries(DeadlineBook.Filter(
                            states: [.due, .dueSoon, .overdue], rule: GrantRules.disabilityDeadline, limit: Int.max)).entries)
                    }
                    let list = Self.missing(entries, today: today, within: within)
                    return RecordedList(
                        reply: try CommandReply.json(status: 200, MissingGrantApplicationList(date: today, within: within, persons: list)),
                        subjects: list.map { "person/\($0.person)" })
                }
            },
            Route(Endpoints.Grants.apply) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(GrantApplicationBody.self)
                let amount = try Self.amount(body, rates: settings.configuration.grants.rates)
                let calendar = settings.calendar
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    try Self.check(id, applied: body.applied, transaction.connection)
                    _ = try MilestoneRoutes.record(
                        PersonMilestone(milestone: .disabilityGrantApplied, date: body.applied), of: id, today: today, dateField: "applied",
                        in: &transaction)
                    let event = try transaction.appendEvent(
                        GrantEvents.applicationRecorded,
                        GrantEvents.ApplicationRecorded(person: id, grant: body.grant, amount: amount), subject: "person/\(id)")
                    try transaction.recordGrantApplication(id, StoredGrantApplication(grant: body.grant, amount: amount), seq: event.seq)
                    let resource = GrantApplicationResource(person: id, grant: body.grant, applied: body.applied, amount: amount)
                    return try CommandReply.json(status: 201, Mutation(resource, eventSeq: event.seq))
                }
            },
        ]
    }

    /// The person's application as the export shows it; nil when there is none.
    static func application(of id: Int64, _ connection: SQLiteConnection) throws -> GrantApplicationResource? {
        guard let stored = try connection.grantApplication(id),
            let applied = try connection.personMilestones(id).first(where: { $0.milestone == .disabilityGrantApplied })?.date
        else { return nil }
        return GrantApplicationResource(person: id, grant: stored.grant, applied: applied, amount: stored.amount)
    }

    /// The entries still missing an application within `within` days of `today`: every
    /// overdue one, then those due by then, by due date and person.
    static func missing(_ entries: [DeadlineBook.Entry], today: CalendarDate, within: Int) -> [MissingGrantApplication] {
        let limit = today.adding(days: within)
        return entries.compactMap { entry -> MissingGrantApplication? in
            guard let due = entry.dueDate, entry.state == .overdue || due <= limit else { return nil }
            return MissingGrantApplication(person: entry.person, district: entry.district, dueDate: due, state: entry.state)
        }.sorted { ($0.state != .overdue ? 1 : 0, $0.dueDate, $0.person) < ($1.state != .overdue ? 1 : 0, $1.dueDate, $1.person) }
    }

    /// `amount`: none for T1 (its rate is fixed); for T2 a positive amount no higher than the
    /// cap of the application's year (or the latest earlier year with rates).
    private static func amount(_ body: GrantApplicationBody, rates: GrantRateTable) throws(APIError) -> Int64? {
        guard let amount = body.amount else { return nil }
        guard body.grant == .t2 else {
            throw .invalidField("amount", Text(
                "only for disability_t2: the one-off grant has a fixed rate", nb: "bare for disability_t2: engangstilskuddet har fast sats"))
        }
        let cap = rates.rates(for: body.applied.year)?.rates.disabilityT2Max ?? Int64.max
        guard (1...cap).contains(amount) else {
            throw .invalidField("amount", Text("expected 1 to \(cap) NOK", nb: "forventet 1 til \(cap) kroner"))
        }
        return amount
    }

    /// An application is for a person with the disability flag, settled on or before the day applied.
    private static func check(_ id: Int64, applied: CalendarDate, _ connection: SQLiteConnection) throws {
        let (_, draft) = try PersonInput.draft(id, connection)
        guard draft.vulnerabilities?.contains(.disability) == true else {
            var error = APIError.conflict(Text(
                "person #\(id) has no disability flag: set it (vulnerabilities) before applying",
                nb: "person #\(id) har ikke flagget for nedsatt funksjonsevne: sett det (vulnerabilities) før søknaden"))
            error.details = ["state": "no_disability"]
            throw error
        }
        guard let settled = try connection.personMilestones(id).first(where: { $0.milestone == .settled })?.date else {
            var error = APIError.conflict(Text(
                "person #\(id) is not settled: the grants are for settled refugees",
                nb: "person #\(id) er ikke bosatt: tilskuddene gjelder bosatte flyktninger"))
            error.details = ["state": "not_settled"]
            throw error
        }
        guard applied >= settled else {
            throw APIError.invalidField("applied", Text(
                "must not be before the settlement (\(settled))", nb: "kan ikke være før bosettingen (\(settled))"))
        }
    }

    /// `district`, one of Oslo's, when given.
    private static func district(_ context: RequestContext) throws(APIError) -> String? {
        guard let district = try SettlementCaseRoutes.districtQuery(context) else { return nil }
        let known = District.oslo.map(\.id)
        guard known.contains(district) else {
            let list = known.joined(separator: ", ")
            throw .invalidField("district", Text("unknown district (known: \(list))", nb: "ukjent bydel (kjente: \(list))"))
        }
        return district
    }
}
