import BeredskapCore
import BeredskapSQLite

/// Which cases to list; nil matches any.
public struct SettlementCaseQuery: Sendable, Equatable {
    public var state: SettlementCase.State?
    public var district: String?
    public var year: Int?

    public init(state: SettlementCase.State? = nil, district: String? = nil, year: Int? = nil) {
        self.state = state
        self.district = district
        self.year = year
    }
}

extension SQLiteConnection {
    static let settlementCaseColumns = """
        id, year, district, mode, household_size, unaccompanied_minors, state, requested_on, consented_on, decided_on,
        planned_on, settled_on, closed_on, housing
        """

    public func settlementCase(_ id: Int64) throws -> SettlementCase? {
        try queryFirst(
            "SELECT \(Self.settlementCaseColumns) FROM settlement_cases WHERE id = ?", [id], Self.settlementCase(from:))
    }

    /// Cases matching `filter`, by id.
    public func settlementCases(_ filter: SettlementCaseQuery = SettlementCaseQuery()) throws -> [SettlementCase] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        if let state = filter.state {
            conditions.append("state = ?")
            parameters.append(state.rawValue)
        }
        if let district = filter.district {
            conditions.append("district = ?")
            parameters.append(district)
        }
        if let year = filter.year {
            conditions.append("year = ?")
            parameters.append(year)
        }
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try query(
            "SELECT \(Self.settlementCaseColumns) FROM settlement_cases\(condition) ORDER BY id", parameters,
            Self.settlementCase(from:))
    }

    /// What people wrote about case `id`; nil when the case has no such row.
    public func settlementCasePersonData(_ id: Int64) throws -> SettlementCasePersonData? {
        try queryFirst(
            "SELECT reference, note, decline_reason, withdraw_reason FROM settlement_case_persons WHERE case_id = ?", [id]
        ) { row in
            SettlementCasePersonData(
                reference: row.optionalText(0), note: row.optionalText(1), declineReason: row.optionalText(2),
                withdrawReason: row.optionalText(3))
        }
    }

    /// The seq of the last event about case `id`.
    public func settlementCaseLastSeq(_ id: Int64) throws -> Int64? {
        try scalarInt("SELECT last_seq FROM settlement_cases WHERE id = ?", [id])
    }

    /// The id the next case gets.
    func nextSettlementCaseID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM settlement_cases") ?? 1
    }

    private static func settlementCase(from row: SQLiteRow) throws -> SettlementCase {
        guard let mode = SettlementMode(rawValue: row.text(3)), let state = SettlementCase.State(rawValue: row.text(6)),
            let requested = CalendarDate(parsing: row.text(7))
        else { throw StoreDataError(table: "settlement_cases", row: String(row.int64(0))) }
        func date(_ column: Int) -> CalendarDate? { row.optionalText(column).flatMap(CalendarDate.init(parsing:)) }
        return SettlementCase(
            id: row.int64(0), year: row.int(1), district: row.text(2), mode: mode, householdSize: row.int(4),
            unaccompaniedMinors: row.int(5), state: state, requestedOn: requested, consentedOn: date(8), decidedOn: date(9),
            plannedOn: date(10), settledOn: date(11), closedOn: date(12), housing: row.optionalText(13))
    }
}

extension WriteTransaction {
    /// Opens a case with the id it is given here, its `case.requested` event and its person row.
    public mutating func requestSettlementCase(
        _ make: (Int64) throws -> SettlementCase, personData: SettlementCasePersonData
    ) throws -> (SettlementCase, Event) {
        let settlementCase = try make(try connection.nextSettlementCaseID())
        let event = try appendEvent(
            SettlementCaseEvents.requested, SettlementCaseEvents.Requested(settlementCase), subject: "case/\(settlementCase.id)")
        try connection.run(
            """
            INSERT INTO settlement_cases(id, year, district, mode, household_size, unaccompanied_minors, state, requested_on, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            settlementCase.id, settlementCase.year, settlementCase.district, settlementCase.mode.rawValue,
            settlementCase.householdSize, settlementCase.unaccompaniedMinors, settlementCase.state.rawValue,
            settlementCase.requestedOn.description, event.seq)
        try connection.run(
            "INSERT INTO settlement_case_persons(case_id, reference, note) VALUES (?, ?, ?)", settlementCase.id,
            personData.reference, personData.note)
        return (settlementCase, event)
    }

    /// Stores the case as a transition left it; `seq` is the event that says so.
    public func saveSettlementCase(_ settlementCase: SettlementCase, seq: Int64) throws {
        try connection.run(
            """
            UPDATE settlement_cases SET state = ?, consented_on = ?, decided_on = ?, planned_on = ?, settled_on = ?,
                closed_on = ?, housing = ?, last_seq = ?
            WHERE id = ?
            """,
            settlementCase.state.rawValue, settlementCase.consentedOn?.description, settlementCase.decidedOn?.description,
            settlementCase.plannedOn?.description, settlementCase.settledOn?.description,
            settlementCase.closedOn?.description, settlementCase.housing, seq, settlementCase.id)
    }

    /// Keeps why a case was declined or withdrawn, in its person row.
    public func saveSettlementCaseReason(_ id: Int64, declined: String? = nil, withdrawn: String? = nil) throws {
        try connection.run(
            """
            INSERT INTO settlement_case_persons(case_id, decline_reason, withdraw_reason) VALUES (?, ?, ?)
            ON CONFLICT(case_id) DO UPDATE SET decline_reason = coalesce(excluded.decline_reason, decline_reason),
                withdraw_reason = coalesce(excluded.withdraw_reason, withdraw_reason)
            """,
            id, declined, withdrawn)
    }
}
