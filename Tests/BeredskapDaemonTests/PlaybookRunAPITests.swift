import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Playbook runs through the real daemon under a manual clock: a firing alert starts one run
/// (and only one), owners are resolved and told, automatic steps do their work through the
/// normal write path, overdue steps are escalated, waits finish when their condition holds,
/// and a restart resumes everything.
@Suite(.serialized) struct PlaybookRunAPITests {
    /// Started by a facility nearly full: tell the district, find places, wait for the alert to end.
    static let nearFull = """
        { id: "near-full", title: { nb: "Nær fullt", en: "Near full" }, description: { nb: "Mottaket er nær fullt", en: "Nearly full" },
          trigger: { alert: { rule: "facility_utilization", severity: "warning", subject: "facility/*" } },
          escalation_group: "admin-koordinering",
          steps: [
            { id: "tell-district", title: { nb: "Varsle bydelen", en: "Tell the district" }, owner: "bydel:{district}", due: "PT30M",
              action: { notify: { groups: ["bydel:{district}", "beredskapsetaten"],
                                  message: { nb: "{subject} er nesten fullt", en: "{subject} is nearly full" } } } },
            { id: "find-places", title: { nb: "Finn plasser", en: "Find places" }, owner: "bydel:{district}", due: "PT1H",
              depends_on: ["tell-district"], action: { task: {} } },
            { id: "calm", title: { nb: "Vent til varselet opphører", en: "Wait for the alert to end" }, owner: "beredskapsetaten",
              due: "PT4H", depends_on: ["tell-district"], action: { wait_for: { alert_resolved: true } } },
          ] }
        """

    /// Started by hand: a call, then open the standby facility, then wait for it to be half empty, then log.
    static let drill = """
        { id: "drill", title: { nb: "Øvelse", en: "Drill" }, description: { nb: "Øv", en: "Practise" },
          trigger: { manual: true }, escalation_group: "politisk-koordinering",
          steps: [
            { id: "call", title: { nb: "Ring UDI", en: "Call UDI" }, owner: "beredskapsetaten", due: "PT1H", action: { task: {} } },
            { id: "open-standby", title: { nb: "Åpne reserven", en: "Open the reserve" }, owner: "beredskapsetaten", due: "PT1H",
              depends_on: ["call"], action: { set_facility_status: { facility: "reserve", status: "open" } } },
            { id: "half-empty", title: { nb: "Vent på ledig kapasitet", en: "Wait for room" }, owner: "beredskapsetaten", due: "PT8H",
              depends_on: ["open-standby"], action: { wait_for: { utilization_below: { subject: "facility/reserve", value: 0.5 } } } },
            { id: "record", title: { nb: "Loggfør", en: "Record" }, owner: "beredskapsetaten", due: "PT1H",
              depends_on: ["half-empty"], action: { log: { text: { nb: "Øvelsen {playbook} er ferdig", en: "Drill {playbook} done" } } } },
          ] }
        """

    /// A daemon with `refstad` (100 places in Bjerke) and a standby `reserve`, and the two cards above.
    static func daemon(configure: @escaping (inout DaemonConfiguration) -> Void = { _ in }) throws -> (RestartableDaemon, String) {
        let directory = "/tmp/bpr-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let daemon = try RestartableDaemon { configuration in
            configuration.playbooks.directory = directory
            configuration.playbooks.escalateOverdueAfter = .seconds(1800)
            configuration.playbooks.escalationLimit = 2
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.alerts.facilityUtilization.keepFiringFor = .seconds(0)
            configure(&configuration)
        }
        let root = try daemon.session()
        #expect(try root.putFacility("refstad", ["capacity": 100]).status == 201)
        #expect(try root.putFacility("reserve", ["name": "Reserve", "status": "standby", "capacity": 50]).status == 201)
        try nearFull.write(toFile: directory + "/near-full.json5", atomically: true, encoding: .utf8)
        try drill.write(toFile: directory + "/drill.json5", atomically: true, encoding: .utf8)
        #expect(try root.send("POST", "/v1/playbooks/reload").status == 200)
        return (daemon, directory)
    }

    static func runs(_ session: Session, _ query: String = "") -> [JSONValue] {
        (try? session.get("/v1/runs\(query)"))?["runs"]?.arrayValue ?? []
    }

    static func step(_ run: JSONValue?, _ id: String) -> JSONValue? {
        run?["steps"]?.arrayValue?.first { $0["id"]?.stringValue == id }
    }

    /// Notifications a run queued, as (kind, group).
    static func queued(_ session: Session, run: Int64) throws -> [(kind: String, group: String)] {
        try session.events("notification.queued").compactMap { event in
            guard event["data"]?["run"]?.intValue == run, let kind = event["data"]?["kind"]?.stringValue,
                let group = event["data"]?["group"]?.stringValue
            else { return nil }
            return (kind, group)
        }
    }

    @Test func aFiringAlertStartsOneRunWhoseOwnersAreTheDistrictAndWhichEndsWhenTheAlertDoes() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        #expect(try ops.arrive("refstad", 86).status == 201)
        #expect(waitUntil { Self.runs(ops).count == 1 })
        var run = Self.runs(ops).first
        let id = try #require(run?["id"]?.intValue)
        #expect(run?["playbook"]?.stringValue == "near-full")
        #expect(run?["trigger"]?["kind"]?.stringValue == "alert")
        #expect(run?["trigger"]?["subject"]?.stringValue == "facility/refstad")
        #expect(run?["trigger"]?["district"]?.stringValue == "bjerke")
        #expect(run?["started_by"]?.stringValue == "system")
        // The notify step ran at once, to the district's contact point; the task is the district's.
        #expect(Self.step(run, "tell-district")?["state"]?.stringValue == "done")
        #expect(Self.step(run, "tell-district")?["completed_by"]?.stringValue == PlaybookRun.automaticActor)
        #expect(Self.step(run, "find-places")?["owner"]?.stringValue == "bydel:bjerke")
        #expect(Self.step(run, "find-places")?["state"]?.stringValue == "ready")
        #expect(Self.step(run, "calm")?["state"]?.stringValue == "running")
        let sent = try Self.queued(ops, run: id)
        #expect(sent.filter { $0.kind == "message" }.map(\.group).sorted() == ["beredskapsetaten", "bydel:bjerke"])
        #expect(sent.contains { $0.kind == "step_ready" && $0.group == "bydel:bjerke" })

        // Rising to critical is the same alert: no second run.
        #expect(try ops.arrive("refstad", 10).status == 201)
        try ops.settle()
        #expect(waitUntil {
            (try? ops.get("/v1/alerts?rule=facility_utilization"))?["alerts"]?.arrayValue?.first?["severity"]?.stringValue == "critical"
        })
        try ops.settle()
        #expect(Self.runs(ops).count == 1)

        // The person does their step; the alert ends; the wait completes and the run finishes.
        let completed = try ops.post("/v1/runs/\(id)/steps/find-places/complete", ["note": "20 plasser på Torshov"])
        #expect(completed.status == 200)
        #expect(Self.step(completed.json, "find-places")?["completed_by"]?.stringValue == "oslo-ops")
        #expect(Self.step(completed.json, "find-places")?["note"]?.stringValue == "20 plasser på Torshov")
        #expect(try ops.depart("refstad", 60).status == 201)
        #expect(waitUntil { (try? ops.get("/v1/runs/\(id)"))?["state"]?.stringValue == "finished" })
        run = try ops.get("/v1/runs/\(id)")
        #expect(Self.step(run, "calm")?["state"]?.stringValue == "done")
        #expect(try ops.events("run.finished").count == 1)
        // The run's log entries are filed under the facility it is about, one per fact.
        let log = try ops.get("/v1/log?subject=facility/refstad")["entries"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
        #expect(log.filter { $0.contains("(kjøring #\(id)) er startet av varsel #") }.count == 1, "\(log)")
        #expect(log.contains { $0.contains("«Finn plasser»") && $0.contains("er utført av oslo-ops: 20 plasser på Torshov") }, "\(log)")
        #expect(log.filter { $0.contains("(kjøring #\(id)) er fullført") }.count == 1, "\(log)")

        // The condition comes back: a new alert, a new run.
        #expect(try ops.arrive("refstad", 60).status == 201)
        #expect(waitUntil { Self.runs(ops).count == 2 })
        #expect(Self.runs(ops, "?state=active").count == 1)
        #expect(Self.runs(ops, "?state=finished").map { $0["id"]?.intValue } == [id])
    }

    @Test func anOverdueStepTellsItsOwnerThenEscalatesUntilItIsDone() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        let started = try ops.post("/v1/playbooks/drill/runs", ["reason": "Øvelse november"])
        #expect(started.status == 201, "\(started.text)")
        let id = try #require(started.json["id"]?.intValue)
        #expect(started.json["next_deadline"]?.stringValue == daemon.harness.clock.now().adding(milliseconds: 3_600_000).rfc3339)
        let scheduler = try #require(daemon.daemon?.services.scheduler)

        daemon.harness.clock.advance(seconds: 3599)
        scheduler.fireDue()
        try ops.settle()
        #expect(Self.step(try ops.get("/v1/runs/\(id)"), "call")?["overdue"]?.boolValue == false)
        #expect(try ops.get("/v1/status")["deadlines_overdue"]?.intValue == 0)
        daemon.harness.clock.advance(seconds: 1)
        scheduler.fireDue()
        #expect(waitUntil { Self.step(try? ops.get("/v1/runs/\(id)"), "call")?["overdue"]?.boolValue == true })
        #expect(try ops.get("/v1/status")["deadlines_overdue"]?.intValue == 1, "status counts overdue steps")
        #expect(try PlaybookRunTextTests.texts(daemon, ops).contains("[OVER FRISTEN] Øvelse: Ring UDI"), "over fristen, not forfalt")
        #expect(try Self.queued(ops, run: id).filter { $0.kind == "step_overdue" }.map(\.group) == ["beredskapsetaten"])

        daemon.harness.clock.advance(seconds: 1800)
        scheduler.fireDue()
        #expect(waitUntil { (try? Self.queued(ops, run: id))?.contains { $0.kind == "escalation" } == true })
        #expect(try Self.queued(ops, run: id).filter { $0.kind == "escalation" }.map(\.group) == ["politisk-koordinering"])

        // Done now: no further escalation, and the next steps go on.
        let done = try ops.post("/v1/runs/\(id)/steps/call/complete", [:])
        #expect(done.status == 200)
        #expect(try ops.get("/v1/status")["deadlines_overdue"]?.intValue == 0)
        #expect(Self.step(done.json, "open-standby")?["state"]?.stringValue == "done")
        #expect(try ops.facility("reserve")["status"]?.stringValue == "open", "through the normal write path")
        #expect(try ops.events("facility.updated").count == 1)
        daemon.harness.clock.advance(seconds: 7200)
        scheduler.fireDue()
        try ops.settle()
        #expect(try Self.queued(ops, run: id).filter { $0.kind == "escalation" }.count == 1)
    }

    @Test func aWaitSurvivesARestartAndRemindersMissedWhileDownGoOut() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try daemon.session()
        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Øvelse"]).json["id"]?.intValue)
        // People are already placed in the reserve before it opens: once open, it is 80 % full.
        #expect(try ops.arrive("reserve", 40).status == 201)
        #expect(try ops.post("/v1/runs/\(id)/steps/call/complete", ["note": "UDI ringt"]).status == 200)
        try ops.settle()
        #expect(Self.step(try ops.get("/v1/runs/\(id)"), "half-empty")?["state"]?.stringValue == "running")

        let waiting = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Nummer to"]).json["id"]?.intValue)

        // Down for nine hours: the wait is still a wait afterwards, not a failure, and its
        // due time passing does not make an automatic step overdue. The other run's call is
        // overdue: its owner is told once, and the escalation waits its full interval.
        daemon.stop()
        daemon.harness.clock.advance(seconds: 9 * 3600)
        try daemon.start()
        ops = try daemon.session()
        #expect(waitUntil { Self.step(try? ops.get("/v1/runs/\(waiting)"), "call")?["overdue"]?.boolValue == true })
        #expect(try Self.queued(ops, run: waiting).filter { $0.kind == "step_overdue" }.count == 1)
        #expect(try Self.queued(ops, run: waiting).filter { $0.kind == "escalation" }.isEmpty)
        let resumed = try ops.get("/v1/runs/\(id)")
        #expect(Self.step(resumed, "half-empty")?["state"]?.stringValue == "running")
        #expect(Self.step(resumed, "half-empty")?["attempts"]?.intValue == 1)
        #expect(try ops.depart("reserve", 20).status == 201)
        #expect(waitUntil { (try? ops.get("/v1/runs/\(id)"))?["state"]?.stringValue == "finished" })
        let log = try ops.get("/v1/log?subject=run/\(id)")["entries"]?.arrayValue ?? []
        #expect(log.contains { $0["text"]?.stringValue == "Øvelsen drill er ferdig" })
    }

    @Test func aWaitForAFacilityToEmptyEndsWhenItIsClosedAndNobodyIsLeftButNotBefore() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session()
        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Øvelse"]).json["id"]?.intValue)
        #expect(try ops.arrive("reserve", 40).status == 201)
        #expect(try ops.post("/v1/runs/\(id)/steps/call/complete", ["note": "UDI ringt"]).status == 200)
        try ops.settle()
        // Closed with people still there: no available places, and the pressure is not gone.
        #expect(try ops.patch("/v1/facilities/reserve", ["status": "closed"]).status == 200)
        try ops.settle()
        #expect(Self.step(try ops.get("/v1/runs/\(id)"), "half-empty")?["state"]?.stringValue == "running")
        // The last people move out: a closed, empty facility is below any utilization.
        #expect(try ops.depart("reserve", 40).status == 201)
        #expect(waitUntil { (try? ops.get("/v1/runs/\(id)"))?["state"]?.stringValue == "finished" })
    }

    @Test func anAlertThatFiredJustBeforeACrashStartsItsRunAfterTheRestartAndOnlyOnce() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try daemon.session()
        #expect(try ops.arrive("refstad", 86).status == 201)
        #expect(waitUntil { Self.runs(ops).count == 1 })
        let fired = try #require(try ops.events("alert.firing").first?["seq"]?.intValue)
        daemon.stop()
        // As if the daemon had died after the alert's commit and before the run's: no run,
        // and the cursor still before the alert.
        let store = try SQLiteConnection(
            path: daemon.harness.directory + "/restarted/state.db", mode: .readWriteCreate)
        try store.execute("DELETE FROM playbook_runs; DELETE FROM notifications WHERE run_id IS NOT NULL")
        try store.run("UPDATE event_cursors SET seq = ? WHERE name = 'playbooks'", fired - 1)
        try daemon.start()
        ops = try daemon.session()
        #expect(waitUntil { Self.runs(ops).count == 1 })
        #expect(Self.runs(ops).first?["trigger"]?["subject"]?.stringValue == "facility/refstad")
        try daemon.restart()
        ops = try daemon.session()
        try ops.settle()
        #expect(Self.runs(ops).count == 1, "the cursor moved with the start")
    }

    @Test func everyActiveRunIsRecoveredAfterARestartHoweverMany() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try daemon.session()
        let count = PlaybookEngine.recoveryChunk * 2 + 3
        for index in 1...count {
            #expect(try ops.post("/v1/playbooks/drill/runs", ["reason": .string("Øvelse \(index)")]).status == 201)
        }
        daemon.stop()
        daemon.harness.clock.advance(seconds: 2 * 3600)
        try daemon.start()
        ops = try daemon.session()
        #expect(waitUntil { (try? ops.events("run.step_overdue").count) == count })
        try ops.settle()
        #expect(try ops.events("run.step_overdue").count == count, "each once")
    }

    /// Stops the daemon and rewrites run `id` as if it had died while `open-standby` was
    /// running its `attempts`th attempt (after a person completed `call`).
    static func crashWhileOpeningTheReserve(_ daemon: RestartableDaemon, run id: Int64, attempts: Int) throws {
        daemon.stop()
        let store = try SQLiteConnection(path: daemon.harness.directory + "/restarted/state.db", mode: .readWriteCreate)
        try store.run(
            """
            UPDATE playbook_runs SET run = json_set(run, '$.steps[0].state', 'done', '$.steps[0].completed_by', 'kari',
                '$.steps[1].state', 'running', '$.steps[1].attempts', ?) WHERE id = ?
            """, attempts, id)
    }

    @Test func anAutomaticStepInterruptedByACrashIsRetriedOrFailedWithAReasonNeverLeftRunning() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try daemon.session()
        let retried = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Første"]).json["id"]?.intValue)
        let spent = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Andre"]).json["id"]?.intValue)
        try Self.crashWhileOpeningTheReserve(daemon, run: retried, attempts: 1)
        try daemon.start()
        try Self.crashWhileOpeningTheReserve(daemon, run: spent, attempts: 3)
        try daemon.start()
        ops = try daemon.session()
        try ops.settle()

        // Below the limit of three attempts: carried out again, and the run goes on to its end.
        let first = try ops.get("/v1/runs/\(retried)")
        #expect(Self.step(first, "open-standby")?["state"]?.stringValue == "done")
        #expect(Self.step(first, "open-standby")?["attempts"]?.intValue == 2)
        #expect(first["state"]?.stringValue == "finished")
        #expect(try ops.facility("reserve")["status"]?.stringValue == "open")

        // At the limit: failed with the reason, its owner told, the run held up until a person acts.
        let second = try ops.get("/v1/runs/\(spent)")
        #expect(Self.step(second, "open-standby")?["state"]?.stringValue == "failed")
        #expect(Self.step(second, "open-standby")?["failure_reason"]?.stringValue == PlaybookRun.interruptedReason.nb, "in the groups' language")
        #expect(second["blocked"]?.boolValue == true)
        #expect(try Self.queued(ops, run: spent).contains { $0.kind == "step_failed" && $0.group == "beredskapsetaten" })
        #expect(!(second["steps"]?.arrayValue ?? []).contains { $0["state"]?.stringValue == "running" })
    }

    @Test func aStepThatCannotSucceedBlocksTheRunUntilSomeoneSkipsIt() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        #expect(try ops.putFacility("ute", ["name": "Ute", "district": nil]).status == 201)
        // Started by hand about a facility, without an alert: there is no alert whose end to wait for.
        let started = try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk", "subject": "facility/ute"])
        #expect(started.status == 201, "\(started.text)")
        let id = try #require(started.json["id"]?.intValue)
        #expect(Self.step(started.json, "calm")?["state"]?.stringValue == "failed")
        #expect(Self.step(started.json, "calm")?["failure_reason"]?.stringValue?.contains("ingen varsel") == true)
        // Outside every district, the district's steps fall to the escalation group.
        #expect(Self.step(started.json, "find-places")?["owner"]?.stringValue == "admin-koordinering")
        #expect(try Self.queued(ops, run: id).contains { $0.kind == "step_failed" && $0.group == "beredskapsetaten" })
        #expect(try ops.post("/v1/runs/\(id)/steps/find-places/complete", [:]).status == 200)
        let blocked = try ops.get("/v1/runs/\(id)")
        #expect(blocked["blocked"]?.boolValue == true)
        #expect(blocked["state"]?.stringValue == "active")
        let skipped = try ops.post("/v1/runs/\(id)/steps/calm/skip", ["reason": "Startet for hånd"])
        #expect(skipped.json["state"]?.stringValue == "finished")
        #expect(Self.step(skipped.json, "calm")?["skipped_by"]?.stringValue == "oslo-ops")
        #expect(Self.step(skipped.json, "calm")?["skip_reason"]?.stringValue == "Startet for hånd")
    }

    @Test func openingAFacilityAboveTheCapIsRefusedAsForAPersonAndTheStepFailsWithTheReason() throws {
        let directory = "/tmp/bpc-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try DaemonHarness { configuration in
            configuration.playbooks.directory = directory
            configuration.capacity.cap = 1500
        }
        let ops = try Session(harness)
        #expect(try ops.putFacility("reserve", ["name": "Reserve", "status": "standby", "capacity": 1200]).status == 201)
        try Self.drill.write(toFile: directory + "/drill.json5", atomically: true, encoding: .utf8)
        #expect(try ops.send("POST", "/v1/playbooks/reload").status == 200)
        // The office lowers the cap back to the policy's 1000 (the embedded configuration).
        #expect(harness.daemon.reload().error == nil)
        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "Åpne reserven"]).json["id"]?.intValue)
        let after = try ops.post("/v1/runs/\(id)/steps/call/complete", [:])
        #expect(after.status == 200)
        #expect(Self.step(after.json, "open-standby")?["state"]?.stringValue == "failed")
        #expect(Self.step(after.json, "open-standby")?["failure_reason"]?.stringValue?.contains("1000") == true)
        #expect(after.json["blocked"]?.boolValue == true)
        #expect(try ops.facility("reserve")["status"]?.stringValue == "standby", "nothing of the refused change is kept")
        #expect(try ops.events("facility.updated").isEmpty)
    }

    @Test func badRequestsGetClearErrorsAndChangeNothing() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        let viewer = try daemon.session(as: People.viewer)
        expectError(try viewer.post("/v1/playbooks/drill/runs", ["reason": "x"]), 403, "forbidden")
        expectError(try ops.post("/v1/playbooks/nope/runs", ["reason": "x"]), 404, "not_found")
        expectError(try ops.post("/v1/playbooks/drill/runs", ["reason": "  "]), 400, "invalid_field", field: "reason")
        expectError(try ops.post("/v1/playbooks/drill/runs", ["reason": "x", "extra": 1]), 400, "invalid_field", field: "extra")
        expectError(try ops.post("/v1/playbooks/drill/runs", ["reason": "x", "alert": 99]), 400, "invalid_field", field: "alert")
        #expect(Self.runs(ops).isEmpty)

        let id = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "x"]).json["id"]?.intValue)
        expectError(try ops.send("GET", "/v1/runs/999"), 404, "not_found")
        expectError(try ops.send("GET", "/v1/runs/abc"), 400, "invalid_field", field: "id")
        expectError(try ops.send("GET", "/v1/runs?state=done"), 400, "invalid_field", field: "state")
        expectError(try ops.post("/v1/runs/\(id)/steps/nope/complete", [:]), 404, "not_found")
        let automatic = try ops.post("/v1/runs/\(id)/steps/record/complete", [:])
        expectError(automatic, 409, "conflict")
        #expect(automatic.message?.contains("automatic") == true)
        expectError(try ops.post("/v1/runs/\(id)/steps/call/skip", [:]), 400, "invalid_field", field: "reason")
        expectError(try viewer.post("/v1/runs/\(id)/abort", ["reason": "x"]), 403, "forbidden")

        let aborted = try ops.post("/v1/runs/\(id)/abort", ["reason": "Feil kort"])
        #expect(aborted.json["state"]?.stringValue == "aborted")
        #expect(aborted.json["aborted_by"]?.stringValue == "oslo-ops")
        #expect(aborted.json["next_deadline"]?.isNull == true)
        expectError(try ops.post("/v1/runs/\(id)/abort", ["reason": "igjen"]), 409, "conflict")
        expectError(try ops.post("/v1/runs/\(id)/steps/call/complete", [:]), 409, "conflict")
        #expect(try ops.get("/v1/status")["runs_active"]?.intValue == 0)

        // A manual start about an alert: once per alert and playbook.
        #expect(try ops.arrive("refstad", 86).status == 201)
        #expect(waitUntil { Self.runs(ops, "?state=active").count == 1 })
        let alert = try #require(Self.runs(ops, "?state=active").first?["trigger"]?["alert"]?.intValue)
        let twice = try ops.post("/v1/playbooks/near-full/runs", ["reason": "igjen", "alert": .integer(alert)])
        expectError(twice, 409, "conflict")
        #expect(twice.details?["run"]?.intValue == Self.runs(ops, "?state=active").first?["id"]?.intValue)
        #expect(try ops.post("/v1/playbooks/drill/runs", ["reason": "om varselet", "alert": .integer(alert)]).status == 201)
    }

    @Test func aSurgeStartsOnlyThePlaybookOfTheLevelReached() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shipped = FileManager.default.currentDirectoryPath + "/Playbooks"
        for name in ["surge-elevated.json5", "surge-high.json5"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + name, toPath: directory + "/" + name)
        }
        let ops = try daemon.session()
        #expect(try ops.send("POST", "/v1/playbooks/reload").status == 200)
        #expect(try ops.putFacility("torshov", ["name": "Torshov", "capacity": 400]).status == 201)
        #expect(try ops.arrive("torshov", 120).status == 201)
        #expect(ops.waitForSurgeLevel("high"))
        #expect(waitUntil { Self.runs(ops).contains { $0["playbook"]?.stringValue == "surge-high" } })
        try ops.settle()
        let runs = Self.runs(ops)
        #expect(runs.map { $0["playbook"]?.stringValue } == ["surge-high"], "a jump from normal to high skips elevated")
        #expect(runs.first?["trigger"]?["level"]?.stringValue == "high")
        let list = try ops.get("/v1/playbooks")["playbooks"]?.arrayValue ?? []
        #expect(list.first { $0["id"]?.stringValue == "surge-high" }?["active_runs"]?.intValue == 1)
    }
}
