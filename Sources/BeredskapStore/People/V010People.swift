import BeredskapSQLite

extension Migrations {
    /// v10: persons, their milestones and the corrections of those.
    ///
    /// What an erasure leaves (GDPR, `DELETE /v1/persons/{id}`): the person's id, category,
    /// status, district, year of arrival and the day of the erasure, and each milestone's kind
    /// and date with the dates of its corrections — what the counts per district, year and
    /// rule need. It sets to NULL: `details` (names, birth, sex, nationality, languages,
    /// arrival dates, unaccompanied, vulnerability flags), `duf`, `household`, `facility`,
    /// the milestones' notes and the corrections' reasons.
    static let v010People = Migration(
        version: 10, name: "people",
        sql: """
            CREATE TABLE persons(
                id INTEGER PRIMARY KEY,
                duf TEXT UNIQUE,                        -- 12 digits; NULL once erased
                category TEXT NOT NULL CHECK (category IN ('asylumSeeker', 'resettlement', 'familyReunification', 'other')),
                status TEXT NOT NULL CHECK (status IN ('asylumSeeker', 'residenceGranted', 'refused', 'settled', 'departed')),
                district TEXT REFERENCES districts(id),
                arrival_year INTEGER,
                household TEXT,
                facility TEXT REFERENCES facilities(id),
                details TEXT,                           -- JSON: the personal fields; NULL once erased
                erased_on TEXT,                         -- YYYY-MM-DD
                erase_reason TEXT,                      -- what the administrator wrote
                last_seq INTEGER NOT NULL
            );
            CREATE INDEX persons_district ON persons(district, status);
            CREATE INDEX persons_household ON persons(household) WHERE household IS NOT NULL;
            CREATE INDEX persons_facility ON persons(facility) WHERE facility IS NOT NULL;

            CREATE TABLE person_milestones(
                person_id INTEGER NOT NULL REFERENCES persons(id),
                milestone TEXT NOT NULL,
                date TEXT NOT NULL,                     -- YYYY-MM-DD, after corrections
                note TEXT,
                seq INTEGER NOT NULL,                   -- the person.milestone_recorded event
                PRIMARY KEY (person_id, milestone)
            ) WITHOUT ROWID;

            CREATE TABLE person_milestone_corrections(
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                milestone TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                reason TEXT,                            -- NULL once the person is erased
                at_ms INTEGER NOT NULL,
                seq INTEGER NOT NULL
            );
            CREATE INDEX person_milestone_corrections_person ON person_milestone_corrections(person_id, milestone);
            """)
}
