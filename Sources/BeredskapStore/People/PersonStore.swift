import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// Which persons to list; nil matches any.
public struct PersonQuery: Sendable, Equatable {
    public var district: String?
    public var facility: String?
    public var status: PersonStatus?
    public var household: String?
    public var limit: Int

    public init(district: String? = nil, facility: String? = nil, status: PersonStatus? = nil, household: String? = nil, limit: Int = 100) {
        self.district = district
        self.facility = facility
        self.status = status
        self.household = household
        self.limit = limit
    }
}

extension SQLiteConnection {
    private static let personColumns = "id, category, status, district, arrival_year, details, erased_on"

    public func person(_ id: Int64) throws -> Person? {
        try queryFirst("SELECT \(Self.personColumns) FROM persons WHERE id = ?", [id], Self.person(from:))
    }

    /// Persons matching `filter`, by id.
    public func persons(_ filter: PersonQuery) throws -> [Person] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        for (column, value) in [
            ("district", filter.district), ("facility", filter.facility), ("status", filter.status?.rawValue),
            ("household", filter.household),
        ] {
            guard let value else { continue }
            conditions.append("\(column) = ?")
            parameters.append(value)
        }
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try query(
            "SELECT \(Self.personColumns) FROM persons\(condition) ORDER BY id LIMIT ?", parameters + [filter.limit],
            Self.person(from:))
    }

    /// The id of the person holding DUF number `duf`, if any.
    public func personID(duf: DUFNumber) throws -> Int64? {
        try scalarInt("SELECT id FROM persons WHERE duf = ?", [duf.digits])
    }

    /// The person's milestones in the order of `Milestone`, each with its corrections, oldest first.
    public func personMilestones(_ person: Int64) throws -> [PersonMilestone] {
        let corrections = try query(
            "SELECT milestone, from_date, to_date, reason, at_ms FROM person_milestone_corrections WHERE person_id = ? ORDER BY id",
            [person]
        ) { row -> (String, PersonMilestone.Correction) in
            guard let from = CalendarDate(parsing: row.text(1)), let to = CalendarDate(parsing: row.text(2)) else {
                throw StoreDataError(table: "person_milestone_corrections", row: "\(person)/\(row.text(0))")
            }
            return (row.text(0), PersonMilestone.Correction(
                from: from, to: to, reason: row.optionalText(3), at: Timestamp(millisecondsSinceEpoch: row.int64(4))))
        }
        let recorded = try query("SELECT milestone, date, note FROM person_milestones WHERE person_id = ?", [person]) { row in
            guard let milestone = Milestone(rawValue: row.text(0)), let date = CalendarDate(parsing: row.text(1)) else {
                throw StoreDataError(table: "person_milestones", row: "\(person)/\(row.text(0))")
            }
            return PersonMilestone(
                milestone: milestone, date: date, note: row.optionalText(2),
                corrections: corrections.filter { $0.0 == milestone.rawValue }.map(\.1))
        }
        let order = Dictionary(uniqueKeysWithValues: Milestone.allCases.enumerated().map { ($1, $0) })
        return recorded.sorted { order[$0.milestone, default: 0] < order[$1.milestone, default: 0] }
    }

    /// The recorded reads of person `id` (`access.read` events about `person/{id}`, or of a
    /// list that showed them), oldest first.
    public func personReads(_ id: Int64) throws -> [Event] {
        let subject = "person/\(id)"
        return try query(
            """
            SELECT \(Self.eventColumns) FROM events
            WHERE seq IN (SELECT seq FROM events WHERE subject = ? AND type = ? UNION SELECT seq FROM read_subjects WHERE subject = ?)
            ORDER BY seq
            """,
            [subject, AccessEvents.read.name, subject], Self.event)
    }

    /// Persons not erased whose last activity — their last change, milestone, correction, an
    /// unaccompanied minor's placement, representative or choice, or a step of their
    /// introduction programme; not a read — was before `instant`, lowest id first, at most `limit`.
    public func personsInactive(before instant: Timestamp, limit: Int) throws -> [Int64] {
        try query(
            """
            SELECT p.id FROM persons p JOIN events e ON e.seq = max(
                p.last_seq,
                coalesce((SELECT max(seq) FROM person_milestones WHERE person_id = p.id), 0),
                coalesce((SELECT max(seq) FROM person_milestone_corrections WHERE person_id = p.id), 0),
                coalesce((SELECT max(seq) FROM minor_placements WHERE person_id = p.id), 0),
                coalesce((SELECT max(seq) FROM minor_representatives WHERE person_id = p.id), 0),
                coalesce((SELECT max(seq) FROM minor_aftercare WHERE person_id = p.id), 0),
                coalesce((SELECT seq FROM intro_programmes WHERE person_id = p.id), 0))
            WHERE p.erased_on IS NULL AND e.time_ms < ?
            ORDER BY p.id LIMIT ?
            """,
            [instant.millisecondsSinceEpoch, Int64(limit)]) { $0.int64(0) }
    }

    func nextPersonID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM persons") ?? 1
    }

    private static func person(from row: SQLiteRow) throws -> Person {
        guard let category = PersonCategory(rawValue: row.text(1)), let status = PersonStatus(rawValue: row.text(2)) else {
            throw StoreDataError(table: "persons", row: String(row.int64(0)))
        }
        let details = try row.optionalText(5).map { try JSONValueDecoder().decode(PersonDraft.self, from: Array($0.utf8)) }
        return Person(
            id: row.int64(0), category: category, status: status, district: row.optionalText(3),
            arrivalYear: row.optionalInt64(4).map(Int.init), details: details.map(PersonDetails.init),
            erasedOn: row.optionalText(6).flatMap(CalendarDate.init(parsing:)))
    }
}

extension WriteTransaction {
    /// Records that the read `seq` (an `access.read` event) showed `subjects`, for the
    /// exports that ask who read whom (`personReads`).
    public func noteReadSubjects(_ subjects: [String], seq: Int64) throws {
        for subject in Set(subjects) {
            try connection.run("INSERT OR IGNORE INTO read_subjects(subject, seq) VALUES (?, ?)", subject, seq)
        }
    }

    /// Registers a person with the id it is given here, and its `person.registered` event.
    public mutating func registerPerson(_ draft: PersonDraft) throws -> (Person, Event) {
        let person = Person(id: try connection.nextPersonID(), draft: draft)
        let event = try appendEvent(PersonEvents.registered, PersonEvents.Registered(person: person.id), subject: "person/\(person.id)")
        try connection.run(
            """
            INSERT INTO persons(id, duf, category, status, district, arrival_year, household, facility, details, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            person.id, draft.duf.digits, person.category.rawValue, person.status.rawValue, person.district, person.arrivalYear,
            draft.household, draft.facility, try Self.details(draft), event.seq)
        return (person, event)
    }

    /// Stores person `id` as `draft` leaves it; `seq` is the `person.changed` event.
    public func savePerson(_ id: Int64, _ draft: PersonDraft, seq: Int64) throws -> Person {
        let person = Person(id: id, draft: draft)
        try connection.run(
            """
            UPDATE persons SET duf = ?, category = ?, status = ?, district = ?, arrival_year = ?, household = ?, facility = ?,
                details = ?, last_seq = ?
            WHERE id = ?
            """,
            draft.duf.digits, person.category.rawValue, person.status.rawValue, person.district, person.arrivalYear,
            draft.household, draft.facility, try Self.details(draft), seq, id)
        return person
    }

    public func recordPersonMilestone(_ person: Int64, _ milestone: PersonMilestone, seq: Int64) throws {
        try connection.run(
            "INSERT INTO person_milestones(person_id, milestone, date, note, seq) VALUES (?, ?, ?, ?, ?)", person,
            milestone.milestone.rawValue, milestone.date.description, milestone.note, seq)
    }

    /// The id the next milestone correction gets: the `person.milestone_corrected` event names it.
    public func nextMilestoneCorrectionID() throws -> Int64 {
        try connection.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM person_milestone_corrections") ?? 1
    }

    /// Moves a milestone to `correction.to` and keeps the correction with its reason.
    public func correctPersonMilestone(
        _ person: Int64, _ milestone: Milestone, id: Int64, _ correction: PersonMilestone.Correction, seq: Int64
    ) throws {
        try connection.run(
            "UPDATE person_milestones SET date = ? WHERE person_id = ? AND milestone = ?", correction.to.description, person,
            milestone.rawValue)
        try connection.run(
            """
            INSERT INTO person_milestone_corrections(id, person_id, milestone, from_date, to_date, reason, at_ms, seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, person, milestone.rawValue, correction.from.description, correction.to.description, correction.reason,
            correction.at.millisecondsSinceEpoch, seq)
    }

    /// Erases person `id`'s personal fields (see `Migrations.v010People` for what stays), and
    /// every stored reply of an earlier request about them (idempotency keys: a replay would
    /// otherwise hand the names back). Every reply about a person begins `{"id":N,"category":`
    /// (`PersonResource`), whatever DUF number or names it held then.
    public func erasePerson(_ id: Int64, on date: CalendarDate, reason: String, seq: Int64) throws {
        try connection.run(
            """
            UPDATE persons SET duf = NULL, household = NULL, facility = NULL, details = NULL, erased_on = ?, erase_reason = ?,
                last_seq = ?
            WHERE id = ?
            """,
            date.description, reason, seq, id)
        try connection.run("UPDATE person_milestones SET note = NULL WHERE person_id = ?", id)
        try connection.run("UPDATE person_milestone_corrections SET reason = NULL WHERE person_id = ?", id)
        try eraseIntro(id)
        let prefix = Array("{\"id\":\(id),\"category\":".utf8)
        try connection.run("DELETE FROM idempotency_keys WHERE substr(response, 1, ?) = ?", prefix.count, prefix)
    }

    private static func details(_ draft: PersonDraft) throws -> String {
        try JSONValueEncoder().encode(draft).serializedString()
    }
}
