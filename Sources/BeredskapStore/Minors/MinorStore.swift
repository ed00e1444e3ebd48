import BeredskapCore
import BeredskapSQLite

extension SQLiteConnection {
    private static let placementColumns = "id, type, from_date, to_date, annual_cost, service, district, note"

    /// Person `person`'s placements, in order of their first day.
    public func minorPlacements(_ person: Int64) throws -> [Placement] {
        try query(
            "SELECT \(Self.placementColumns) FROM minor_placements WHERE person_id = ? ORDER BY from_date, id", [person],
            Self.placement(from:))
    }

    /// Every placement that runs on at least one day of `year`, whoever it is for (notes left out).
    public func minorPlacements(inYear year: Int) throws -> [Placement] {
        guard let first = CalendarDate(year: year, month: 1, day: 1), let last = CalendarDate(year: year, month: 12, day: 31) else {
            return []
        }
        return try query(
            "SELECT \(Self.placementColumns) FROM minor_placements WHERE from_date <= ? AND to_date >= ? ORDER BY id",
            [last.description, first.description]
        ) { row in
            var placement = try Self.placement(from: row)
            placement.note = nil
            return placement
        }
    }

    public func minorRepresentative(_ person: Int64) throws -> Representative? {
        try queryFirst("SELECT name, appointed FROM minor_representatives WHERE person_id = ?", [person]) { row in
            guard let appointed = CalendarDate(parsing: row.text(1)) else {
                throw StoreDataError(table: "minor_representatives", row: String(person))
            }
            return Representative(name: row.text(0), appointed: appointed)
        }
    }

    public func minorAftercare(_ person: Int64) throws -> Aftercare? {
        try queryFirst("SELECT choice, date, follow_up_until FROM minor_aftercare WHERE person_id = ?", [person]) { row in
            guard let choice = AftercareChoice(rawValue: row.text(0)), let date = CalendarDate(parsing: row.text(1)) else {
                throw StoreDataError(table: "minor_aftercare", row: String(person))
            }
            return Aftercare(choice: choice, date: date, followUpUntil: row.optionalText(2).flatMap(CalendarDate.init(parsing:)))
        }
    }

    /// Unaccompanied persons not erased, in `district` when given, by id.
    public func unaccompaniedPersons(district: String?) throws -> [Person] {
        let ids = try query(
            """
            SELECT id FROM persons
            WHERE details IS NOT NULL AND json_extract(details, '$.unaccompanied') = 1 AND (?1 IS NULL OR district = ?1)
            ORDER BY id
            """,
            [district]) { $0.int64(0) }
        return try ids.compactMap { try person($0) }
    }

    func nextPlacementID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM minor_placements") ?? 1
    }

    private static func placement(from row: SQLiteRow) throws -> Placement {
        guard let type = PlacementType(rawValue: row.text(1)), let from = CalendarDate(parsing: row.text(2)),
            let to = CalendarDate(parsing: row.text(3)), let service = MinorsService(rawValue: row.text(5))
        else {
            throw StoreDataError(table: "minor_placements", row: String(row.int64(0)))
        }
        return Placement(
            id: row.int64(0), type: type, from: from, to: to, annualCost: row.int64(4), service: service,
            district: row.optionalText(6), note: row.optionalText(7))
    }
}

extension WriteTransaction {
    /// The id the next placement gets: the `minor.placed` event names it.
    public func nextPlacementID() throws -> Int64 { try connection.nextPlacementID() }

    /// Stores person `person`'s timeline after a change: `added` as a new row (`seq` its
    /// event), and every placement's last day as the timeline now closes it.
    public func saveMinorTimeline(_ person: Int64, _ timeline: PlacementTimeline, added: Placement?, seq: Int64) throws {
        if let added {
            try connection.run(
                """
                INSERT INTO minor_placements(id, person_id, type, from_date, to_date, annual_cost, service, district, note, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                added.id, person, added.type.rawValue, added.from.description, added.to.description, added.annualCost,
                added.service.rawValue, added.district, added.note, seq)
        }
        for placement in timeline.placements {
            try connection.run(
                "UPDATE minor_placements SET to_date = ? WHERE id = ? AND person_id = ?", placement.to.description, placement.id, person)
        }
    }

    /// Sets person `person`'s representative (a new one replaces the one before).
    public func setMinorRepresentative(_ person: Int64, _ representative: Representative, seq: Int64) throws {
        try connection.run(
            """
            INSERT INTO minor_representatives(person_id, name, appointed, seq) VALUES (?, ?, ?, ?)
            ON CONFLICT(person_id) DO UPDATE SET name = excluded.name, appointed = excluded.appointed, seq = excluded.seq
            """,
            person, representative.name, representative.appointed.description, seq)
    }

    public func recordMinorAftercare(_ person: Int64, _ aftercare: Aftercare, seq: Int64) throws {
        try connection.run(
            "INSERT INTO minor_aftercare(person_id, choice, date, follow_up_until, seq) VALUES (?, ?, ?, ?, ?)", person,
            aftercare.choice.rawValue, aftercare.date.description, aftercare.followUpUntil?.description, seq)
    }

    /// What an erasure of person `id` takes of the minors' records (see `Migrations.v015Minors`),
    /// and every stored reply of a request about them (`MinorCase` begins `{"person":N,"placements":`).
    public func eraseMinorRecords(_ id: Int64) throws {
        try connection.run("UPDATE minor_placements SET note = NULL WHERE person_id = ?", id)
        try connection.run("DELETE FROM minor_representatives WHERE person_id = ?", id)
        try connection.run("DELETE FROM minor_aftercare WHERE person_id = ?", id)
        let prefix = Array("{\"person\":\(id),\"placements\":".utf8)
        try connection.run("DELETE FROM idempotency_keys WHERE substr(response, 1, ?) = ?", prefix.count, prefix)
    }
}
