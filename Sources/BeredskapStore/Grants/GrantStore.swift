import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// A disability-grant application as stored: the grant and the amount (T2), its day being the
/// `disability_grant_applied` milestone's.
public struct StoredGrantApplication: Sendable, Equatable {
    public var grant: DisabilityGrant
    public var amount: Int64?

    public init(grant: DisabilityGrant, amount: Int64?) {
        self.grant = grant
        self.amount = amount
    }
}

extension SQLiteConnection {
    /// Every person with a district settled on or before `through`, as the grant rules read
    /// them: the birth, flags and household size out of the details (an erased person has
    /// none), and the application with its milestone's day. A `disability_grant_applied`
    /// milestone recorded without an application (through the milestone route) counts as T1.
    public func grantPersons(settledThrough through: CalendarDate) throws -> [GrantPerson] {
        try query(
            """
            SELECT p.id, p.district, s.date, p.details, a.date, g.kind, g.amount,
                (SELECT count(*) FROM persons h WHERE h.household = p.household)
            FROM persons p
            JOIN person_milestones s ON s.person_id = p.id AND s.milestone = 'settled'
            LEFT JOIN person_milestones a ON a.person_id = p.id AND a.milestone = 'disability_grant_applied'
            LEFT JOIN grant_applications g ON g.person_id = p.id
            WHERE p.district IS NOT NULL AND s.date <= ?
            ORDER BY p.id
            """, [through.description]
        ) { row in
            guard let settled = CalendarDate(parsing: row.text(2)) else {
                throw StoreDataError(table: "person_milestones", row: "\(row.int64(0))/settled")
            }
            let details = try row.optionalText(3).map { try JSONValueDecoder().decode(PersonDraft.self, from: Array($0.utf8)) }
            let application = row.optionalText(4).flatMap(CalendarDate.init(parsing:)).map { applied in
                GrantPerson.Application(
                    grant: row.optionalText(5).flatMap(DisabilityGrant.init(rawValue:)) ?? .t1, applied: applied,
                    amount: row.optionalInt64(6))
            }
            return GrantPerson(
                id: row.int64(0), district: row.text(1), settled: settled, birth: details?.birth,
                unaccompanied: details?.unaccompanied ?? false, alone: details.map { $0.household == nil || row.int(7) <= 1 } ?? false,
                disability: details?.vulnerabilities?.contains(.disability) ?? false, application: application)
        }
    }

    /// The person's disability-grant application, if there is one.
    public func grantApplication(_ person: Int64) throws -> StoredGrantApplication? {
        try queryFirst("SELECT kind, amount FROM grant_applications WHERE person_id = ?", [person]) { row in
            guard let grant = DisabilityGrant(rawValue: row.text(0)) else {
                throw StoreDataError(table: "grant_applications", row: String(person))
            }
            return StoredGrantApplication(grant: grant, amount: row.optionalInt64(1))
        }
    }

    /// The committed counts of applications due, by district (none is zero).
    public func grantApplicationsDue() throws -> [String: Int] {
        Dictionary(try query("SELECT district, persons FROM grant_applications_due") { ($0.text(0), $0.int(1)) }, uniquingKeysWith: { $1 })
    }
}

extension WriteTransaction {
    /// Stores the application whose `grant.application_recorded` event is `seq`.
    public func recordGrantApplication(_ person: Int64, _ application: StoredGrantApplication, seq: Int64) throws {
        try connection.run(
            "INSERT INTO grant_applications(person_id, kind, amount, seq) VALUES (?, ?, ?, ?)", person,
            application.grant.rawValue, application.amount, seq)
    }

    /// Commits `persons` as the district's count of applications due with its
    /// `grant.applications_due_changed` event, when it differs from the committed one.
    public mutating func setGrantApplicationsDue(district: String, to persons: Int) throws {
        let committed = try connection.grantApplicationsDue()[district] ?? 0
        guard committed != persons else { return }
        let event = try appendSystemEvent(
            GrantEvents.applicationsDueChanged, GrantEvents.ApplicationsDueChanged(district: district, persons: persons),
            subject: GrantSubject.subject(district: district))
        if persons > 0 {
            try connection.run(
                "INSERT OR REPLACE INTO grant_applications_due(district, persons, seq) VALUES (?, ?, ?)", district, persons, event.seq)
        } else {
            try connection.run("DELETE FROM grant_applications_due WHERE district = ?", district)
        }
    }
}
