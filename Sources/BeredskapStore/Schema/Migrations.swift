import BeredskapSQLite

/// The schema, as an append-only list of migrations. Later capabilities add their tables
/// here as new versions; never change one that has shipped.
public enum Migrations {
    public static let all: [Migration] = [foundation, capacity, alerts, playbooks, corrections, textOutOfEvents]

    /// v1: bookkeeping, the event log, idempotency keys and the incident log.
    static let foundation = Migration(
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

    /// v2: districts, facilities with their head count, arrivals, departures, daily
    /// occupancy and the surge level.
    static let capacity = Migration(
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

    /// v3: alerts with their lifecycle, silences, and the notification outbox.
    static let alerts = Migration(
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

    /// v4: playbook runs, and the cursor with which the engine reads the events that start them.
    static let playbooks = Migration(
        version: 4, name: "playbooks",
        sql: """
            -- One row per run. `run` is the PlaybookRun value as JSON (every step with who and
            -- when, every clock), written at every transition; `definition` is the playbook as
            -- it was when the run started, so a reload never changes a run under way.
            CREATE TABLE playbook_runs(
                id INTEGER PRIMARY KEY,
                playbook TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('active', 'finished', 'aborted')),
                trigger_key TEXT,                       -- alert/12, surge/<seq>; NULL: manual
                trigger TEXT NOT NULL,                  -- what started it, as JSON
                definition TEXT NOT NULL,
                run TEXT NOT NULL,
                started_ms INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL,
                ended_ms INTEGER,
                exercise INTEGER NOT NULL DEFAULT 0
            );
            -- At most one run of a playbook per triggering alert (or surge change).
            CREATE UNIQUE INDEX playbook_runs_trigger ON playbook_runs(playbook, trigger_key) WHERE trigger_key IS NOT NULL;
            CREATE INDEX playbook_runs_by_state ON playbook_runs(state, id);
            CREATE INDEX playbook_runs_by_playbook ON playbook_runs(playbook, id);
            CREATE INDEX notifications_by_run ON notifications(run_id);

            -- How far a consumer of the event log has read, moved in the transaction that acts
            -- on what it read: a crash between the two is impossible. Starts at the present, so
            -- an upgraded store does not start playbooks for alerts of the past.
            CREATE TABLE event_cursors(
                name TEXT PRIMARY KEY,
                seq INTEGER NOT NULL
            );
            INSERT INTO event_cursors(name, seq) VALUES ('playbooks', (SELECT coalesce(max(seq), 0) FROM events));
            """)

    /// v5: records that can be corrected. Head counts become rows (they were only events),
    /// arrivals, departures and head counts can be voided or amended (the correcting event's
    /// seq is kept on the row; its reason and author are in the event), the two halves of a
    /// transfer are linked, and the daily history keeps only the places available per day:
    /// occupancy per day is computed from the records by the head-count rule.
    static let corrections = Migration(
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

    /// v6: what people write about a correction or a cap override, in rows that can be
    /// erased, instead of in the events (which from now on name the row). Until v6 the reason
    /// was only in the event; it is copied from there. Those events keep it: the log is
    /// append-only. An incident-log entry's text can now be erased (set to ''), and nothing else
    /// about an entry changed.
    static let textOutOfEvents = Migration(
        version: 6, name: "text_out_of_events",
        sql: """
            CREATE TABLE record_corrections(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,            -- the *.voided or *.amended event
                kind TEXT NOT NULL CHECK (kind IN ('arrival', 'departure', 'head_count')),
                record_id INTEGER NOT NULL,
                reason TEXT NOT NULL
            );
            INSERT INTO record_corrections(seq, kind, record_id, reason)
                SELECT seq, CASE substr(type, 1, instr(type, '.') - 1) WHEN 'occupancy' THEN 'head_count'
                                ELSE substr(type, 1, instr(type, '.') - 1) END,
                    json_extract(data, '$.id'), coalesce(json_extract(data, '$.reason'), '')
                FROM events
                WHERE type IN ('arrival.voided', 'arrival.amended', 'departure.voided', 'departure.amended',
                               'occupancy.voided', 'occupancy.amended')
                ORDER BY seq;

            -- Every override ever given (the facility's cap_override is only the one in force).
            CREATE TABLE cap_overrides(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,            -- the facility.cap_breached event
                facility TEXT NOT NULL,
                reason TEXT NOT NULL
            );
            INSERT INTO cap_overrides(seq, facility, reason)
                SELECT seq, substr(subject, length('facility/') + 1), coalesce(json_extract(data, '$.reason'), '')
                FROM events WHERE type = 'facility.cap_breached' ORDER BY seq;

            -- The text is what a person may have written about someone: it can be erased, and
            -- the entry (who, when, about what) stays.
            DROP TRIGGER incident_log_no_update;
            CREATE TRIGGER incident_log_only_erased BEFORE UPDATE ON incident_log
                WHEN NEW.text != '' OR NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq OR NEW.time_ms IS NOT OLD.time_ms
                    OR NEW.actor_uid IS NOT OLD.actor_uid OR NEW.actor_user IS NOT OLD.actor_user
                    OR NEW.source IS NOT OLD.source OR NEW.subject IS NOT OLD.subject OR NEW.exercise IS NOT OLD.exercise
                BEGIN SELECT RAISE(ABORT, 'the incident log is append-only; only an entry''s text can be erased'); END;
            """)
}
