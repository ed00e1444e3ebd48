import BeredskapSQLite

extension Migrations {
    /// v5: records that can be corrected. Head counts become rows (they were only events),
    /// arrivals, departures and head counts can be voided or amended (the correcting event's
    /// seq is kept on the row; its reason and author are in the event), the two halves of a
    /// transfer are linked, and the daily history keeps only the places available per day:
    /// occupancy per day is computed from the records by the head-count rule.
    static let v005Corrections = Migration(
        version: 5, name: "corrections",
        sql: """
            CREATE TABLE head_counts(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL,
                facility TEXT NOT NULL REFERENCES facilities(id),
                counted INTEGER NOT NULL CHECK (counted >= 0),
                at_ms INTEGER NOT NULL,
                note TEXT,
                voided_seq INTEGER,                     -- the event that voided it
                amended_seq INTEGER                     -- the last event that amended it
            );
            CREATE INDEX head_counts_by_facility ON head_counts(facility, at_ms, id);
            -- The head counts reported so far, from their events (`at` is RFC 3339 in UTC).
            INSERT INTO head_counts(seq, facility, counted, at_ms, note)
                SELECT seq, json_extract(data, '$.facility'), json_extract(data, '$.counted'),
                    CAST(round((julianday(json_extract(data, '$.at')) - 2440587.5) * 86400000) AS INTEGER),
                    json_extract(data, '$.note')
                FROM events WHERE type = 'occupancy.reported' ORDER BY seq;

            ALTER TABLE arrivals ADD COLUMN voided_seq INTEGER;
            ALTER TABLE arrivals ADD COLUMN amended_seq INTEGER;
            -- The departure this arrival is the other half of (a transfer).
            ALTER TABLE arrivals ADD COLUMN transfer_departure INTEGER REFERENCES departures(id);
            ALTER TABLE departures ADD COLUMN voided_seq INTEGER;
            ALTER TABLE departures ADD COLUMN amended_seq INTEGER;
            -- A transfer's arrival was always appended right after its departure.
            UPDATE arrivals SET transfer_departure = (
                SELECT d.id FROM departures d
                WHERE d.seq = arrivals.seq - 1 AND d.facility = arrivals.transfer_from AND d.to_facility = arrivals.facility)
            WHERE transfer_from IS NOT NULL;
            CREATE INDEX arrivals_by_facility ON arrivals(facility, at_ms);
            CREATE INDEX arrivals_by_transfer ON arrivals(transfer_departure) WHERE transfer_departure IS NOT NULL;
            CREATE INDEX departures_by_facility ON departures(facility, at_ms);

            -- Places available per facility per local day, from the day it changed.
            CREATE TABLE available_days(
                facility TEXT NOT NULL,
                day TEXT NOT NULL,                      -- YYYY-MM-DD in the configured time zone
                available INTEGER NOT NULL,
                PRIMARY KEY(facility, day)
            ) WITHOUT ROWID;
            INSERT INTO available_days(facility, day, available) SELECT facility, day, available FROM occupancy_days;
            DROP TABLE occupancy_days;
            """)
}
