import BeredskapSQLite

extension Migrations {
    /// v18: situation reports made on a schedule (`reports.schedules`), and their files on
    /// their way to the reports directory.
    ///
    /// Why the rendered text is kept: a report is made once, at its slot, from the state as it
    /// was then; the file is written after the commit, and a crash or a full disk between the
    /// two must neither lose it nor make it again from a later state. A row without
    /// `written_ms` is a file still to write. Channels get theirs through the outbox
    /// (`notifications`, kind `report`), in the same transaction.
    static let v018ScheduledReports = Migration(
        version: 18, name: "scheduled reports",
        sql: """
            CREATE TABLE scheduled_reports(
                id INTEGER PRIMARY KEY,
                schedule TEXT NOT NULL,
                slot_ms INTEGER NOT NULL,          -- the time it was due
                made_ms INTEGER NOT NULL,          -- the time its figures are from
                surge_level TEXT NOT NULL,
                UNIQUE(schedule, slot_ms)
            );

            CREATE TABLE scheduled_report_files(
                id INTEGER PRIMARY KEY,
                report INTEGER NOT NULL REFERENCES scheduled_reports(id),
                path TEXT NOT NULL,                -- absolute
                content TEXT NOT NULL,
                written_ms INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                next_attempt_ms INTEGER
            );
            CREATE INDEX scheduled_report_files_unwritten ON scheduled_report_files(next_attempt_ms) WHERE written_ms IS NULL;
            CREATE INDEX scheduled_report_files_report ON scheduled_report_files(report);
            """)
}
