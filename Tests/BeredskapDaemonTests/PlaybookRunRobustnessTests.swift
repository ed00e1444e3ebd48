import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import BeredskapTestSupport
import Foundation
import Synchronization
import Testing

@testable import BeredskapDaemon

/// The playbook engine at the edges a review found: a wait whose condition is met in the same
/// write batch that started it, a batch that fails after a person's action, an abort with a
/// wait running, and trigger events seen before the engine had its writer.
@Suite(.serialized) struct PlaybookRunRobustnessTests {
    /// Opens a firing `facility_utilization` alert for Refstad directly, as the alert engine would.
    static func fireAlert(_ transaction: inout WriteTransaction, flap: FlapDetector.Settings) throws -> Int64 {
        let key = AlertKey(rule: "facility_utilization", subject: "facility/refstad")
        let (lifecycle, _) = AlertLifecycle.start(key: key, severity: .warning, at: transaction.now, policy: .init())
        var alert = StoredAlert(
            id: 0, lifecycle: lifecycle, flap: FlapDetector(settings: flap), value: 0.9, threshold: 0.85, district: "bjerke",
            silenced: false)
        alert.id = try transaction.saveAlert(alert)
        try transaction.appendSystemEvent(AlertEvents.firing, EvaluationRun.snapshot(alert), subject: "alert/\(alert.id)")
        return alert.id
    }

    static func resolveAlert(_ transaction: inout WriteTransaction, id: Int64) throws {
        guard var alert = try transaction.connection.alert(id: id) else { return }
        _ = alert.lifecycle.observe(nil, at: transaction.now)
        try transaction.saveAlert(alert)
        try transaction.appendSystemEvent(AlertEvents.resolved, EvaluationRun.snapshot(alert), subject: "alert/\(id)")
    }

    static let nothing = CommandReply(status: 204, body: [])

    @Test func aWaitStartedByTheEngineSeesItsConditionMetLaterInTheSameBatch() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session()
        let services = try #require(daemon.daemon?.services)
        let writer = services.writer
        let flap = services.configuration.alerts.flapping
        let fired = Mutex<Int64>(0)
        let queued = DispatchSemaphore(value: 0)
        writer.submit(WriteCommand(actor: .system) { transaction in
            let id = try Self.fireAlert(&transaction, flap: flap)
            fired.withLock { $0 = id }
            return Self.nothing
        }) { _ in
            // On the writer thread, after the commit queued the catch-up: the next batch is
            // [catch-up (starts the run and its wait), the alert resolving].
            writer.submit(WriteCommand(actor: .system) { transaction in
                try Self.resolveAlert(&transaction, id: fired.withLock { $0 })
                return Self.nothing
            }) { _ in queued.signal() }
        }
        queued.wait()
        #expect(waitUntil {
            PlaybookRunAPITests.step(PlaybookRunAPITests.runs(ops).first, "calm")?["state"]?.stringValue == "done"
        })
    }

    @Test func aBatchThatFailsAfterAPersonsActionKeepsTheRunsReminder() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session()
        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "x"]).json["id"]?.intValue)
        try ops.settle()
        let services = try #require(daemon.daemon?.services)
        let due = try #require(services.scheduler.dueTime(of: "run/\(id)"))
        let writer = services.writer
        let engine = services.runs
        let group = DispatchGroup()
        for _ in 0..<3 { group.enter() }
        // Holds the writer so that the next two commands share a batch.
        writer.submit(WriteCommand(actor: .system) { _ in
            usleep(300_000)
            return Self.nothing
        }) { _ in group.leave() }
        writer.submit(WriteCommand(actor: Principal(uid: 1000, user: "kari")) { transaction in
            let now = transaction.now
            _ = try engine.perform(in: &transaction) { execution, transaction in
                try execution.change(run: id, in: &transaction) { run throws(PlaybookRunError) in
                    try run.complete(step: "call", by: "kari", note: nil, at: now)
                }
            }
            return CommandReply(status: 200, body: [])
        }) { _ in group.leave() }
        // Stands in for SQLite rolling the batch back (disk full, an I/O error).
        writer.submit(WriteCommand(actor: .system) { transaction in
            try transaction.connection.execute("ROLLBACK")
            return Self.nothing
        }) { _ in group.leave() }
        group.wait()
        try ops.settle()
        #expect(PlaybookRunAPITests.step(try ops.get("/v1/runs/\(id)"), "call")?["state"]?.stringValue == "ready")
        #expect(services.scheduler.dueTime(of: "run/\(id)") == due, "the reminder of the step still ready stays")
        daemon.harness.clock.advance(seconds: 3 * 3600)
        services.scheduler.fireDue()
        #expect(waitUntil { PlaybookRunAPITests.step(try? ops.get("/v1/runs/\(id)"), "call")?["overdue"]?.boolValue == true })
    }

    @Test func anAbortLeavesNoStepRunningEvenAcrossARestart() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try daemon.session(as: People.operatorByGroup)
        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "x"]).json["id"]?.intValue)
        #expect(try ops.arrive("reserve", 40).status == 201)
        #expect(try ops.post("/v1/runs/\(id)/steps/call/complete", [:]).status == 200)
        let aborted = try ops.post("/v1/runs/\(id)/abort", ["reason": "Stopp"])
        #expect(PlaybookRunAPITests.step(aborted.json, "half-empty")?["state"]?.stringValue == "skipped")
        #expect(PlaybookRunAPITests.step(aborted.json, "half-empty")?["skipped_by"]?.stringValue == "oslo-ops")
        try daemon.restart()
        ops = try daemon.session()
        try ops.settle()
        let run = try ops.get("/v1/runs/\(id)")
        #expect(!(run["steps"]?.arrayValue ?? []).contains { $0["state"]?.stringValue == "running" })
    }

    @Test func aTriggerSeenBeforeTheEngineHadItsWriterDoesNotStopLaterTriggers() throws {
        let directory = "/tmp/bpw-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/cards", withIntermediateDirectories: true)
        try PlaybookRunAPITests.nearFull.write(toFile: directory + "/cards/near-full.json5", atomically: true, encoding: .utf8)
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        configuration.playbooks.directory = directory + "/cards"
        let clock = ManualWallClock()
        let connection = try Database(configuration: Database.Configuration(directory: directory))
            .openForWriting(now: clock.now().millisecondsSinceEpoch)
        let set = try PlaybookLibrary.load(configuration, facilities: nil).get()
        let scheduler = Scheduler(clock: clock, runsThread: false)
        let engine = PlaybookEngine(
            configuration: configuration, calendar: try #require(LocalCalendar(identifier: "Europe/Oslo")),
            scheduler: scheduler, library: PlaybookLibrary(set))
        let writer = Writer(connection: connection, clock: clock, onCommit: { engine.observe($0) })
        defer { writer.close() }
        engine.observe([Event(
            seq: 1, time: clock.now(), type: SurgeEvents.levelChanged.name, actor: .system, subject: "city",
            data: .object(JSONObject([("from", .string("high")), ("to", .string("normal"))])), exercise: false)])
        engine.attach(writer: writer)
        engine.start()
        let flap = configuration.alerts.flapping
        _ = writer.perform(WriteCommand(actor: .system) { transaction in
            _ = try Self.fireAlert(&transaction, flap: flap)
            return Self.nothing
        })
        #expect(waitUntil {
            let outcome = writer.perform(WriteCommand(actor: .system) { transaction in
                CommandReply(status: 200, body: Array(String(try transaction.connection.nextPlaybookRunID()).utf8))
            })
            guard case .committed(let reply, _) = outcome else { return false }
            return String(decoding: reply.body, as: UTF8.self) == "2"
        })
    }
}
