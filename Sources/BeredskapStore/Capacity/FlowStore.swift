import BeredskapCore

// Arrivals and departures: one row each, with the facility's kind as it was.

/// One arrival or departure as stored.
public struct FlowRecord: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case arrival, departure }

    public var direction: Direction
    public var facility: String
    public var kind: FacilityKind
    public var count: Int
    /// Arrival category or departure reason (raw value).
    public var label: String
    public var at: Timestamp
    /// An arrival that is the other half of a transfer.
    public var isTransfer: Bool

    public init(direction: Direction, facility: String, kind: FacilityKind, count: Int, label: String, at: Timestamp, isTransfer: Bool) {
        self.direction = direction
        self.facility = facility
        self.kind = kind
        self.count = count
        self.label = label
        self.at = at
        self.isTransfer = isTransfer
    }
}

extension WriteTransaction {
    /// Inserts an arrival row; returns its id.
    public func insertArrival(
        seq: Int64, facility: FlowTarget, count: Int, category: ArrivalCategory, at: Timestamp, transferFrom: String?,
        note: String?
    ) throws -> Int64 {
        try connection.run(
            "INSERT INTO arrivals(seq, facility, kind, count, category, at_ms, transfer_from, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            seq, facility.id, facility.kind.rawValue, count, category.rawValue, at.millisecondsSinceEpoch, transferFrom, note)
        return connection.lastInsertRowID
    }

    /// Inserts a departure row; returns its id.
    public func insertDeparture(
        seq: Int64, facility: FlowTarget, count: Int, reason: DepartureReason, at: Timestamp, to: String?, note: String?
    ) throws -> Int64 {
        try connection.run(
            "INSERT INTO departures(seq, facility, kind, count, reason, at_ms, to_facility, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            seq, facility.id, facility.kind.rawValue, count, reason.rawValue, at.millisecondsSinceEpoch, to, note)
        return connection.lastInsertRowID
    }
}

/// Filters for the arrival series.
public struct FlowFilter: Sendable, Equatable {
    public var facility: String?
    public var kind: FacilityKind?
    public var district: String?
    public var category: ArrivalCategory?

    public init(facility: String? = nil, kind: FacilityKind? = nil, district: String? = nil, category: ArrivalCategory? = nil) {
        self.facility = facility
        self.kind = kind
        self.district = district
        self.category = category
    }
}

extension SQLiteConnection {
    /// Arrivals minus departures at a facility dated after `instant`: what happened after a
    /// head count taken then, which the count therefore does not include.
    public func netFlow(facility: String, after instant: Timestamp) throws -> Int {
        let arrived = try scalarInt(
            "SELECT coalesce(sum(count), 0) FROM arrivals WHERE at_ms > ? AND facility = ?",
            [instant.millisecondsSinceEpoch, facility]) ?? 0
        let departed = try scalarInt(
            "SELECT coalesce(sum(count), 0) FROM departures WHERE at_ms > ? AND facility = ?",
            [instant.millisecondsSinceEpoch, facility]) ?? 0
        return Int(arrived - departed)
    }

    /// Arrivals dated in `[start, end)` matching the filter, as (time, count, category).
    /// Transfers between facilities are included only when filtering by facility (for the
    /// city, a kind or a district, they are not new arrivals).
    public func arrivals(from start: Timestamp, to end: Timestamp, filter: FlowFilter) throws
        -> [(at: Timestamp, count: Int, category: String)]
    {
        var conditions = ["a.at_ms >= ?", "a.at_ms < ?"]
        var parameters: [any SQLiteBindable] = [start.millisecondsSinceEpoch, end.millisecondsSinceEpoch]
        if let facility = filter.facility {
            conditions.append("a.facility = ?")
            parameters.append(facility)
        } else {
            conditions.append("a.transfer_from IS NULL")
        }
        if let kind = filter.kind {
            conditions.append("a.kind = ?")
            parameters.append(kind.rawValue)
        }
        if let category = filter.category {
            conditions.append("a.category = ?")
            parameters.append(category.rawValue)
        }
        if let district = filter.district {
            conditions.append("f.district = ?")
            parameters.append(district)
        }
        return try query(
            """
            SELECT a.at_ms, a.count, a.category FROM arrivals a JOIN facilities f ON f.id = a.facility
            WHERE \(conditions.joined(separator: " AND "))
            """, parameters
        ) { row in (Timestamp(millisecondsSinceEpoch: row.int64(0)), row.int(1), row.text(2)) }
    }

    /// Every arrival and departure dated at or after `instant`, oldest first: what the
    /// in-memory surge window is rebuilt from at start.
    public func flows(since instant: Timestamp) throws -> [FlowRecord] {
        try query(
            """
            SELECT 0, facility, kind, count, category, at_ms, transfer_from IS NOT NULL FROM arrivals WHERE at_ms >= ?
            UNION ALL
            SELECT 1, facility, kind, count, reason, at_ms, 0 FROM departures WHERE at_ms >= ?
            ORDER BY 6
            """, [instant.millisecondsSinceEpoch, instant.millisecondsSinceEpoch]
        ) { row in
            guard let kind = FacilityKind(rawValue: row.text(2)) else {
                throw StoreDataError(table: "arrivals/departures", row: row.text(1))
            }
            return FlowRecord(
                direction: row.int(0) == 0 ? .arrival : .departure, facility: row.text(1), kind: kind, count: row.int(3),
                label: row.text(4), at: Timestamp(millisecondsSinceEpoch: row.int64(5)), isTransfer: row.bool(6))
        }
    }

    /// Daily occupancy rows of one facility in `first...last`, plus the last row before
    /// `first` (to carry its figure forward into the range).
    public func occupancyDays(facility: String, from first: CalendarDate, through last: CalendarDate) throws
        -> [(day: CalendarDate, occupied: Int, peak: Int, available: Int)]
    {
        let before = try queryFirst(
            "SELECT day, occupied, occupied, available FROM occupancy_days WHERE facility = ? AND day < ? ORDER BY day DESC LIMIT 1",
            [facility, first.description], Self.occupancyDay(from:))
        let inRange = try query(
            "SELECT day, occupied, peak, available FROM occupancy_days WHERE facility = ? AND day >= ? AND day <= ? ORDER BY day",
            [facility, first.description, last.description], Self.occupancyDay(from:))
        return (before.map { [$0] } ?? []) + inRange
    }

    private static func occupancyDay(from row: SQLiteRow) throws -> (day: CalendarDate, occupied: Int, peak: Int, available: Int) {
        guard let day = CalendarDate(parsing: row.text(0)) else { throw StoreDataError(table: "occupancy_days", row: row.text(0)) }
        return (day, row.int(1), row.int(2), row.int(3))
    }
}

/// What recording an arrival, departure or head count needs to know about its facility.
///
/// Why not the whole `Facility`: this is read once per arrival, the hottest write, and the
/// names, notes and override are not needed for it.
public struct FlowTarget: Sendable, Equatable {
    public var id: String
    public var kind: FacilityKind
    public var status: FacilityStatus
    public var occupied: Int
    public var lastReportAt: Timestamp?
    /// capacity − blocked while operating, else 0 (as `Facility.available`).
    public var available: Int

    public var subject: String { "facility/\(id)" }
}

extension SQLiteConnection {
    public func flowTarget(_ id: String) throws -> FlowTarget? {
        try queryFirst(
            """
            SELECT kind, status, occupied, last_report_ms,
                CASE WHEN status IN ('open', 'closing') THEN max(0, capacity - blocked) ELSE 0 END
            FROM facilities WHERE id = ?
            """, [id]
        ) { row in
            guard let kind = FacilityKind(rawValue: row.text(0)), let status = FacilityStatus(rawValue: row.text(1)) else {
                throw StoreDataError(table: "facilities", row: id)
            }
            return FlowTarget(
                id: id, kind: kind, status: status, occupied: row.int(2),
                lastReportAt: row.optionalInt64(3).map(Timestamp.init(millisecondsSinceEpoch:)), available: row.int(4))
        }
    }
}
