import BeredskapSQLite

extension Migrations {
    /// v6: what people write about a correction or a cap override, in rows that can be
    /// erased, instead of in the events (which from now on name the row). Until v6 the reason
    /// was only in the event; it is copied from there. Those events keep it: the log is
    /// append-only. An incident-log entry's text can now be erased (set to ''), and nothing else
    /// about an entry changed.
    static let v006TextOutOfEvents = Migration(
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
