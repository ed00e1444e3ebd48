import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

// Facilities: the declared definition and the head count, one row each.

extension SQLiteConnection {
    private static let facilityColumns = """
        id, name, kind, status, operator, district, authority, capacity, expansion_capacity, blocked, note,
        occupied, last_report_ms, last_change_ms, cap_override, created_ms, updated_ms
        """

    public func facility(_ id: String) throws -> Facility? {
        try queryFirst("SELECT \(Self.facilityColumns) FROM facilities WHERE id = ?", [id], Self.facility(from:))
    }

    /// All facilities, by id.
    public func facilities() throws -> [Facility] {
        try query("SELECT \(Self.facilityColumns) FROM facilities ORDER BY id", [], Self.facility(from:))
    }

    /// The id the next cap override gets, chosen before its event so the event can name it.
    public func nextCapOverrideID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM cap_overrides") ?? 1
    }

    /// The seq of the last event about a facility's definition.
    public func facilityLastSeq(_ id: String) throws -> Int64? {
        try scalarInt("SELECT last_seq FROM facilities WHERE id = ?", [id])
    }

    private static func facility(from row: SQLiteRow) throws -> Facility {
        func time(_ column: Int) -> Timestamp? { row.optionalInt64(column).map(Timestamp.init(millisecondsSinceEpoch:)) }
        guard let kind = FacilityKind(rawValue: row.text(2)), let status = FacilityStatus(rawValue: row.text(3)),
            let authority = Authority(rawValue: row.text(6))
        else { throw StoreDataError(table: "facilities", row: row.text(0)) }
        let capOverride = try row.optionalText(14).map { text in
            try JSONValueDecoder().decode(CapOverride.self, from: Array(text.utf8))
        }
        return Facility(
            id: row.text(0), name: row.text(1), kind: kind, status: status, operatorName: row.text(4),
            district: row.optionalText(5), authority: authority, capacity: row.int(7),
            expansionCapacity: row.optionalInt64(8).map(Int.init), blocked: row.int(9), note: row.optionalText(10),
            occupied: row.int(11), lastReportAt: time(12), lastChangeAt: time(13), capOverride: capOverride,
            createdAt: Timestamp(millisecondsSinceEpoch: row.int64(15)),
            updatedAt: Timestamp(millisecondsSinceEpoch: row.int64(16)))
    }
}

extension WriteTransaction {
    /// Inserts or replaces a facility's definition (never its head count, which only
    /// reports, arrivals and departures change).
    public func saveFacility(_ facility: Facility, seq: Int64) throws {
        let capOverride = try facility.capOverride.map { try JSONValueEncoder().encode($0).serializedString() }
        try connection.run(
            """
            INSERT INTO facilities(id, name, kind, status, operator, district, authority, capacity, expansion_capacity,
                blocked, note, occupied, cap_override, created_ms, updated_ms, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, status = excluded.status,
                operator = excluded.operator, district = excluded.district, authority = excluded.authority,
                capacity = excluded.capacity, expansion_capacity = excluded.expansion_capacity,
                blocked = excluded.blocked, note = excluded.note, cap_override = excluded.cap_override,
                updated_ms = excluded.updated_ms, last_seq = excluded.last_seq
            """,
            facility.id, facility.name, facility.kind.rawValue, facility.status.rawValue, facility.operatorName,
            facility.district, facility.authority.rawValue, facility.capacity, facility.expansionCapacity,
            facility.blocked, facility.note, capOverride, facility.createdAt.millisecondsSinceEpoch,
            facility.updatedAt.millisecondsSinceEpoch, seq)
    }

    /// Keeps cap override `id`'s reason, which its `facility.cap_breached` event `seq` names.
    /// (The facility's `cap_override` is only the override in force; this row stays when the
    /// capacity is back within the cap.)
    public func insertCapOverride(id: Int64, seq: Int64, facility: String, reason: String) throws {
        try connection.run("INSERT INTO cap_overrides(id, seq, facility, reason) VALUES (?, ?, ?, ?)", id, seq, facility, reason)
    }

    /// Sets a facility's `occupied` after a record dated after its last head count.
    public func setOccupancy(facility: String, occupied: Int) throws {
        try connection.run(
            "UPDATE facilities SET occupied = ?, last_change_ms = ? WHERE id = ?", occupied, now.millisecondsSinceEpoch, facility)
    }

    /// Sets a facility's `occupied` and its last head count's time as the head-count rule now
    /// gives them (after a head count, or a correction of any record).
    public func setOccupancy(facility: String, occupied: Int, lastReportAt: Timestamp?) throws {
        try connection.run(
            "UPDATE facilities SET occupied = ?, last_change_ms = ?, last_report_ms = ? WHERE id = ?",
            occupied, now.millisecondsSinceEpoch, lastReportAt?.millisecondsSinceEpoch, facility)
    }

    /// Notes the places available now for a day before any noted for the facility: a record
    /// dated before the facility was registered (an import of last month's figures, say)
    /// shows its utilization against the places the facility has.
    public func noteAvailableDayIfFirst(facility: String, day: CalendarDate, available: Int) throws {
        try connection.run(
            """
            INSERT INTO available_days(facility, day, available) SELECT ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM available_days WHERE facility = ? AND day <= ?)
            """,
            facility, day.description, available, facility, day.description)
    }

    /// Notes the places available at a facility from `day` on (the history scales by them).
    public func noteAvailableDay(facility: String, day: CalendarDate, available: Int) throws {
        try connection.run(
            """
            INSERT INTO available_days(facility, day, available) VALUES (?, ?, ?)
            ON CONFLICT(facility, day) DO UPDATE SET available = excluded.available
            """,
            facility, day.description, available)
    }
}

/// A stored row that this version cannot read (an unknown enum value): a damaged or
/// hand-edited database, reported rather than guessed at.
public struct StoreDataError: Error, CustomStringConvertible {
    public var table: String
    public var row: String

    public var description: String { "unreadable row \(row) in table \(table)" }
}

extension SQLiteConnection {
    /// Occupied and available places by kind by the rules of `CapacityFigures` (everyone
    /// present counts as occupied; only `open` and `closing` facilities give available
    /// places): what the kind and city utilization rules need. Read from the sums the
    /// triggers of `places_by_kind` keep (v19), not counted from every facility.
    public func placesByKind() throws -> [FacilityKind: (occupied: Int, available: Int)] {
        var result: [FacilityKind: (occupied: Int, available: Int)] = [:]
        for row in try query(
            "SELECT kind, occupied, available FROM places_by_kind WHERE facilities > 0", [],
            { row in (row.text(0), row.int(1), row.int(2)) })
        {
            guard let kind = FacilityKind(rawValue: row.0) else { throw StoreDataError(table: "facilities", row: row.0) }
            result[kind] = (row.1, row.2)
        }
        return result
    }
}
