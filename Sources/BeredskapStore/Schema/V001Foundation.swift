import BeredskapSQLite

extension Migrations {
    /// v1: bookkeeping, the event log, idempotency keys and the incident log.
    static let v001Foundation = Migration(
        version: 1, name: "foundation",
        sql: """
            CREATE TABLE schema_migrations(
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_ms INTEGER NOT NULL
            );

            -- The event log: every state change, in commit order. seq is never reused
            -- (AUTOINCREMENT), and triggers keep the table append-only.
            CREATE TABLE events(
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                time_ms INTEGER NOT NULL,
                actor_uid INTEGER,                  -- NULL when the system acted
                actor_user TEXT NOT NULL,
                type TEXT NOT NULL,
                subject TEXT,
                data TEXT NOT NULL DEFAULT '{}',     -- JSON object
                exercise INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX events_by_type ON events(type, seq);
            CREATE INDEX events_by_subject ON events(subject, seq);
            CREATE INDEX events_by_actor ON events(actor_user, seq);  -- audit by user name
            CREATE INDEX events_by_time ON events(time_ms);
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

            -- Responses to mutations sent with an Idempotency-Key, scoped per caller uid.
            CREATE TABLE idempotency_keys(
                actor_uid INTEGER NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,         -- SHA-256 of method, target and body
                status INTEGER NOT NULL,
                response BLOB NOT NULL,
                created_ms INTEGER NOT NULL,
                PRIMARY KEY(actor_uid, key)
            ) WITHOUT ROWID;
            CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_ms);

            -- The incident log (hendelseslogg): entries by people and by the system.
            CREATE TABLE incident_log(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                seq INTEGER NOT NULL UNIQUE REFERENCES events(seq),
                time_ms INTEGER NOT NULL,
                actor_uid INTEGER,
                actor_user TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('person', 'system')),
                subject TEXT,
                text TEXT NOT NULL,
                exercise INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX incident_log_by_time ON incident_log(time_ms, id);
            CREATE INDEX incident_log_by_subject ON incident_log(subject, time_ms, id);
            CREATE TRIGGER incident_log_no_update BEFORE UPDATE ON incident_log
                BEGIN SELECT RAISE(ABORT, 'the incident log is append-only'); END;
            CREATE TRIGGER incident_log_no_delete BEFORE DELETE ON incident_log
                BEGIN SELECT RAISE(ABORT, 'the incident log is append-only'); END;
            """)
}
