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
    /// Calls `body` with the facts of every person not erased (or only of `persons`), by id, in
    /// one query: the birth, flags and arrival dates are taken out of the details in SQL and the
    /// milestones come as one list per person, so that no personal field but those is read and
    /// 200,000 persons cost one pass over the table, not one query each.
    public func forEachPersonDeadlineFacts(persons: [Int64]? = nil, _ body: (PersonDeadlineFacts) throws -> Void) throws {
        var condition = "details IS NOT NULL"
        if persons != nil { condition += " AND id IN (SELECT value FROM json_each(?))" }
        let parameters: [any SQLiteBindable] = persons.map { ["[" + $0.map(String.init).joined(separator: ",") + "]"] } ?? []
        _ = try query(
            """
            SELECT id, district, json_extract(details, '$.birth.date'), json_extract(details, '$.birth.year'),
                coalesce(json_extract(details, '$.unaccompanied'), 0),
                EXISTS (SELECT 1 FROM json_each(details, '$.vulnerabilities') WHERE value = 'disability'),
                json_extract(details, '$.arrived_norway'), json_extract(details, '$.arrived_city'),
                (SELECT group_concat(milestone || '=' || date) FROM person_milestones WHERE person_id = persons.id)
            FROM persons WHERE \(condition) ORDER BY id
            """, parameters
        ) { row in
            let id = row.int64(0)
            let birth: PersonBirth
            if let date = row.optionalText(2).flatMap(CalendarDate.init(parsing:)) {
                birth = .date(date)
            } else if let year = row.optionalInt64(3) {
                birth = .estimatedYear(Int(year))
            } else {
                throw StoreDataError(table: "persons", row: "\(id)/birth")
            }
            var recorded: [Milestone: CalendarDate] = [:]
            for entry in (row.optionalText(8) ?? "").split(separator: ",") {
                guard let equals = entry.firstIndex(of: "="), let milestone = Milestone(rawValue: String(entry[..<equals])),
                    let date = CalendarDate(parsing: String(entry[entry.index(after: equals)...]))
                else { throw StoreDataError(table: "person_milestones", row: "\(id)/\(entry)") }
                recorded[milestone] = date
            }
            let facts = PersonFacts(
                birth: birth, unaccompanied: row.bool(4), disability: row.bool(5), recorded: recorded,
                arrivedNorway: row.optionalText(6).flatMap(CalendarDate.init(parsing:)),
                arrivedCity: row.optionalText(7).flatMap(CalendarDate.init(parsing:)))
            try body(PersonDeadlineFacts(person: id, district: row.optionalText(1), facts: facts))
        }
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
