import BeredskapSQLite

extension Migrations {
    /// v9: settlement cases (utsøking), what people wrote about them in a row of its own that
    /// can be erased, and the housing units households are settled in. A unit holds at most
    /// one case and a case at most one unit (`housing_units.case_id` is unique); the case keeps
    /// the unit it was settled in after the unit is released.
    static let v009CasesHousing = Migration(
        version: 9, name: "cases_housing",
        sql: """
            CREATE TABLE housing_units(
                id TEXT PRIMARY KEY,
                district TEXT NOT NULL REFERENCES districts(id),
                kind TEXT NOT NULL CHECK (kind IN ('municipalOwned', 'municipalLeased', 'private', 'shared', 'settlementCentre')),
                rooms INTEGER NOT NULL CHECK (rooms >= 1),
                size REAL CHECK (size IS NULL OR size > 0),
                accessible INTEGER NOT NULL DEFAULT 0,
                available_from TEXT NOT NULL,           -- YYYY-MM-DD
                lease_end TEXT CHECK (lease_end IS NULL OR kind = 'municipalLeased'),
                note TEXT,
                case_id INTEGER UNIQUE REFERENCES settlement_cases(id),
                last_seq INTEGER NOT NULL
            );
            CREATE INDEX housing_units_district ON housing_units(district);

            CREATE TABLE settlement_cases(
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                district TEXT NOT NULL REFERENCES districts(id),
                mode TEXT NOT NULL CHECK (mode IN ('ordinary', 'agreedSelfSettlement', 'ownInitiative',
                                                   'familyReunification', 'secondaryMigration')),
                household_size INTEGER NOT NULL CHECK (household_size >= 1),
                unaccompanied_minors INTEGER NOT NULL CHECK (unaccompanied_minors BETWEEN 0 AND household_size),
                state TEXT NOT NULL CHECK (state IN ('requested', 'consented', 'declined', 'decided', 'settled', 'withdrawn')),
                requested_on TEXT NOT NULL,             -- dates YYYY-MM-DD
                consented_on TEXT,
                decided_on TEXT,
                planned_on TEXT,
                settled_on TEXT,
                closed_on TEXT,
                housing TEXT REFERENCES housing_units(id),
                last_seq INTEGER NOT NULL
            );
            CREATE INDEX settlement_cases_district ON settlement_cases(district, state);
            CREATE INDEX settlement_cases_year ON settlement_cases(year, state);

            -- Person data: shown to `cases` only, never in an event; erased by setting it to NULL.
            CREATE TABLE settlement_case_persons(
                case_id INTEGER PRIMARY KEY REFERENCES settlement_cases(id),
                reference TEXT,
                note TEXT,
                decline_reason TEXT,
                withdraw_reason TEXT
            );
            """)
}
