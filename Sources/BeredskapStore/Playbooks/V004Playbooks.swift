import BeredskapSQLite

extension Migrations {
    /// v4: playbook runs, and the cursor with which the engine reads the events that start them.
    static let v004Playbooks = Migration(
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
}
