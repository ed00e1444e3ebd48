import BeredskapCore
import BeredskapSQLite

private let yearColumns = "year, imdi_request, imdi_request_minors, council_decision, council_decision_minors, note"

extension SQLiteConnection {
    /// Every settlement year, oldest first.
    public func settlementYears() throws -> [SettlementYear] {
        try query("SELECT \(yearColumns) FROM settlement_years ORDER BY year", [], Self.settlementYear(from:))
    }

    public func settlementYear(_ year: Int) throws -> SettlementYear? {
        try queryFirst("SELECT \(yearColumns) FROM settlement_years WHERE year = ?", [year], Self.settlementYear(from:))
    }

    /// The seq of the event that last set `year`.
    public func settlementYearSeq(_ year: Int) throws -> Int64? {
        try scalarInt("SELECT seq FROM settlement_years WHERE year = ?", [year])
    }

    private static func settlementYear(from row: SQLiteRow) -> SettlementYear {
        func count(_ column: Int) -> Int? { row.optionalInt64(column).map { Int($0) } }
        return SettlementYear(
            year: row.int(0), imdiRequest: count(1), imdiRequestMinors: count(2), councilDecision: count(3),
            councilDecisionMinors: count(4), note: row.optionalText(5))
    }
}

extension WriteTransaction {
    /// Creates or replaces the year, naming the event that set it.
    public func saveSettlementYear(_ year: SettlementYear, seq: Int64) throws {
        try connection.run(
            """
            INSERT INTO settlement_years(\(yearColumns), seq) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(year) DO UPDATE SET imdi_request = excluded.imdi_request,
                imdi_request_minors = excluded.imdi_request_minors, council_decision = excluded.council_decision,
                council_decision_minors = excluded.council_decision_minors, note = excluded.note, seq = excluded.seq
            """,
            year.year, year.imdiRequest, year.imdiRequestMinors, year.councilDecision, year.councilDecisionMinors, year.note,
            seq)
    }
}
