import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// While an exercise runs, the live daemon keeps answering; after it, the live database holds
/// what it held, apart from the run's row, its report and its `exercise.started` and `exercise.ended`.
@Suite(.serialized) struct ExerciseLiveStateTests {
    /// Every table's rows as text, sorted — the exercise's own row, report and events left out.
    static func dump(_ path: String) throws -> [String: [String]] {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        let tables = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(0) }
        var dump: [String: [String]] = [:]
        for table in tables where table != "exercises" && table != "exercise_reports" {
            let filter = table == "events" ? " WHERE type NOT LIKE 'exercise.%'" : ""
            dump[table] = try connection.query("SELECT * FROM \(table)\(filter)") { row in
                (0..<row.columnCount).map { row.optionalText($0) ?? "NULL" }.joined(separator: "|")
            }.sorted()
        }
        return dump
    }

    @Test func liveRequestsAreAnsweredDuringARunAndTheLiveDatabaseIsUnchangedAfterIt() throws {
        let playbooks = try ExerciseAPITests.playbooks()
        let harness = try DaemonHarness { $0.playbooks.directory = playbooks }
        let root = try Session(harness)
        // Some live history, quiet (no alert, so nothing in the live world is still being delivered).
        #expect(try root.putFacility("refstad", ["capacity": 100]).status == 201)
        #expect(try root.arrive("refstad", 10).status == 201)
        #expect(try root.post("/v1/log", ["text": "Vakten starter øvelsen"]).status == 201)
        try root.settle()
        let path = harness.daemon.world.databasePath
        let before = try Self.dump(path)
        let seq = try #require(try root.lastEventSeq())

        // Ten simulated hours at 18 000×: two real seconds, during which the live daemon answers.
        let id = try #require(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 18_000]).json["id"]?.intValue)
        var answeredWhileRunning = 0
        let ended = waitUntil(timeout: 60) {
            guard let exercise = try? root.get("/v1/exercises/\(id)") else { return false }
            guard exercise["state"]?.stringValue == "running" else { return true }
            let status = try? root.send("GET", "/v1/status")
            let facility = try? root.send("GET", "/v1/facilities/refstad")
            if status?.status == 200, facility?.status == 200, facility?.json["occupied"]?.intValue == 10 { answeredWhileRunning += 1 }
            return false
        }
        #expect(ended)
        #expect(answeredWhileRunning > 0)
        let exercise = try root.get("/v1/exercises/\(id)")
        #expect(exercise["state"]?.stringValue == "finished")
        #expect((exercise["alerts"]?.intValue ?? 0) > 0)

        #expect(try Self.dump(path) == before)
        let after = try root.get("/v1/events?since=\(seq)")["events"]?.arrayValue ?? []
        #expect(after.map { $0["type"]?.stringValue } == ["exercise.started", "exercise.ended"])
        #expect(after.allSatisfy { $0["exercise"]?.boolValue == false && $0["subject"]?.stringValue == "exercise/\(id)" })
        // The live facility, alerts and runs are as they were: nothing of the drill's.
        #expect(try root.get("/v1/facilities")["facilities"]?.arrayValue?.map { $0["id"]?.stringValue } == ["refstad"])
        #expect(try root.get("/v1/runs")["runs"]?.arrayValue?.isEmpty == true)
    }
}
