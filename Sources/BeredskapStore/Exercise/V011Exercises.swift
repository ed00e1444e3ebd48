import BeredskapSQLite

extension Migrations {
    /// v11: exercise runs in the live state — the exercise's
    /// own row is the only thing a run writes there. The results are the graded expectations
    /// as JSON (ids, booleans and instants; no text people wrote).
    static let v011Exercises = Migration(
        version: 11, name: "exercises",
        sql: """
            CREATE TABLE exercises(
                id INTEGER PRIMARY KEY,
                scenario TEXT NOT NULL,
                speed TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'stopped')),
                started_ms INTEGER NOT NULL,
                ended_ms INTEGER,
                simulated_ms INTEGER,
                injects_done INTEGER NOT NULL DEFAULT 0,
                injects_total INTEGER NOT NULL,
                alerts INTEGER NOT NULL DEFAULT 0,
                runs INTEGER NOT NULL DEFAULT 0,
                notifications INTEGER NOT NULL DEFAULT 0,
                results TEXT,
                failure TEXT,
                last_seq INTEGER NOT NULL
            );
            """)
}
