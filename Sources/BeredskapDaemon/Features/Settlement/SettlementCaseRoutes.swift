import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Settlement cases (utsøking): open one, list them without person data, read one with its
/// person data (a recorded read), the counts for `read`, and the five steps of the state
/// machine (`SettlementCase`). Every step is checked and applied in the writer's transaction,
/// so two people acting on one case cannot both move it.
struct SettlementCaseRoutes {
    let reads: StoreReads
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.SettlementCases.request) { context throws(APIError) in
                let body = try context.decodeBody(NewSettlementCase.self)
                let person = SettlementCasePersonData(
                    reference: try SettlementInput.text(
                        body.reference, field: "reference", limit: SettlementCasePersonData.maximumReferenceLength),
                    note: try SettlementInput.text(body.note, field: "note", limit: SettlementCasePersonData.maximumTextLength))
                let calendar = settings.calendar
                return .mutation { transaction in
                    try SettlementInput.checkDistrict(body.district, transaction.connection)
                    let today = calendar.date(of: transaction.now)
                    let date = try Self.notAfter(today, body.requestedOn ?? today, field: "requested_on")
                    let (opened, event) = try transaction.requestSettlementCase({ id in
                        try SettlementInput.refusing { () throws(SettlementCaseError) in
                            try SettlementCase.request(
                                id: id, district: body.district, mode: body.mode, householdSize: body.householdSize,
                                unaccompaniedMinors: body.unaccompaniedMinors ?? 0, on: date, year: body.year)
                        }
                    }, personData: person)
                    return try CommandReply.json(status: 201, Mutation(SettlementCaseResource(opened), eventSeq: event.seq))
                }
            },
            Route(Endpoints.SettlementCases.list) { context throws(APIError) in
                let filter = SettlementCaseQuery(
                    state: try context.queryEnum("state", SettlementCase.State.self),
                    district: try Self.districtQuery(context),
                    year: try context.queryInteger("year", in: 1900...2200).map(Int.init))
                return .slowRead { () throws(APIError) in
                    let cases = try reads.read { try $0.settlementCases(filter) }
                    return .json(status: 200, body: SettlementCaseList(cases: cases.map { SettlementCaseResource($0) }))
                }
            },
            Route(Endpoints.SettlementCases.summary) { context throws(APIError) in
                let year = try context.queryInteger("year", in: 1900...2200).map(Int.init)
                return .slowRead { () throws(APIError) in
                    let (districts, cases) = try reads.read { connection in
                        (try connection.districts().map(\.id), try connection.settlementCases(SettlementCaseQuery(year: year)))
                    }
                    return .json(status: 200, body: Self.summary(year: year, districts: districts, cases: cases))
                }
            },
            Route(Endpoints.SettlementCases.show, audited: .subject("case/{id}")) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                return .recordedRead { connection in
                    guard let found = try connection.settlementCase(id) else { throw SettlementInput.caseNotFound(id) }
                    let person = try connection.settlementCasePersonData(id) ?? SettlementCasePersonData()
                    return try CommandReply.json(status: 200, SettlementCaseResource(found, person: person))
                }
            },
        ] + SettlementCaseAction.allCases.map(stepRoute)
    }

    /// `POST /v1/settlement/cases/{id}/{action}`.
    private func stepRoute(_ action: SettlementCaseAction) -> Route {
        Route(Endpoints.SettlementCases.step(action)) { context throws(APIError) in
            let id = try AlertResources.idParameter(context)
            let body = try context.decodeBody(SettlementCaseStep.self)
            let reason = try Self.reason(body, for: action)
            if action != .decide, body.planned != nil {
                throw .invalidField("planned", Text("only decide takes a planned date", nb: "bare decide tar en planlagt dato"))
            }
            let calendar = settings.calendar
            return .mutation { transaction in
                guard var changed = try transaction.connection.settlementCase(id) else { throw SettlementInput.caseNotFound(id) }
                let from = changed.state
                let today = calendar.date(of: transaction.now)
                let date = try Self.notAfter(today, body.date ?? today, field: "date")
                let effects = try SettlementInput.refusing { () throws(SettlementCaseError) in
                    try changed.perform(action, on: date, planned: body.planned)
                }
                try Self.appendStepEvent(action, changed, from: from, date: date, in: &transaction)
                try SettlementCaseEffects.apply(effects, of: changed, in: &transaction)
                let seq = transaction.lastEventSeq ?? 0
                try transaction.saveSettlementCase(changed, seq: seq)
                if let reason {
                    try transaction.saveSettlementCaseReason(
                        id, declined: action == .decline ? reason : nil, withdrawn: action == .withdraw ? reason : nil)
                }
                return try CommandReply.json(status: 200, Mutation(SettlementCaseResource(changed), eventSeq: seq))
            }
        }
    }

    /// The event of a step; a settlement's (`case.settled`) comes with its effect.
    private static func appendStepEvent(
        _ action: SettlementCaseAction, _ changed: SettlementCase, from: SettlementCase.State, date: CalendarDate,
        in transaction: inout WriteTransaction
    ) throws {
        let subject = "case/\(changed.id)"
        let dated = SettlementCaseEvents.Dated(case: changed.id, date: date, from: from)
        switch action {
        case .consent: try transaction.appendEvent(SettlementCaseEvents.consented, dated, subject: subject)
        case .decline: try transaction.appendEvent(SettlementCaseEvents.declined, dated, subject: subject)
        case .withdraw: try transaction.appendEvent(SettlementCaseEvents.withdrawn, dated, subject: subject)
        case .decide:
            try transaction.appendEvent(
                SettlementCaseEvents.decided,
                SettlementCaseEvents.Decided(case: changed.id, date: date, planned: changed.plannedOn ?? date), subject: subject)
        case .settle:
            break
        }
    }

    /// The reason a decline or withdrawal needs (person data); no other step takes one.
    private static func reason(_ body: SettlementCaseStep, for action: SettlementCaseAction) throws(APIError) -> String? {
        guard action == .decline || action == .withdraw else {
            guard body.reason == nil else {
                throw .invalidField("reason", Text("only decline and withdraw take a reason", nb: "bare decline og withdraw tar en begrunnelse"))
            }
            return nil
        }
        guard let reason = try SettlementInput.text(body.reason, field: "reason", limit: SettlementCasePersonData.maximumTextLength)
        else {
            throw .invalidField("reason", Text("is required: say why", nb: "mangler (påkrevd): si hvorfor"))
        }
        return reason
    }

    /// `date`, unless it is after `today`: what has happened cannot be dated tomorrow.
    private static func notAfter(_ today: CalendarDate, _ date: CalendarDate, field: String) throws(APIError) -> CalendarDate {
        guard date <= today else {
            throw .invalidField(field, Text("must not be after today (\(today))", nb: "kan ikke være etter i dag (\(today))"))
        }
        return date
    }

    /// `district=` as a slug (whether it exists does not matter for a filter: it matches nothing).
    static func districtQuery(_ context: RequestContext) throws(APIError) -> String? {
        guard let district = context.query("district") else { return nil }
        guard Slug.isValid(district) else {
            throw .invalidField("district", Text("expected a district id such as alna", nb: "forventet en bydels-id som alna"))
        }
        return district
    }

    /// Counts per district (in the districts' order, then any other a case names) and state.
    static func summary(year: Int?, districts: [String], cases: [SettlementCase]) -> SettlementCaseSummary {
        let zero = Dictionary(uniqueKeysWithValues: SettlementCase.State.allCases.map { ($0.rawValue, 0) })
        var order = districts
        for extra in cases.map(\.district) where !order.contains(extra) { order.append(extra) }
        var rows = Dictionary(uniqueKeysWithValues: order.map { ($0, SettlementCaseSummary.Row(district: $0, cases: zero, persons: zero)) })
        var total = SettlementCaseSummary.Row(district: "city", cases: zero, persons: zero)
        for counted in cases {
            let state = counted.state.rawValue
            rows[counted.district]?.cases[state, default: 0] += 1
            rows[counted.district]?.persons[state, default: 0] += counted.householdSize
            total.cases[state, default: 0] += 1
            total.persons[state, default: 0] += counted.householdSize
        }
        return SettlementCaseSummary(year: year, districts: order.compactMap { rows[$0] }, total: total)
    }
}

/// What a case's transition asks for beyond storing the case, done in the same transaction.
enum SettlementCaseEffects {
    static func apply(_ effects: [SettlementCaseEffect], of settled: SettlementCase, in transaction: inout WriteTransaction) throws {
        for effect in effects {
            switch effect {
            case .settled(let household):
                try transaction.appendEvent(
                    SettlementCaseEvents.settled, SettlementCaseEvents.Settled(household, housing: settled.housing),
                    subject: "case/\(household.caseID)")
                // What progress counts: the one write path for settled persons.
                _ = try transaction.recordSettlement(
                    SettlementRecordInput(
                        district: household.district, date: household.date, year: household.year, count: household.count,
                        mode: household.mode, caseID: household.caseID),
                    source: .case)
            case .releaseHousing(let unit):
                let event = try transaction.appendEvent(
                    SettlementCaseEvents.housingReleased, SettlementCaseEvents.Housing(case: settled.id, unit: unit),
                    subject: "housing/\(unit)")
                try transaction.assignHousingUnit(unit, to: nil, seq: event.seq)
            }
        }
    }
}
