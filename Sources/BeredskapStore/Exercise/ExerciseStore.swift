import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// An exercise run as the live state keeps it (`exercises`): what ran, how far it got and,
/// once it ended, how its expectations came out.
public struct StoredExercise: Sendable, Equatable {
    public var id: Int64
    public var scenario: String
    public var speed: ExerciseSpeed
    public var state: ExerciseRunState
    public var startedAt: Timestamp
    public var endedAt: Timestamp?
    /// The simulated clock when it ended.
    public var simulated: Timestamp?
    public var injectsDone: Int
    public var injectsTotal: Int
    public var alerts: Int
    public var runs: Int
    public var notifications: Int
    public var results: [ExerciseExpectationResult]
    /// Why it failed (the daemon's own message, never text people wrote).
    public var failure: String?

    public init(id: Int64, scenario: String, speed: ExerciseSpeed, startedAt: Timestamp, injectsTotal: Int) {
        self.id = id
        self.scenario = scenario
        self.speed = speed
        state = .running
        self.startedAt = startedAt
        self.injectsTotal = injectsTotal
        injectsDone = 0
        alerts = 0
        runs = 0
        notifications = 0
        results = []
    }
}

extension SQLiteConnection {
    private static let exerciseColumns = """
        id, scenario, speed, state, started_ms, ended_ms, simulated_ms, injects_done, injects_total, alerts, runs,
        notifications, results, failure
        """

    public func exercises(limit: Int = 200) throws -> [StoredExercise] {
        try query("SELECT \(Self.exerciseColumns) FROM exercises ORDER BY id DESC LIMIT ?", [limit], Self.exercise)
    }

    public func exercise(id: Int64) throws -> StoredExercise? {
        try queryFirst("SELECT \(Self.exerciseColumns) FROM exercises WHERE id = ?", [id], Self.exercise)
    }

    public func nextExerciseID() throws -> Int64 { (try scalarInt("SELECT MAX(id) FROM exercises") ?? 0) + 1 }

    /// The runs a restart found running: they ended with the daemon.
    public func runningExercises() throws -> [StoredExercise] {
        try query("SELECT \(Self.exerciseColumns) FROM exercises WHERE state = 'running' ORDER BY id", [], Self.exercise)
    }

    private static func exercise(_ row: SQLiteRow) -> StoredExercise {
        var stored = StoredExercise(
            id: row.int64(0), scenario: row.text(1), speed: ExerciseSpeed(parsing: row.text(2)) ?? .maximum,
            startedAt: Timestamp(millisecondsSinceEpoch: row.int64(4)), injectsTotal: row.int(8))
        stored.state = ExerciseRunState(rawValue: row.text(3)) ?? .failed
        stored.endedAt = row.optionalInt64(5).map(Timestamp.init(millisecondsSinceEpoch:))
        stored.simulated = row.optionalInt64(6).map(Timestamp.init(millisecondsSinceEpoch:))
        stored.injectsDone = row.int(7)
        stored.alerts = row.int(9)
        stored.runs = row.int(10)
        stored.notifications = row.int(11)
        stored.results = row.optionalText(12).flatMap { text in
            (try? JSONParser.parse(text)).flatMap { try? JSONValueDecoder().decode([ExerciseExpectationResult].self, from: $0) }
        } ?? []
        stored.failure = row.optionalText(13)
        return stored
    }
}

extension WriteTransaction {
    /// Inserts or replaces the row of `exercise`, named by the event `seq`.
    public func saveExercise(_ exercise: StoredExercise, seq: Int64) throws {
        let results = try JSONValueEncoder().encode(exercise.results).serializedString()
        try connection.run(
            """
            INSERT OR REPLACE INTO exercises(id, scenario, speed, state, started_ms, ended_ms, simulated_ms, injects_done,
                injects_total, alerts, runs, notifications, results, failure, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            exercise.id, exercise.scenario, exercise.speed.description, exercise.state.rawValue,
            exercise.startedAt.millisecondsSinceEpoch, exercise.endedAt?.millisecondsSinceEpoch,
            exercise.simulated?.millisecondsSinceEpoch, exercise.injectsDone, exercise.injectsTotal, exercise.alerts,
            exercise.runs, exercise.notifications, results, exercise.failure, seq)
    }
}
