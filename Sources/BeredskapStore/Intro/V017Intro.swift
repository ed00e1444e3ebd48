import BeredskapSQLite

extension Migrations {
    /// v15: introduction programmes, one per person, and the notes caseworkers wrote with
    /// their steps.
    ///
    /// What an erasure leaves: `district`, `end_year`, `end_reason` and `follow_up_status`
    /// — what `GET /v1/intro/results` counts — so the results of a year stay right after it;
    /// the programme itself (`programme`, its dates) and every note are cleared.
    static let v017Intro = Migration(
        version: 17, name: "intro",
        sql: """
            CREATE TABLE intro_programmes(
                person_id INTEGER PRIMARY KEY REFERENCES persons(id),
                district TEXT REFERENCES districts(id), -- responsible at the start
                programme TEXT,                         -- JSON: IntroProgramme; NULL once the person is erased
                end_year INTEGER,
                end_reason TEXT,
                follow_up_status TEXT,
                seq INTEGER NOT NULL                    -- the last intro.* event
            );
            CREATE INDEX intro_programmes_end_year ON intro_programmes(end_year) WHERE end_year IS NOT NULL;

            CREATE TABLE intro_notes(
                seq INTEGER PRIMARY KEY,                -- the intro.* event the note came with
                person_id INTEGER NOT NULL REFERENCES persons(id),
                action TEXT NOT NULL,
                note TEXT                               -- NULL once the person is erased
            );
            CREATE INDEX intro_notes_person ON intro_notes(person_id);
            """)
}
