import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// What a settlement record is made of before it is stored; `recordSettlement` gives it its id.
///
/// Why its own type: the office's records, an import's rows, a settled case and the reference
/// figures all write through the one function, so progress counts from one place.
public struct SettlementRecordInput: Sendable, Equatable {
    public var district: String
    public var date: CalendarDate
    /// The quota year; nil counts it towards the date's year.
    public var year: Int?
    public var count: Int
    public var mode: SettlementMode
    public var caseID: Int64?

    public init(district: String, date: CalendarDate, year: Int? = nil, count: Int, mode: SettlementMode, caseID: Int64? = nil) {
        self.district = district
        self.date = date
        self.year = year
        self.count = count
        self.mode = mode
        self.caseID = caseID
    }
}

extension SQLiteConnection {
    /// The version in force (the latest), or `version` when given; nil when there is none.
    public func quotaVersion(year: Int, version: Int? = nil) throws -> QuotaVersion? {
        if let version {
            return try queryFirst("\(Self.quotaSelect) WHERE year = ? AND version = ?", [year, version], Self.quotaVersion(from:))
        }
        return try queryFirst("\(Self.quotaSelect) WHERE year = ? ORDER BY version DESC LIMIT 1", [year], Self.quotaVersion(from:))
    }

    /// Every version of a year's quotas, the first first.
    public func quotaVersions(year: Int) throws -> [QuotaVersion] {
        try query("\(Self.quotaSelect) WHERE year = ? ORDER BY version", [year], Self.quotaVersion(from:))
    }

    /// Records towards `year` (every year when nil), of one district when given, by date and id.
    public func settlementRecords(year: Int?, district: String?) throws -> [StoredSettlementRecord] {
        try query(
            """
            SELECT r.id, r.district, r.date, r.year, r.count, r.mode, r.source, r.case_id, e.time_ms, e.actor_user
            FROM settlement_records r JOIN events e ON e.seq = r.seq
            WHERE (?1 IS NULL OR r.year = ?1) AND (?2 IS NULL OR r.district = ?2)
            ORDER BY r.date, r.id
            """, [year, district], Self.settlementRecord(from:))
    }

    /// Persons settled towards `year`'s quota per district, in records dated up to and including `date`.
    public func settledByDistrict(year: Int, through date: CalendarDate) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try query(
            "SELECT district, sum(count) FROM settlement_records WHERE year = ? AND date <= ? GROUP BY district",
            [year, date.description]
        ) { row in (row.text(0), row.int(1)) })
    }

    private static let quotaSelect = """
        SELECT year, version, quotas, method, reason, adopted_ms, actor_uid, actor_user FROM quota_versions
        """

    private static func quotaVersion(from row: SQLiteRow) throws -> QuotaVersion {
        QuotaVersion(
            year: row.int(0), version: row.int(1),
            quotas: try JSONValueDecoder().decode([String: Int].self, from: Array(row.text(2).utf8)),
            method: QuotaMethod(rawValue: row.text(3)) ?? .manual, reason: row.optionalText(4),
            adoptedAt: Timestamp(millisecondsSinceEpoch: row.int64(5)),
            adoptedBy: Principal(uid: row.optionalInt64(6).map { UInt32(truncatingIfNeeded: $0) }, user: row.text(7)))
    }

    private static func settlementRecord(from row: SQLiteRow) throws -> StoredSettlementRecord {
        StoredSettlementRecord(
            id: row.int64(0), district: row.text(1), date: CalendarDate(parsing: row.text(2)) ?? CalendarDate(daysSinceEpoch: 0),
            year: row.int(3), count: row.int(4), mode: SettlementMode(rawValue: row.text(5)) ?? .ordinary,
            source: SettlementRecordSource(rawValue: row.text(6)) ?? .recorded, caseID: row.optionalInt64(7),
            recordedAt: Timestamp(millisecondsSinceEpoch: row.int64(8)), recordedBy: row.text(9))
    }
}

extension WriteTransaction {
    /// Adopts `quotas` for `year` as its next version, by the command's actor, with its
    /// `settlement.quotas_adopted` event; nil (nothing written) when they are the quotas in
    /// force already. The caller has checked them (`QuotaRules`).
    public mutating func adoptQuotas(year: Int, _ quotas: [String: Int], method: QuotaMethod, reason: String?) throws
        -> QuotaVersion?
    {
        let current = try connection.quotaVersion(year: year)
        if current?.quotas == quotas { return nil }
        let adopted = QuotaVersion(
            year: year, version: (current?.version ?? 0) + 1, quotas: quotas, method: method, reason: reason, adoptedAt: now,
            adoptedBy: actor)
        let event = try appendEvent(
            SettlementEvents.quotasAdopted,
            SettlementEvents.QuotasAdopted(year: year, version: adopted.version, total: adopted.total, method: method),
            subject: "settlement_year/\(year)")
        try connection.run(
            """
            INSERT INTO quota_versions(year, version, seq, quotas, total, method, reason, adopted_ms, actor_uid, actor_user)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            year, adopted.version, event.seq, try JSONValueEncoder().encode(quotas).serializedString(), adopted.total,
            method.rawValue, reason, now.millisecondsSinceEpoch, actor.uid, actor.user)
        return adopted
    }

    /// Records persons settled (the one write path of progress) with its `settlement.recorded`
    /// event under `district/<id>`. The caller has checked the district, the date and the count.
    @discardableResult
    public mutating func recordSettlement(_ input: SettlementRecordInput, source: SettlementRecordSource) throws
        -> StoredSettlementRecord
    {
        let year = input.year ?? input.date.year
        try connection.run(
            "INSERT INTO settlement_records(seq, district, date, year, count, mode, source, case_id) VALUES (0, ?, ?, ?, ?, ?, ?, ?)",
            input.district, input.date.description, year, input.count, input.mode.rawValue, source.rawValue, input.caseID)
        var record = StoredSettlementRecord(
            id: connection.lastInsertRowID, district: input.district, date: input.date, year: year, count: input.count,
            mode: input.mode, source: source, caseID: input.caseID, recordedAt: now, recordedBy: actor.user)
        let event = try appendEvent(SettlementEvents.recorded, SettlementEvents.Recorded(record), subject: "district/\(input.district)")
        try connection.run("UPDATE settlement_records SET seq = ? WHERE id = ?", event.seq, record.id)
        record.recordedAt = event.time
        return record
    }

    /// Replaces `year`'s reference records with `records` (source `reference`), with a
    /// `settlement.reference_loaded` event; false (nothing written) when they are the same
    /// already, so loading the reference data again changes nothing.
    public mutating func replaceReferenceRecords(year: Int, _ records: [SettlementRecordInput]) throws -> Bool {
        let existing = try connection.settlementRecords(year: year, district: nil).filter { $0.source == .reference }
        func key(_ district: String, _ date: CalendarDate, _ count: Int, _ mode: SettlementMode) -> String {
            "\(district) \(date) \(count) \(mode.rawValue)"
        }
        let before = existing.map { key($0.district, $0.date, $0.count, $0.mode) }.sorted()
        let after = records.map { key($0.district, $0.date, $0.count, $0.mode) }.sorted()
        guard before != after else { return false }
        try connection.run("DELETE FROM settlement_records WHERE year = ? AND source = ?", year, SettlementRecordSource.reference.rawValue)
        for record in records {
            var input = record
            input.year = year
            try recordSettlement(input, source: .reference)
        }
        try appendEvent(
            SettlementEvents.referenceLoaded,
            SettlementEvents.ReferenceLoaded(year: year, records: records.count, settled: records.reduce(0) { $0 + $1.count }),
            subject: "settlement_year/\(year)")
        return true
    }
}
