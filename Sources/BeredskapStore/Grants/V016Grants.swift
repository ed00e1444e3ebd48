import BeredskapSQLite

extension Migrations {
    /// v15: disability-grant applications and the count of applications due per district.
    ///
    /// An application's day is its `disability_grant_applied` milestone's (after corrections);
    /// the row says which grant and, for T2, the amount applied for. It holds nothing a person
    /// typed: like a milestone's kind and date it stays after an erasure, for the forecast.
    /// `grant_applications_due` is the count `grant_application_due` reads, committed with its
    /// `grant.applications_due_changed` event; no person is in it, and zero has no row.
    static let v016Grants = Migration(
        version: 16, name: "grants",
        sql: """
            CREATE TABLE grant_applications(
                person_id INTEGER PRIMARY KEY REFERENCES persons(id),
                kind TEXT NOT NULL CHECK (kind IN ('disability_t1', 'disability_t2')),
                amount INTEGER CHECK (amount > 0),      -- NOK, T2 only; NULL: the cap
                seq INTEGER NOT NULL                    -- the grant.application_recorded event
            );

            CREATE TABLE grant_applications_due(
                district TEXT PRIMARY KEY REFERENCES districts(id),
                persons INTEGER NOT NULL CHECK (persons > 0),
                seq INTEGER NOT NULL                    -- the grant.applications_due_changed event
            ) WITHOUT ROWID;
            """)
}
