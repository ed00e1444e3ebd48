import BeredskapCore
import BeredskapSQLite

/// What the deadline engine reads of one person: the id, the district and the facts the rules
/// read — no names, no DUF number.
public struct PersonDeadlineFacts: Sendable, Equatable {
    public var person: Int64
    public var district: String?
    public var facts: PersonFacts

    public init(person: Int64, district: String?, facts: PersonFacts) {
        self.person = person
        self.district = district
        self.facts = facts
    }
}

/// A deadline rule's overdue count in one district, as committed.
public struct DeadlineCountKey: Sendable, Hashable {
    public var rule: String
    public var district: String

    public init(rule: String, district: String) {
        self.rule = rule
        self.district = district
    }

    /// `deadline/<rule>/<district>`: the subject of its event and of its alert.
    public var subject: String { DeadlineSubject.subject(rule: rule, district: district) }
}

extension SQLiteConnection {
    /// Calls `body` with the facts of every person not erased (or only of `persons`), by id:
    /// the birth, flags and arrival dates are taken out of the details in SQL, so that no
    /// personal field but those is read (the disability flag as a search of the vulnerability
    /// list's text: its values are `Vulnerability` names, none inside another, and it costs a
    /// half of the `json_each` it replaces). Two passes, both in id order — the milestones, then
    /// the persons — joined here: every date comes out of SQL as a day number (no text to
    /// split or parse), so 200,000 persons and their 1.5 million milestones cost two scans,
    /// not one query each.
    public func forEachPersonDeadlineFacts(persons: [Int64]? = nil, _ body: (PersonDeadlineFacts) throws -> Void) throws {
        let parameters: [any SQLiteBindable] = persons.map { ["[" + $0.map(String.init).joined(separator: ",") + "]"] } ?? []
        let only = persons == nil ? "" : " IN (SELECT value FROM json_each(?))"
        var owners: [Int64] = []
        var kinds: [Int8] = []
        var days: [Int64] = []
        _ = try query(
            """
            SELECT person_id, \(Self.milestoneOrdinal), \(Self.day("date")) FROM person_milestones
            \(persons == nil ? "" : "WHERE person_id" + only) ORDER BY person_id
            """, parameters
        ) { row in
            guard let kind = Int8(exactly: row.int64(1)), kind >= 0, let day = row.optionalInt64(2) else {
                throw StoreDataError(table: "person_milestones", row: "\(row.int64(0))")
            }
            owners.append(row.int64(0))
            kinds.append(kind)
            days.append(day)
        }
        var next = 0
        _ = try query(
            """
            SELECT id, district, \(Self.day("json_extract(details, '$.birth.date')")), json_extract(details, '$.birth.year'),
                coalesce(json_extract(details, '$.unaccompanied'), 0),
                coalesce(instr(json_extract(details, '$.vulnerabilities'), '"disability"') > 0, 0),
                \(Self.day("json_extract(details, '$.arrived_norway')")), \(Self.day("json_extract(details, '$.arrived_city')"))
            FROM persons WHERE details IS NOT NULL\(persons == nil ? "" : " AND id" + only) ORDER BY id
            """, parameters
        ) { row in
            let id = row.int64(0)
            let birth: PersonBirth
            if let day = row.optionalInt64(2) {
                birth = .date(CalendarDate(daysSinceEpoch: day))
            } else if let year = row.optionalInt64(3) {
                birth = .estimatedYear(Int(year))
            } else {
                throw StoreDataError(table: "persons", row: "\(id)/birth")
            }
            while next < owners.count, owners[next] < id { next += 1 }
            var recorded = MilestoneTimes()
            while next < owners.count, owners[next] == id {
                recorded[Self.milestones[Int(kinds[next])]] = MilestoneTime(date: CalendarDate(daysSinceEpoch: days[next]))
                next += 1
            }
            let facts = PersonFacts(
                birth: birth, unaccompanied: row.bool(4), disability: row.bool(5), recorded: recorded,
                arrivedNorway: row.optionalInt64(6).map(CalendarDate.init(daysSinceEpoch:)),
                arrivedCity: row.optionalInt64(7).map(CalendarDate.init(daysSinceEpoch:)))
            try body(PersonDeadlineFacts(person: id, district: row.optionalText(1), facts: facts))
        }
    }

    private static let milestones = Milestone.allCases

    /// The milestone's index in `Milestone.allCases`, or -1 for a kind this build does not know.
    private static let milestoneOrdinal = "CASE milestone "
        + milestones.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " ELSE -1 END"

    /// A `YYYY-MM-DD` text as days since 1970-01-01 (NULL stays NULL, and so does a text that
    /// is not a date): the Julian day of the Unix epoch's midnight is 2440587.5.
    private static func day(_ expression: String) -> String {
        "CAST(julianday(\(expression)) - 2440587.5 AS INTEGER)"
    }

    /// The committed overdue counts (none is zero).
    public func deadlineOverdueCounts() throws -> [DeadlineCountKey: Int] {
        let rows = try query("SELECT rule, district, overdue FROM deadline_overdue") { row in
            (DeadlineCountKey(rule: row.text(0), district: row.text(1)), row.int(2))
        }
        return Dictionary(rows, uniquingKeysWith: { $1 })
    }

    /// The committed overdue count of one rule in one district.
    public func deadlineOverdue(_ key: DeadlineCountKey) throws -> Int {
        Int(try scalarInt("SELECT overdue FROM deadline_overdue WHERE rule = ? AND district = ?", [key.rule, key.district]) ?? 0)
    }
}

extension WriteTransaction {
    /// Commits `overdue` as the count of `key` with its `deadline.overdue_changed` event, when
    /// it differs from the committed one; false when it did not.
    @discardableResult
    public mutating func setDeadlineOverdue(_ key: DeadlineCountKey, to overdue: Int) throws -> Bool {
        guard try connection.deadlineOverdue(key) != overdue else { return false }
        let event = try appendSystemEvent(
            DeadlineEvents.overdueChanged,
            DeadlineEvents.OverdueChanged(rule: key.rule, district: key.district, overdue: overdue), subject: key.subject)
        if overdue > 0 {
            try connection.run(
                "INSERT OR REPLACE INTO deadline_overdue(rule, district, overdue, seq) VALUES (?, ?, ?, ?)", key.rule, key.district,
                overdue, event.seq)
        } else {
            try connection.run("DELETE FROM deadline_overdue WHERE rule = ? AND district = ?", key.rule, key.district)
        }
        return true
    }
}
