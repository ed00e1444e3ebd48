import BeredskapSQLite

extension Migrations {
    /// v13: the after-action report of each exercise run that ended with one, as JSON kept
    /// beside the run's row (ids, numbers, instants, rule and step ids; no text people wrote).
    static let v013ExerciseReports = Migration(
        version: 13, name: "exercise_reports",
        sql: """
            CREATE TABLE exercise_reports(
                exercise INTEGER PRIMARY KEY REFERENCES exercises(id),
                report TEXT NOT NULL
            );
            """)
}
