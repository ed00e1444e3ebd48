import BeredskapSQLite

extension Migrations {
    /// v14: the deadline engine's overdue count per rule and district, as last committed with
    /// its `deadline.overdue_changed` event — what the `deadline_overdue` alert rule reads. No
    /// person is in it; a count of zero has no row.
    static let v014Deadlines = Migration(
        version: 14, name: "deadlines",
        sql: """
            CREATE TABLE deadline_overdue(
                rule TEXT NOT NULL,
                district TEXT NOT NULL REFERENCES districts(id),
                overdue INTEGER NOT NULL CHECK (overdue > 0),
                seq INTEGER NOT NULL,                   -- the deadline.overdue_changed event
                PRIMARY KEY (rule, district)
            ) WITHOUT ROWID;
            """)
}
