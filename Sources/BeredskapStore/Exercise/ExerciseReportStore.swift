import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

extension SQLiteConnection {
    /// The after-action report of run `exercise`; nil when it has none (still running, failed,
    /// or stopped by a restart, which took its copy with it).
    public func exerciseReport(exercise: Int64) throws -> AfterActionReport? {
        guard let text = try queryFirst("SELECT report FROM exercise_reports WHERE exercise = ?", [exercise], { $0.text(0) }) else {
            return nil
        }
        return try JSONValueDecoder().decode(AfterActionReport.self, from: JSONParser.parse(text))
    }

    /// The newest event about `subject` of one of `types` before `seq`: in an exercise's copy,
    /// how a facility that the run changed was defined when the run began.
    public func lastEvent(about subject: String, types: [String], before seq: Int64) throws -> Event? {
        let placeholders = types.map { _ in "?" }.joined(separator: ", ")
        return try queryFirst(
            "SELECT \(Self.eventColumns) FROM events WHERE subject = ? AND type IN (\(placeholders)) AND seq < ? ORDER BY seq DESC LIMIT 1",
            [subject] + types + [seq], Self.event)
    }
}

extension WriteTransaction {
    /// Keeps `report` with run `exercise`, without the scenario's title (text from a file,
    /// looked up again when the report is shown).
    public func saveExerciseReport(_ report: AfterActionReport, exercise: Int64) throws {
        var stored = report
        stored.title = nil
        try connection.run(
            "INSERT OR REPLACE INTO exercise_reports(exercise, report) VALUES (?, ?)",
            exercise, try JSONValueEncoder().encode(stored).serializedString())
    }
}
