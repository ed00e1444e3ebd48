import BeredskapSQLite

extension Migrations {
    /// v15: unaccompanied minors' placements, representatives and choices at 18.
    ///
    /// What an erasure of the person leaves: each placement's type, days, annual cost, service
    /// and district — what the costs per district and year need. It sets the placements' notes
    /// to NULL and deletes the representative (a name) and the choice.
    static let v015Minors = Migration(
        version: 15, name: "minors",
        sql: """
            CREATE TABLE minor_placements(
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                type TEXT NOT NULL CHECK (type IN ('foster_home', 'child_welfare_institution', 'shared_housing_staffed',
                    'bedsit_follow_up', 'integration_family', 'professional_family_home', 'folk_high_school', 'group_foster_home')),
                from_date TEXT NOT NULL,                -- YYYY-MM-DD
                to_date TEXT NOT NULL,                  -- the last day, as the timeline last closed it
                annual_cost INTEGER NOT NULL CHECK (annual_cost >= 0),   -- whole NOK
                service TEXT NOT NULL CHECK (service IN ('childWelfare', 'nav')),
                district TEXT REFERENCES districts(id),
                note TEXT,                              -- NULL once the person is erased
                seq INTEGER NOT NULL                    -- the minor.placed event
            );
            CREATE INDEX minor_placements_person ON minor_placements(person_id, from_date);
            CREATE INDEX minor_placements_days ON minor_placements(from_date, to_date);

            CREATE TABLE minor_representatives(
                person_id INTEGER PRIMARY KEY REFERENCES persons(id),
                name TEXT NOT NULL,
                appointed TEXT NOT NULL,                -- YYYY-MM-DD
                seq INTEGER NOT NULL                    -- the minor.representative_set event
            );

            CREATE TABLE minor_aftercare(
                person_id INTEGER PRIMARY KEY REFERENCES persons(id),
                choice TEXT NOT NULL CHECK (choice IN ('stay', 'move_on')),
                date TEXT NOT NULL,
                follow_up_until TEXT,
                seq INTEGER NOT NULL                    -- the minor.aftercare_chosen event
            );
            """)
}
