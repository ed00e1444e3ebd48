import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The exercise routes through the real daemon: a run of the quick drill from start to its
/// graded end, every refusal, the permissions, a stop, the limit on runs at once, and what a
/// shutdown and a restart leave of a run that was going.
@Suite(.serialized) struct ExerciseAPITests {
    /// A playbook directory with the shipped cards, the quick drill and a broken scenario.
    static func playbooks() throws -> String {
        let directory = "/tmp/bxp-\(UUID().uuidString.prefix(8))"
        let exercises = directory + "/" + ExerciseScenarios.directoryName
        try FileManager.default.createDirectory(atPath: exercises, withIntermediateDirectories: true)
        let shipped = ExerciseRunnerTests.playbooksDirectory
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped) where file.hasSuffix(".json5") {
            try FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: directory + "/" + file)
        }
        try FileManager.default.copyItem(
            atPath: shipped + "/exercises/quick-drill.json5", toPath: exercises + "/quick-drill.json5")
        let broken = try String(contentsOfFile: exercises + "/quick-drill.json5", encoding: .utf8)
            .replacingOccurrences(of: #"id: "quick-drill""#, with: #"id: "broken""#)
            .replacingOccurrences(of: #"{ surge_level: "elevated", within: "PT1H" }"#, with: #"{ surge_level: "extreme", within: "PT1H" }"#)
        try broken.write(toFile: exercises + "/broken.json5", atomically: true, encoding: .utf8)
        return directory
    }

    static func harness() throws -> DaemonHarness {
        let playbooks = try playbooks()
        return try DaemonHarness { $0.playbooks.directory = playbooks }
    }

    /// Waits until exercise `id` is no longer running; its last state.
    static func ended(_ id: Int64, _ session: Session, timeout: Double = 60) -> JSONValue? {
        var last: JSONValue?
        let done = waitUntil(timeout: timeout) {
            last = try? session.get("/v1/exercises/\(id)")
            return last?["state"]?.stringValue.map { $0 != "running" } ?? false
        }
        return done ? last : nil
    }

    @Test func theQuickDrillRunsToItsGradedEndAndIsListedNewestFirst() throws {
        let harness = try Self.harness()
        let root = try Session(harness)
        let started = try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": "max"])
        #expect(started.status == 202, "\(started.text)")
        let id = try #require(started.json["id"]?.intValue)
        #expect(started.json["scenario"]?.stringValue == "quick-drill")
        #expect(started.json["speed"]?.stringValue == "max")
        #expect(started.json["injects_total"]?.intValue == 15)
        #expect(started.json["event_seq"]?.intValue != nil)

        let ended = try #require(Self.ended(id, root))
        #expect(ended["state"]?.stringValue == "finished", "\(ended)")
        #expect(ended["injects_done"]?.intValue == 15)
        #expect((ended["alerts"]?.intValue ?? 0) > 0 && (ended["runs"]?.intValue ?? 0) > 0)
        #expect(ended["ended_at"]?.stringValue != nil && ended["simulated_at"]?.stringValue != nil)
        let results = ended["results"]?.arrayValue ?? []
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0["met"]?.boolValue == true }, "\(results)")
        #expect(results.first?["expectation"]?["surge_level"]?.stringValue == "elevated")

        // A second run at the scenario's own speed (1800×), stopped: the list has both, newest first.
        let second = try root.post("/v1/exercises", ["scenario": "quick-drill"])
        #expect(second.json["speed"]?.intValue == 1800)
        let secondID = try #require(second.json["id"]?.intValue)
        #expect(try root.send("POST", "/v1/exercises/\(secondID)/stop").status == 200)
        let list = try root.get("/v1/exercises")["exercises"]?.arrayValue ?? []
        #expect(list.map { $0["id"]?.intValue } == [secondID, id])
        #expect(list.map { $0["state"]?.stringValue } == ["stopped", "finished"])
    }

    @Test func theScenarioFilesAreListedWithTheirProblems() throws {
        let harness = try Self.harness()
        let scenarios = try Session(harness).get("/v1/exercise-scenarios")["scenarios"]?.arrayValue ?? []
        #expect(scenarios.map { $0["id"]?.stringValue } == ["broken", "quick-drill"])
        let drill = try #require(scenarios.last)
        #expect(drill["injects"]?.intValue == 15 && drill["expectations"]?.intValue == 6)
        #expect(drill["span"]?.stringValue == "PT10H")
        #expect(drill["title"]?["nb"]?.stringValue?.hasPrefix("Hurtigøvelse") == true)
        #expect(drill["problems"]?.arrayValue?.isEmpty == true)
        let problem = try #require(scenarios.first?["problems"]?.arrayValue?.first)
        #expect(problem["file"]?.stringValue == "broken.json5")
        #expect(problem["field"]?.stringValue == "expectations[0].surge_level")
    }

    @Test func badRequestsAreRefusedNamingWhatIsWrong() throws {
        let harness = try Self.harness()
        let root = try Session(harness)
        let unknown = try root.post("/v1/exercises", ["scenario": "no-such-drill"])
        expectError(unknown, 404, "not_found", field: "scenario")
        #expect(unknown.json["error"]?["details"]?["scenario"]?.stringValue == "no-such-drill")
        let invalid = try root.post("/v1/exercises", ["scenario": "broken"])
        expectError(invalid, 422, "invalid_definition", field: "expectations[0].surge_level")
        #expect(invalid.json["error"]?["details"]?["file"]?.stringValue == "broken.json5")
        expectError(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 0.5]), 400, "invalid_field", field: "speed")
        expectError(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 2e6]), 400, "invalid_field", field: "speed")
        expectError(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": "fast"]), 400, "invalid_field", field: "speed")
        expectError(try root.post("/v1/exercises", ["scenario": "quick-drill", "sped": 10]), 400, "invalid_field", field: "sped")
        expectError(try root.post("/v1/exercises", ["speed": 10]), 400, "invalid_field", field: "scenario")
        expectError(try root.send("GET", "/v1/exercises/abc"), 400, "invalid_field", field: "id")
        expectError(try root.send("GET", "/v1/exercises/99"), 404, "not_found")
        expectError(try root.send("POST", "/v1/exercises/99/stop"), 404, "not_found")
        expectError(try root.send("GET", "/v1/exercises?limit=0"), 400, "invalid_field", field: "limit")
        // Nothing was recorded by any of them.
        #expect(try root.get("/v1/exercises")["exercises"]?.arrayValue?.isEmpty == true)
        #expect(try root.events("exercise.started").isEmpty)
    }

    @Test func readingNeedsReadAndRunningOrStoppingNeedsOperate() throws {
        let harness = try Self.harness()
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.post("/v1/exercises", ["scenario": "quick-drill"]), 403, "forbidden")
        #expect(try viewer.send("GET", "/v1/exercises").status == 200)
        #expect(try viewer.send("GET", "/v1/exercise-scenarios").status == 200)
        let stranger = try Session(harness, as: People.stranger)
        expectError(try stranger.send("GET", "/v1/exercises"), 403, "forbidden")

        let operatorSession = try Session(harness, as: People.operatorByGroup)
        let started = try operatorSession.post("/v1/exercises", ["scenario": "quick-drill", "speed": 1])
        #expect(started.status == 202)
        let id = try #require(started.json["id"]?.intValue)
        let viewerAgain = try Session(harness, as: People.viewer)
        expectError(try viewerAgain.send("POST", "/v1/exercises/\(id)/stop"), 403, "forbidden")
        #expect(try viewerAgain.get("/v1/exercises/\(id)")["state"]?.stringValue == "running")
        let stopped = try operatorSession.send("POST", "/v1/exercises/\(id)/stop")
        #expect(stopped.status == 200)
        #expect(stopped.json["state"]?.stringValue == "stopped")
        #expect(stopped.json["event_seq"]?.intValue != nil)
    }

    @Test func aStoppedRunCannotBeStoppedAgainAndAtMostTwoRunAtOnce() throws {
        let harness = try Self.harness()
        let root = try Session(harness)
        let first = try #require(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 1]).json["id"]?.intValue)
        let second = try #require(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 1]).json["id"]?.intValue)
        let third = try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 1])
        expectError(third, 409, "conflict")
        #expect(third.json["error"]?["details"]?["state"]?.stringValue == "running")
        #expect(third.json["error"]?["details"]?["limit"]?.intValue == Int64(ExerciseRuns.concurrentLimit))

        let stopped = try root.send("POST", "/v1/exercises/\(first)/stop")
        #expect(stopped.json["state"]?.stringValue == "stopped")
        #expect((stopped.json["results"]?.arrayValue?.count ?? 0) == 6)
        let again = try root.send("POST", "/v1/exercises/\(first)/stop")
        expectError(again, 409, "conflict")
        #expect(again.json["error"]?["details"]?["state"]?.stringValue == "stopped")
        // A place is free again.
        #expect(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": "max"]).status == 202)
        #expect(try root.send("POST", "/v1/exercises/\(second)/stop").status == 200)
    }

    @Test func anIdempotentRepeatStartsNothingTwice() throws {
        let harness = try Self.harness()
        let client = try harness.connect()
        let body = #"{"scenario": "quick-drill", "speed": 1}"#
        let first = try client.request("POST", "/v1/exercises", json: body, headers: [("Idempotency-Key", "drill-1")])
        let repeated = try client.request("POST", "/v1/exercises", json: body, headers: [("Idempotency-Key", "drill-1")])
        #expect(first.status == 202 && repeated.status == 202)
        #expect(repeated.headers["Idempotent-Replayed"] == "true")
        #expect(repeated.json["id"] == first.json["id"])
        let list = try client.request("GET", "/v1/exercises").json["exercises"]?.arrayValue ?? []
        #expect(list.count == 1)
        #expect(try client.request("POST", "/v1/exercises/\(first.json["id"]?.intValue ?? 0)/stop").status == 200)
    }

    @Test func aShutdownStopsARunningExerciseAndARestartMarksAnInterruptedOneStopped() throws {
        let playbooks = try Self.playbooks()
        let daemon = try RestartableDaemon { $0.playbooks.directory = playbooks }
        let root = try daemon.session()
        let id = try #require(try root.post("/v1/exercises", ["scenario": "quick-drill", "speed": 1]).json["id"]?.intValue)
        try daemon.restart()
        // Stopped by the shutdown, not left running.
        let afterShutdown = try daemon.session().get("/v1/exercises/\(id)")
        #expect(afterShutdown["state"]?.stringValue == "stopped", "\(afterShutdown)")

        // A row left running by a daemon that did not stop cleanly (killed): stopped at the next start.
        let path = try #require(daemon.daemon?.world.databasePath)
        daemon.stop()
        do {
            let connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
            try connection.execute("UPDATE exercises SET state = 'running', ended_ms = NULL WHERE id = \(id)")
        }
        try daemon.start()
        let session = try daemon.session()
        #expect(try session.get("/v1/exercises/\(id)")["state"]?.stringValue == "stopped")
        #expect(try session.events("exercise.ended").count == 2)
    }
}
