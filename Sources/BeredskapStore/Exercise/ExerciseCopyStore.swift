import BeredskapCore
import BeredskapSQLite

/// What an exercise reads of its copy of the state while it runs.
extension SQLiteConnection {
    /// Writes a consistent copy of this database to `path` (`VACUUM INTO`: a snapshot of one
    /// read transaction, compacted, without the WAL). The connection must not be `query_only`.
    public func copyDatabase(to path: String) throws {
        _ = try run("VACUUM INTO ?", path)
    }

    /// When the newest event happened; nil in an empty log. An exercise's simulated clock
    /// starts after it.
    public func newestEventTime() throws -> Timestamp? {
        try scalarInt("SELECT MAX(time_ms) FROM events").map { Timestamp(millisecondsSinceEpoch: $0) }
    }

    /// How many alerts, playbook runs and notifications the exercise's world holds that are
    /// marked exercise: its progress, as `GET /v1/exercises/{id}` shows it.
    public func exerciseCounts() throws -> (alerts: Int, runs: Int, notifications: Int) {
        let alerts = try scalarInt("SELECT COUNT(*) FROM alerts WHERE exercise = 1") ?? 0
        let runs = try scalarInt("SELECT COUNT(*) FROM playbook_runs WHERE exercise = 1") ?? 0
        let notifications = try scalarInt("SELECT COUNT(*) FROM notifications WHERE exercise = 1") ?? 0
        return (Int(alerts), Int(runs), Int(notifications))
    }
}
