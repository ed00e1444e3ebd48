import BeredskapCore
import BeredskapSQLite

extension SQLiteConnection {
    static let housingColumns =
        "id, district, kind, rooms, size, accessible, available_from, lease_end, note, case_id"

    public func housingUnit(_ id: String) throws -> HousingUnit? {
        try queryFirst("SELECT \(Self.housingColumns) FROM housing_units WHERE id = ?", [id], Self.housingUnit(from:))
    }

    /// Every unit, or those of `district`, by district and id.
    public func housingUnits(district: String? = nil) throws -> [HousingUnit] {
        try query(
            "SELECT \(Self.housingColumns) FROM housing_units WHERE ?1 IS NULL OR district = ?1 ORDER BY district, id",
            [district], Self.housingUnit(from:))
    }

    /// The unit assigned to case `id`, if any.
    public func housingUnit(assignedTo id: Int64) throws -> HousingUnit? {
        try queryFirst("SELECT \(Self.housingColumns) FROM housing_units WHERE case_id = ?", [id], Self.housingUnit(from:))
    }

    public func housingUnitLastSeq(_ id: String) throws -> Int64? {
        try scalarInt("SELECT last_seq FROM housing_units WHERE id = ?", [id])
    }

    private static func housingUnit(from row: SQLiteRow) throws -> HousingUnit {
        guard let kind = HousingKind(rawValue: row.text(2)), let from = CalendarDate(parsing: row.text(6)) else {
            throw StoreDataError(table: "housing_units", row: row.text(0))
        }
        return HousingUnit(
            id: row.text(0), district: row.text(1), kind: kind, rooms: row.int(3), size: row.isNull(4) ? nil : row.double(4),
            accessible: row.bool(5), availableFrom: from, leaseEnd: row.optionalText(7).flatMap(CalendarDate.init(parsing:)),
            note: row.optionalText(8), assignedCase: row.optionalInt64(9))
    }
}

extension WriteTransaction {
    /// Creates or replaces unit `unit.id`'s declared fields (not its assignment), with `seq` the event.
    public func saveHousingUnit(_ unit: HousingUnit, seq: Int64) throws {
        try connection.run(
            """
            INSERT INTO housing_units(id, district, kind, rooms, size, accessible, available_from, lease_end, note, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, kind = excluded.kind, rooms = excluded.rooms,
                size = excluded.size, accessible = excluded.accessible, available_from = excluded.available_from,
                lease_end = excluded.lease_end, note = excluded.note, last_seq = excluded.last_seq
            """,
            unit.id, unit.district, unit.kind.rawValue, unit.rooms, unit.size, unit.accessible,
            unit.availableFrom.description, unit.leaseEnd?.description, unit.note, seq)
    }

    /// Assigns unit `id` to case `caseID`, or frees it (nil).
    public func assignHousingUnit(_ id: String, to caseID: Int64?, seq: Int64) throws {
        try connection.run("UPDATE housing_units SET case_id = ?, last_seq = ? WHERE id = ?", caseID, seq, id)
    }
}
