import BeredskapCore
import BeredskapSQLite

// Arrivals, departures and head counts: one row each, with the facility's kind as it was.
// A voided row stays (with the seq of the event that voided it) and counts nowhere.

/// One arrival or departure as the surge window reads it.
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
    // Each record's id is chosen first (`SQLiteConnection.nextRecordID`), so that the event
    // recording it can name it; the row keeps the event's seq.

    /// Inserts arrival row `id`. `transferDeparture` is the departure it is the other half of.
    public func insertArrival(
        id: Int64, seq: Int64, facility: FlowTarget, count: Int, category: ArrivalCategory, at: Timestamp,
        transfer: (from: String, departure: Int64)?, note: String?
    ) throws {
        try connection.run(
            """
            INSERT INTO arrivals(id, seq, facility, kind, count, category, at_ms, transfer_from, transfer_departure, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, seq, facility.id, facility.kind.rawValue, count, category.rawValue, at.millisecondsSinceEpoch, transfer?.from,
            transfer?.departure, note)
    }

    /// Inserts departure row `id`.
    public func insertDeparture(
        id: Int64, seq: Int64, facility: FlowTarget, count: Int, reason: DepartureReason, at: Timestamp, to: String?,
        note: String?
    ) throws {
        try connection.run(
            """
            INSERT INTO departures(id, seq, facility, kind, count, reason, at_ms, to_facility, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, seq, facility.id, facility.kind.rawValue, count, reason.rawValue, at.millisecondsSinceEpoch, to, note)
    }

    /// Inserts head-count row `id`.
    public func insertHeadCount(id: Int64, seq: Int64, facility: String, counted: Int, at: Timestamp, note: String?) throws {
        try connection.run(
            "INSERT INTO head_counts(id, seq, facility, counted, at_ms, note) VALUES (?, ?, ?, ?, ?, ?)",
            id, seq, facility, counted, at.millisecondsSinceEpoch, note)
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

/// A facility's occupancy by the head-count rule at some instant, as the store has it.
public struct RuleOccupancy: Sendable, Equatable {
    /// The rule's raw figure (`HeadCountRule`): negative only when the records contradict each other.
    public var raw: Int
    /// The head count it starts from, if any.
    public var lastReportAt: Timestamp?

    /// What the facility shows.
    public var shown: Int { HeadCountRule.shown(raw) }
}

extension SQLiteConnection {
    /// The head-count rule evaluated in SQL, just before `instant` (nil: after every record):
    /// the last head count dated before it plus the arrivals less the departures dated after
    /// that count and before the instant. Voided records count nowhere. The same rule as
    /// `HeadCountRule`, which the history applies day by day from this figure.
    public func ruleOccupancy(facility: String, before instant: Timestamp? = nil) throws -> RuleOccupancy {
        let end = instant?.millisecondsSinceEpoch ?? Int64.max
        let count = try queryFirst(
            """
            SELECT counted, at_ms FROM head_counts WHERE facility = ? AND voided_seq IS NULL AND at_ms < ?
            ORDER BY at_ms DESC, id DESC LIMIT 1
            """, [facility, end]
        ) { row in (counted: row.int(0), at: row.int64(1)) }
        let flows = try netFlow(
            facility: facility, after: count.map { Timestamp(millisecondsSinceEpoch: $0.at) }, before: instant)
        return RuleOccupancy(
            raw: HeadCountRule.occupancy(lastCount: count?.counted, flowsAfter: flows),
            lastReportAt: count.map { Timestamp(millisecondsSinceEpoch: $0.at) })
    }

    /// Arrivals minus departures at a facility dated after `after` and before `before` (nil:
    /// no bound), voided ones left out: what happened after a head count taken at `after`,
    /// which the count therefore does not include.
    public func netFlow(facility: String, after: Timestamp?, before: Timestamp? = nil) throws -> Int {
        try queryFirst(
            """
            SELECT (SELECT coalesce(sum(count), 0) FROM arrivals
                    WHERE facility = ?1 AND voided_seq IS NULL AND at_ms > ?2 AND at_ms < ?3)
                 - (SELECT coalesce(sum(count), 0) FROM departures
                    WHERE facility = ?1 AND voided_seq IS NULL AND at_ms > ?2 AND at_ms < ?3)
            """, [facility, after?.millisecondsSinceEpoch ?? Int64.min, before?.millisecondsSinceEpoch ?? Int64.max]
        ) { row in row.int(0) } ?? 0
    }

    /// One facility's part of the occupancy history over `[start, end)`: the rule's figure when
    /// `start` begins and every head count, arrival and departure dated in the range.
    public func occupancyHistoryInput(facility: String, from start: Timestamp, to end: Timestamp) throws -> OccupancyHistory.Input {
        let parameters: [any SQLiteBindable] = [facility, start.millisecondsSinceEpoch, end.millisecondsSinceEpoch]
        let facts = try query(
            """
            SELECT 0, at_ms, counted, id FROM head_counts WHERE facility = ?1 AND voided_seq IS NULL AND at_ms >= ?2 AND at_ms < ?3
            UNION ALL
            SELECT 1, at_ms, count, id FROM arrivals WHERE facility = ?1 AND voided_seq IS NULL AND at_ms >= ?2 AND at_ms < ?3
            UNION ALL
            SELECT 1, at_ms, -count, id FROM departures WHERE facility = ?1 AND voided_seq IS NULL AND at_ms >= ?2 AND at_ms < ?3
            """, parameters
        ) { row in
            OccupancyFact(
                at: Timestamp(millisecondsSinceEpoch: row.int64(1)), row.int(0) == 0 ? .headCount(row.int(2)) : .flow(row.int(2)),
                order: row.int64(3))
        }
        return OccupancyHistory.Input(opening: try ruleOccupancy(facility: facility, before: start).raw, facts: facts)
    }

    /// Arrivals dated in `[start, end)` matching the filter, as (time, count, category).
    /// Transfers between facilities are included only when filtering by facility (for the
    /// city, a kind or a district, they are not new arrivals).
    public func arrivals(from start: Timestamp, to end: Timestamp, filter: FlowFilter) throws
        -> [(at: Timestamp, count: Int, category: String)]
    {
        var conditions = ["a.at_ms >= ?", "a.at_ms < ?", "a.voided_seq IS NULL"]
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
            SELECT 0, facility, kind, count, category, at_ms, transfer_from IS NOT NULL FROM arrivals
            WHERE at_ms >= ? AND voided_seq IS NULL
            UNION ALL
            SELECT 1, facility, kind, count, reason, at_ms, 0 FROM departures WHERE at_ms >= ? AND voided_seq IS NULL
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

    /// The places available at a facility on each day of `days` (ascending): the last figure
    /// noted on or before the day, 0 before the first.
    public func availableByDay(facility: String, over days: [CalendarDate]) throws -> [Int] {
        guard let first = days.first, let last = days.last else { return [] }
        let before = try queryFirst(
            "SELECT day, available FROM available_days WHERE facility = ? AND day < ? ORDER BY day DESC LIMIT 1",
            [facility, first.description], Self.availableDay(from:))
        let inRange = try query(
            "SELECT day, available FROM available_days WHERE facility = ? AND day >= ? AND day <= ? ORDER BY day",
            [facility, first.description, last.description], Self.availableDay(from:))
        let rows = (before.map { [$0] } ?? []) + inRange
        var index = 0
        var current = 0
        return days.map { day in
            while index < rows.count && rows[index].day <= day {
                current = rows[index].available
                index += 1
            }
            return current
        }
    }

    private static func availableDay(from row: SQLiteRow) throws -> (day: CalendarDate, available: Int) {
        guard let day = CalendarDate(parsing: row.text(0)) else { throw StoreDataError(table: "available_days", row: row.text(0)) }
        return (day, row.int(1))
    }
}

/// What recording an arrival, departure or head count needs to know about its facility.
///
/// Why not the whole `Facility`: this is read once per arrival, the hottest write, and the
/// names, notes and override are not needed for it.
public struct FlowTarget: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: FacilityKind
    public var status: FacilityStatus
    public var occupied: Int
    public var lastReportAt: Timestamp?
    /// capacity − blocked while operating, else 0 (as `Facility.available`).
    public var available: Int
    /// The larger of capacity and expansion capacity (what a plausible count is measured against).
    public var largestCapacity: Int

    public var subject: String { "facility/\(id)" }

    /// The stored figures the head-count rule decides a new record from.
    public var occupancy: RecordedOccupancy { RecordedOccupancy(occupied: occupied, lastReportAt: lastReportAt) }
}

extension SQLiteConnection {
    public func flowTarget(_ id: String) throws -> FlowTarget? {
        try queryFirst(
            """
            SELECT kind, status, occupied, last_report_ms,
                CASE WHEN status IN ('open', 'closing') THEN max(0, capacity - blocked) ELSE 0 END,
                max(capacity, coalesce(expansion_capacity, 0)), name
            FROM facilities WHERE id = ?
            """, [id]
        ) { row in
            guard let kind = FacilityKind(rawValue: row.text(0)), let status = FacilityStatus(rawValue: row.text(1)) else {
                throw StoreDataError(table: "facilities", row: id)
            }
            return FlowTarget(
                id: id, name: row.text(6), kind: kind, status: status, occupied: row.int(2),
                lastReportAt: row.optionalInt64(3).map(Timestamp.init(millisecondsSinceEpoch:)), available: row.int(4),
                largestCapacity: row.int(5))
        }
    }
}
