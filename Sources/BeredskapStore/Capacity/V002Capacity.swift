import BeredskapSQLite

extension Migrations {
    /// v2: districts, facilities with their head count, arrivals, departures, daily
    /// occupancy and the surge level.
    static let v002Capacity = Migration(
        version: 2, name: "capacity",
        sql: """
            CREATE TABLE districts(
                id TEXT PRIMARY KEY,
                number INTEGER NOT NULL,
                name TEXT NOT NULL,
                population TEXT NOT NULL DEFAULT '{}'   -- JSON {"2016": 51444, …}
            );
            -- Oslo's districts as the API contract names them (numbers 01–15).
            INSERT INTO districts(id, number, name) VALUES
                ('gamle-oslo', 1, 'Gamle Oslo'),
                ('grunerlokka', 2, 'Grünerløkka'),
                ('sagene', 3, 'Sagene'),
                ('st-hanshaugen', 4, 'St. Hanshaugen'),
                ('frogner', 5, 'Frogner'),
                ('ullern', 6, 'Ullern'),
                ('vestre-aker', 7, 'Vestre Aker'),
                ('nordre-aker', 8, 'Nordre Aker'),
                ('bjerke', 9, 'Bjerke'),
                ('grorud', 10, 'Grorud'),
                ('stovner', 11, 'Stovner'),
                ('alna', 12, 'Alna'),
                ('ostensjo', 13, 'Østensjø'),
                ('nordstrand', 14, 'Nordstrand'),
                ('sondre-nordstrand', 15, 'Søndre Nordstrand');

            -- The declared facility and its current head count (kept here so the capacity
            -- picture is one row per facility, whatever the length of the history).
            CREATE TABLE facilities(
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                operator TEXT NOT NULL,
                district TEXT REFERENCES districts(id),
                authority TEXT NOT NULL,
                capacity INTEGER NOT NULL CHECK (capacity >= 0),
                expansion_capacity INTEGER CHECK (expansion_capacity >= capacity),
                blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked BETWEEN 0 AND capacity),
                note TEXT,
                occupied INTEGER NOT NULL DEFAULT 0 CHECK (occupied >= 0),
                last_report_ms INTEGER,
                last_change_ms INTEGER,
                cap_override TEXT,                      -- JSON while above the cap
                created_ms INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL,
                last_seq INTEGER NOT NULL               -- the last event about the definition
            );

            -- One row per recorded arrival; the facility's kind is kept as it was then.
            CREATE TABLE arrivals(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL,
                facility TEXT NOT NULL REFERENCES facilities(id),
                kind TEXT NOT NULL,
                count INTEGER NOT NULL CHECK (count > 0),
                category TEXT NOT NULL,
                at_ms INTEGER NOT NULL,
                transfer_from TEXT,
                note TEXT
            );
            CREATE INDEX arrivals_by_time ON arrivals(at_ms);

            CREATE TABLE departures(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL,
                facility TEXT NOT NULL REFERENCES facilities(id),
                kind TEXT NOT NULL,
                count INTEGER NOT NULL CHECK (count > 0),
                reason TEXT NOT NULL,
                at_ms INTEGER NOT NULL,
                to_facility TEXT,
                note TEXT
            );
            CREATE INDEX departures_by_time ON departures(at_ms);

            -- Head count per facility per local day: at the end of the day (the latest) and
            -- the day's peak, with the places available then.
            CREATE TABLE occupancy_days(
                facility TEXT NOT NULL,
                day TEXT NOT NULL,                      -- YYYY-MM-DD in the configured time zone
                occupied INTEGER NOT NULL,
                peak INTEGER NOT NULL,
                available INTEGER NOT NULL,
                PRIMARY KEY(facility, day)
            ) WITHOUT ROWID;

            CREATE TABLE surge_state(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                level TEXT NOT NULL,
                since_ms INTEGER,
                reason TEXT,
                seq INTEGER
            );
            INSERT INTO surge_state(id, level) VALUES (1, 'normal');
            """)
}
