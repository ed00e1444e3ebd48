import BeredskapSQLite

extension Migrations {
    /// v3: alerts with their lifecycle, silences, and the notification outbox.
    static let v003Alerts = Migration(
        version: 3, name: "alerts",
        sql: """
            -- One row per alert; at most one open (pending or firing) per rule and subject.
            -- `lifecycle` is the AlertLifecycle value as JSON: its clocks survive a restart.
            CREATE TABLE alerts(
                id INTEGER PRIMARY KEY,
                rule TEXT NOT NULL,
                subject TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
                severity TEXT NOT NULL,
                value REAL,
                threshold REAL,
                district TEXT,
                silenced INTEGER NOT NULL DEFAULT 0,
                lifecycle TEXT NOT NULL,
                flap TEXT NOT NULL,
                started_ms INTEGER NOT NULL,
                fired_ms INTEGER,
                resolved_ms INTEGER,
                updated_ms INTEGER NOT NULL,
                exercise INTEGER NOT NULL DEFAULT 0
            );
            CREATE UNIQUE INDEX alerts_open ON alerts(rule, subject) WHERE state != 'resolved';
            CREATE INDEX alerts_by_key ON alerts(rule, subject, id);    -- the latest alert of a key
            CREATE INDEX alerts_by_state ON alerts(state, id);

            CREATE TABLE silences(
                id TEXT PRIMARY KEY,
                silence TEXT NOT NULL,                  -- the Silence value as JSON
                ends_ms INTEGER NOT NULL,
                expired_ms INTEGER                      -- set when deleted before its end
            );

            -- The outbox: written in the same transaction as the alert transition that causes
            -- it, delivered by the notifier, one row per channel.
            CREATE TABLE notifications(
                id INTEGER PRIMARY KEY,
                alert_id INTEGER REFERENCES alerts(id),
                run_id INTEGER,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                grp TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                document TEXT NOT NULL,
                subject_line TEXT NOT NULL,
                body TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                created_ms INTEGER NOT NULL,
                first_attempt_ms INTEGER,
                next_attempt_ms INTEGER,
                delivered_ms INTEGER,
                exercise INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX notifications_due ON notifications(state, next_attempt_ms);
            CREATE INDEX notifications_by_alert ON notifications(alert_id);
            """)
}
