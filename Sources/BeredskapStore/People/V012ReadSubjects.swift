import BeredskapSQLite

extension Migrations {
    /// v12: who a recorded list read showed, by subject, so that a person's export finds
    /// the lists that showed them through an index instead of reading the JSON of every
    /// `access.read` event ever recorded. Filled from the events already there. Subjects are
    /// ids (`person/12`): an erasure leaves nothing personal here.
    static let v012ReadSubjects = Migration(
        version: 12, name: "read_subjects",
        sql: """
            CREATE TABLE read_subjects(
                subject TEXT NOT NULL,
                seq INTEGER NOT NULL,                   -- the access.read event
                PRIMARY KEY (subject, seq)
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO read_subjects(subject, seq)
                SELECT j.value, e.seq FROM events e, json_each(e.data, '$.subjects') j
                WHERE e.type = 'access.read' AND j.type = 'text';
            """)
}
