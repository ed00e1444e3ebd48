import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Housing units for settlement: declare one, list and read them, assign one to a case and
/// release it, the mismatch between free homes and households waiting, and the leases to
/// review before they end.
///
/// A unit holds one case and a case one unit. A case that is declined or withdrawn frees its
/// unit (`SettlementCaseEffect.releaseHousing`); a settled case keeps it (occupied) until it is
/// released, which then means the household moved out — the case still names the unit it was
/// settled in.
struct HousingRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.SettlementCases.putUnit) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let body = try context.decodeBody(HousingUnitBody.self)
                let declared = HousingUnit(
                    id: id, district: body.district, kind: body.kind, rooms: body.rooms, size: body.size,
                    accessible: body.accessible ?? false, availableFrom: body.availableFrom, leaseEnd: body.leaseEnd,
                    note: body.note)
                var unit: HousingUnit
                switch HousingUnit.checked(declared) {
                case .success(let checked): unit = checked
                case .failure(let problem): throw .invalidField(problem.field, problem.problem)
                }
                let note = try SettlementInput.text(unit.note, field: "note", limit: HousingUnit.maximumNoteLength)
                unit.note = note
                let calendar = settings.calendar
                return .mutation { [unit] transaction in
                    var unit = unit
                    let connection = transaction.connection
                    try SettlementInput.checkDistrict(unit.district, connection)
                    let existing = try connection.housingUnit(id)
                    unit.assignedCase = existing?.assignedCase
                    if let existing, let assigned = existing.assignedCase, existing.district != unit.district {
                        var error = APIError.conflict(Text(
                            "the unit is assigned to case #\(assigned) in \(existing.district); release it before moving it",
                            nb: "boligen er tildelt sak #\(assigned) i \(existing.district); frigi den før du flytter den"))
                        error.details = ["case": .integer(assigned)]
                        throw error
                    }
                    if existing == unit {
                        let seq = try connection.housingUnitLastSeq(id) ?? 0
                        return try CommandReply.json(status: 200, Mutation(try Self.resource(unit, connection, calendar.date(of: transaction.now)), eventSeq: seq))
                    }
                    let event = try transaction.appendEvent(HousingEvents.unitSet, HousingEvents.UnitSet(unit), subject: "housing/\(id)")
                    try transaction.saveHousingUnit(unit, seq: event.seq)
                    let resource = try Self.resource(unit, connection, calendar.date(of: transaction.now))
                    return try CommandReply.json(status: existing == nil ? 201 : 200, Mutation(resource, eventSeq: event.seq))
                }
            },
            Route(Endpoints.SettlementCases.units) { context throws(APIError) in
                let district = try SettlementCaseRoutes.districtQuery(context)
                let freeOnly = try context.queryBool("free") ?? false
                let today = settings.calendar.date(of: clock.now())
                return .slowRead { () throws(APIError) in
                    let units = try reads.read { connection in
                        try connection.housingUnits(district: district).map { try Self.resource($0, connection, today) }
                    }
                    return .json(status: 200, body: HousingUnitList(units: freeOnly ? units.filter { $0.status == .free } : units))
                }
            },
            Route(Endpoints.SettlementCases.mismatch) { context throws(APIError) in
                let calendar = settings.calendar
                let date = try context.queryDate("date", in: calendar) ?? calendar.date(of: clock.now())
                return .slowRead { () throws(APIError) in
                    let picture = try reads.read { connection in
                        HousingMismatch.on(
                            date, districts: try connection.districts().map(\.id), units: try connection.housingUnits(),
                            cases: try connection.settlementCases(SettlementCaseQuery(state: .consented))
                                + connection.settlementCases(SettlementCaseQuery(state: .decided)))
                    }
                    return .json(status: 200, body: picture)
                }
            },
            Route(Endpoints.SettlementCases.leases) { context throws(APIError) in
                let days = try Self.windowDays(context) ?? settings.configuration.housing.leaseReviewDays
                let today = settings.calendar.date(of: clock.now())
                return .slowRead { () throws(APIError) in
                    let units = try reads.read { try $0.housingUnits() }
                    let leases = HousingLeaseReview.ending(within: days, of: today, units: units)
                    return .json(status: 200, body: HousingLeaseList(date: today, withinDays: days, leases: leases))
                }
            },
            Route(Endpoints.SettlementCases.unit) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let today = settings.calendar.date(of: clock.now())
                let resource = try reads.read { connection in
                    try connection.housingUnit(id).map { try Self.resource($0, connection, today) }
                }
                guard let resource else { throw SettlementInput.unitNotFound(id) }
                return .json(status: 200, body: resource)
            },
            Route(Endpoints.SettlementCases.assign) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let caseID = try context.decodeBody(HousingAssignment.self).case
                let calendar = settings.calendar
                return .mutation { transaction in
                    let reply = try Self.assign(id, to: caseID, in: &transaction)
                    let resource = try Self.resource(reply.unit, transaction.connection, calendar.date(of: transaction.now))
                    return try CommandReply.json(status: 200, Mutation(resource, eventSeq: reply.seq))
                }
            },
            Route(Endpoints.SettlementCases.release) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let calendar = settings.calendar
                return .mutation { transaction in
                    let reply = try Self.release(id, in: &transaction)
                    let resource = try Self.resource(reply.unit, transaction.connection, calendar.date(of: transaction.now))
                    return try CommandReply.json(status: 200, Mutation(resource, eventSeq: reply.seq))
                }
            },
        ]
    }

    /// Assigns unit `id` to case `caseID`: both exist, the case is open and in the unit's
    /// district, and neither holds another. Assigning it again changes nothing.
    private static func assign(_ id: String, to caseID: Int64, in transaction: inout WriteTransaction) throws
        -> (unit: HousingUnit, seq: Int64)
    {
        let connection = transaction.connection
        guard var unit = try connection.housingUnit(id) else { throw SettlementInput.unitNotFound(id) }
        guard var assigned = try connection.settlementCase(caseID) else {
            throw APIError.invalidField("case", Text("no settlement case #\(caseID)", nb: "ingen bosettingssak #\(caseID)"))
        }
        if unit.assignedCase == caseID { return (unit, try connection.housingUnitLastSeq(id) ?? 0) }
        guard !assigned.state.isTerminal else {
            var error = APIError.conflict(Text(
                "case #\(caseID) is \(assigned.state.rawValue): only an open case gets a home",
                nb: "sak #\(caseID) er \(assigned.state.rawValue): bare en åpen sak får bolig"))
            error.details = ["state": .string(assigned.state.rawValue)]
            throw error
        }
        guard assigned.district == unit.district else {
            throw APIError.invalidField("case", Text(
                "case #\(caseID) is in \(assigned.district), the unit in \(unit.district)",
                nb: "sak #\(caseID) er i \(assigned.district), boligen i \(unit.district)"))
        }
        if let other = unit.assignedCase {
            var error = APIError.conflict(Text(
                "the unit is assigned to case #\(other); release it first", nb: "boligen er tildelt sak #\(other); frigi den først"))
            error.details = ["case": .integer(other)]
            throw error
        }
        if let other = assigned.housing {
            var error = APIError.conflict(Text(
                "case #\(caseID) already has unit \(other); release it first", nb: "sak #\(caseID) har allerede bolig \(other); frigi den først"))
            error.details = ["housing": .string(other)]
            throw error
        }
        let event = try transaction.appendEvent(
            SettlementCaseEvents.housingAssigned, SettlementCaseEvents.Housing(case: caseID, unit: id), subject: "housing/\(id)")
        try transaction.assignHousingUnit(id, to: caseID, seq: event.seq)
        assigned.housing = id
        try transaction.saveSettlementCase(assigned, seq: event.seq)
        unit.assignedCase = caseID
        return (unit, event.seq)
    }

    /// Frees unit `id`. A case that is not settled loses it; a settled one keeps naming it.
    private static func release(_ id: String, in transaction: inout WriteTransaction) throws -> (unit: HousingUnit, seq: Int64) {
        let connection = transaction.connection
        guard var unit = try connection.housingUnit(id) else { throw SettlementInput.unitNotFound(id) }
        guard let caseID = unit.assignedCase else {
            var error = APIError.conflict(Text("the unit is not assigned to a case", nb: "boligen er ikke tildelt noen sak"))
            error.details = ["status": .string(HousingUnitStatus.free.rawValue)]
            throw error
        }
        let event = try transaction.appendEvent(
            SettlementCaseEvents.housingReleased, SettlementCaseEvents.Housing(case: caseID, unit: id), subject: "housing/\(id)")
        try transaction.assignHousingUnit(id, to: nil, seq: event.seq)
        if var held = try connection.settlementCase(caseID), held.state != .settled {
            held.housing = nil
            try transaction.saveSettlementCase(held, seq: event.seq)
        }
        unit.assignedCase = nil
        return (unit, event.seq)
    }

    /// The unit with where it stands on `today`.
    static func resource(_ unit: HousingUnit, _ connection: SQLiteConnection, _ today: CalendarDate) throws -> HousingUnitResource {
        let status: HousingUnitStatus
        if let assigned = unit.assignedCase {
            status = try connection.settlementCase(assigned)?.state == .settled ? .occupied : .reserved
        } else if unit.isFree(on: today) {
            status = .free
        } else if unit.availableFrom > today {
            status = .coming
        } else {
            status = .leaseEnded
        }
        return HousingUnitResource(unit, status: status)
    }

    /// `within=P90D` (days or weeks) or a number of days, 1…730.
    private static func windowDays(_ context: RequestContext) throws(APIError) -> Int? {
        guard let text = context.query("within") else { return nil }
        let days: Int? =
            if let plain = Int(text) { plain } else if let duration = ISODuration(parsing: text),
                duration.years == 0, duration.months == 0, duration.hours == 0, duration.minutes == 0,
                duration.secondsMilliseconds == 0
            { duration.weeks * 7 + duration.days } else { nil }
        guard let days, (1...730).contains(days) else {
            throw .invalidField("within", Text(
                "expected days as P90D or 90, between 1 and 730", nb: "forventet dager som P90D eller 90, mellom 1 og 730"))
        }
        return days
    }
}
