import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// A run as stored: the state machine, the definition it started with, and what started it.
public struct StoredRun: Sendable, Equatable {
    public var id: Int64
    public var run: PlaybookRun
    /// The playbook as it was when the run started; a reload does not change a run under way.
    public var definition: PlaybookDefinition
    public var trigger: PlaybookRunTrigger
    /// `alert/12` or `surge/<seq>`: at most one run of a playbook per key. nil: manual.
    public var triggerKey: String?
    public var exercise: Bool

    public init(
        id: Int64, run: PlaybookRun, definition: PlaybookDefinition, trigger: PlaybookRunTrigger, triggerKey: String?,
        exercise: Bool
    ) {
        self.id = id
        self.run = run
        self.definition = definition
        self.trigger = trigger
        self.triggerKey = triggerKey
        self.exercise = exercise
    }
}

/// Which runs to list.
public struct RunQuery: Sendable, Equatable {
    /// Empty: every state.
    public var states: [PlaybookRun.State] = []
    public var playbook: String?
    public var limit = 200

    public init() {}
}

extension SQLiteConnection {
    private static let runColumns = "id, run, definition, trigger, trigger_key, exercise"

    public func playbookRun(id: Int64) throws -> StoredRun? {
        try queryFirst("SELECT \(Self.runColumns) FROM playbook_runs WHERE id = ?", [id], Self.storedRun(from:))
    }

    /// The run a trigger already started, if any.
    public func playbookRun(playbook: String, triggerKey: String) throws -> StoredRun? {
        try queryFirst(
            "SELECT \(Self.runColumns) FROM playbook_runs WHERE playbook = ? AND trigger_key = ?", [playbook, triggerKey],
            Self.storedRun(from:))
    }

    /// Active runs with ids above `after`, oldest first, `limit` at most: what the engine
    /// recovers and reschedules at start, a page at a time.
    public func activePlaybookRuns(after: Int64, limit: Int) throws -> [StoredRun] {
        try query(
            "SELECT \(Self.runColumns) FROM playbook_runs WHERE state = 'active' AND id > ? ORDER BY id LIMIT ?", [after, limit],
            Self.storedRun(from:))
    }

    /// Active runs of cards that follow the surge level, oldest first: what a higher surge
    /// card's start supersedes.
    public func activeSurgeRuns() throws -> [StoredRun] {
        try query(
            """
            SELECT \(Self.runColumns) FROM playbook_runs
            WHERE state = 'active' AND json_extract(definition, '$.trigger.surge') IS NOT NULL ORDER BY id
            """, [], Self.storedRun(from:))
    }

    /// Newest first.
    public func playbookRuns(_ request: RunQuery) throws -> [StoredRun] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        if !request.states.isEmpty {
            conditions.append("state IN (\(request.states.map { _ in "?" }.joined(separator: ", ")))")
            parameters += request.states.map(\.rawValue)
        }
        if let playbook = request.playbook {
            conditions.append("playbook = ?")
            parameters.append(playbook)
        }
        parameters.append(request.limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try query(
            "SELECT \(Self.runColumns) FROM playbook_runs \(filter) ORDER BY id DESC LIMIT ?", parameters,
            Self.storedRun(from:))
    }

    /// Active runs per playbook.
    public func activeRunCounts() throws -> [String: Int] {
        let rows = try query("SELECT playbook, count(*) FROM playbook_runs WHERE state = 'active' GROUP BY playbook", []) {
            ($0.text(0), $0.int(1))
        }
        return Dictionary(rows, uniquingKeysWith: +)
    }

    /// Steps of active runs that are past their due time and not done: `deadlines_overdue` of
    /// `GET /v1/status` until the deadline engine counts its own.
    public func overdueStepCount() throws -> Int {
        Int(try scalarInt(
            """
            SELECT count(*) FROM playbook_runs, json_each(playbook_runs.run, '$.steps') AS step
            WHERE playbook_runs.state = 'active' AND json_extract(step.value, '$.overdue') = 1
            """) ?? 0)
    }

    /// The next id a run will get (the writer is the only one inserting).
    public func nextPlaybookRunID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM playbook_runs") ?? 1
    }

    /// How far the consumer `name` has read the event log.
    public func eventCursor(_ name: String) throws -> Int64 {
        try scalarInt("SELECT seq FROM event_cursors WHERE name = ?", [name]) ?? 0
    }

    private static func storedRun(from row: SQLiteRow) throws -> StoredRun {
        let decoder = JSONValueDecoder()
        return StoredRun(
            id: row.int64(0), run: try decoder.decode(PlaybookRun.self, from: Array(row.text(1).utf8)),
            definition: try decoder.decode(PlaybookDefinition.self, from: Array(row.text(2).utf8)),
            trigger: try decoder.decode(PlaybookRunTrigger.self, from: Array(row.text(3).utf8)),
            triggerKey: row.optionalText(4), exercise: row.bool(5))
    }
}

extension WriteTransaction {
    /// Inserts a new run. `definition` is the card as JSON (`encodedDefinition(_:)`), passed
    /// in so that a command starting many runs of one card encodes it once.
    public func insertPlaybookRun(_ stored: StoredRun, definition: String) throws {
        let run = stored.run
        try connection.run(
            """
            INSERT INTO playbook_runs(id, playbook, state, trigger_key, trigger, definition, run, started_ms, updated_ms,
                ended_ms, exercise) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            stored.id, run.playbook, run.state.rawValue, stored.triggerKey,
            try JSONValueEncoder().encode(stored.trigger).serializedString(), definition,
            try JSONValueEncoder().encode(run).serializedString(), run.startedAt.millisecondsSinceEpoch,
            now.millisecondsSinceEpoch, run.endedAt?.millisecondsSinceEpoch, stored.exercise)
    }

    /// Writes a run's new state. Only the state machine is written: the card and the trigger
    /// never change after the start, and encoding them at every transition was the largest
    /// cost of a run's write (see BENCHMARKS.md, "Playbooks").
    public func updatePlaybookRun(_ stored: StoredRun) throws {
        let run = stored.run
        try connection.run(
            "UPDATE playbook_runs SET state = ?, run = ?, updated_ms = ?, ended_ms = ? WHERE id = ?", run.state.rawValue,
            try JSONValueEncoder().encode(run).serializedString(), now.millisecondsSinceEpoch,
            run.endedAt?.millisecondsSinceEpoch, stored.id)
    }

    /// A card as stored with its runs.
    public static func encodedDefinition(_ definition: PlaybookDefinition) throws -> String {
        try JSONValueEncoder().encode(definition).serializedString()
    }

    /// Moves the consumer `name` to `seq`, in the transaction that acted on the events up to it.
    public func setEventCursor(_ name: String, to seq: Int64) throws {
        try connection.run(
            "INSERT INTO event_cursors(name, seq) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET seq = excluded.seq", name, seq)
    }
}
