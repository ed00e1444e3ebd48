import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The introduction programme through the real daemon (the harness's clock: 22 November 2026).
/// The adult here was born 1 May 1990, granted residence 1 June 2026 (aged 36) and settled in
/// Alna on 1 September 2026.
@Suite(.serialized) struct IntroAPITests {
    static func adult(_ duf: Int = 5001, born: String = "1990-05-01", district: String = "alna") -> JSONValue {
        PersonAPITests.body([
            "duf": .string("2026 0000\(duf)"), "birth": ["date": .string(born)], "unaccompanied": false, "district": .string(district),
            "category": "resettlement", "arrived_norway": "2026-05-20", "vulnerabilities": [],
        ])
    }

    /// A registered adult with the residence permit (and settlement) recorded.
    static func permitted(
        _ caseworker: Session, duf: Int = 5001, born: String = "1990-05-01", district: String = "alna", permit: String? = "2026-06-01"
    ) throws -> Int64 {
        let id = try PersonAPITests.register(caseworker, adult(duf, born: born, district: district))
        if let permit {
            #expect(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "residence_granted", "date": .string(permit)]).status
                == 201)
        }
        #expect(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "settled", "date": "2026-09-01"]).status == 201)
        return id
    }

    static func start(_ caseworker: Session, _ id: Int64, _ extra: [String: JSONValue] = [:]) throws -> RawClient.Response {
        var body: JSONObject = ["action": "start", "goal": "work", "date": "2026-11-01"]
        for (key, value) in extra { body[key] = value }
        return try caseworker.post("/v1/persons/\(id)/intro", .object(body))
    }

    @Test func aStartRecordsTheMilestoneThatMeetsTheIntroStartDeadline() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.permitted(caseworker)
        let before = try caseworker.get("/v1/persons/\(id)")["deadlines"]?.arrayValue?.first { $0["rule"] == "intro_start" }
        #expect(before?["state"] == "due_soon", "due 1 December, three months after settlement: within 14 days")

        let started = try Self.start(caseworker, id, ["note": "Ønsker arbeid som elektriker"])
        #expect(started.status == 201, "\(started.text)")
        #expect(started.json["state"] == "active")
        #expect(started.json["months"] == 24, "the standard maximum")
        #expect(started.json["planned_end"] == "2028-11-01")
        #expect(started.json["voluntary"] == false)
        #expect(started.json["district"] == "alna")
        #expect(started.json["notes"]?.arrayValue?.first?["note"] == "Ønsker arbeid som elektriker")

        let person = try caseworker.get("/v1/persons/\(id)")
        #expect(person["milestones"]?.arrayValue?.contains { $0["milestone"] == "intro_started" && $0["date"] == "2026-11-01" } == true)
        let deadline = person["deadlines"]?.arrayValue?.first { $0["rule"] == "intro_start" }
        #expect(deadline?["state"] == "met")
        #expect(person["deadlines"]?.arrayValue?.first { $0["rule"] == "skills_mapping" }?["state"] == "overdue",
            "no skills mapping before the start")

        let root = try Session(harness, as: People.root)
        let events = try root.events("intro.started")
        #expect(events.first?["data"] == [
            "person": .integer(id), "date": "2026-11-01", "goal": "work", "months": 24, "planned_end": "2028-11-01", "voluntary": false,
        ])
        #expect(!(try root.send("GET", "/v1/events?type=intro.started").text.contains("elektriker")), "the note stays in its row")
        #expect(try root.events("person.milestone_recorded").contains { $0["data"]?["milestone"] == "intro_started" })

        let shown = try caseworker.send("GET", "/v1/persons/\(id)/intro")
        #expect(shown.status == 200, "\(shown.text)")
        #expect(shown.json["planned_end"] == "2028-11-01")
        let reads = try root.events("access.read").filter { $0["data"]?["route"] == "/v1/persons/{id}/intro" }
        #expect(reads.count == 1)
    }

    @Test func theRightIsForAges18To55AtThePermitAndAVoluntaryOfferIsRecorded() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        // 18 on 2 June 2026, the day after the permit.
        let young = try Self.permitted(caseworker, duf: 5002, born: "2008-06-02")
        let refused = try Self.start(caseworker, young)
        expectError(refused, 409, "conflict")
        #expect(refused.details?["state"] == "outside_age")
        let offered = try Self.start(caseworker, young, ["voluntary": true])
        #expect(offered.status == 201, "\(offered.text)")
        #expect(offered.json["voluntary"] == true)

        let eighteen = try Self.permitted(caseworker, duf: 5003, born: "2008-06-01")
        #expect(try Self.start(caseworker, eighteen).status == 201, "18 on the permit's day")

        let own = try Self.permitted(caseworker, duf: 5004)
        let ownRefused = try Self.start(caseworker, own, ["settlement_mode": "ownInitiative"])
        #expect(ownRefused.details?["state"] == "own_initiative")

        let unknown = try Self.permitted(caseworker, duf: 5005, permit: nil)
        #expect(try Self.start(caseworker, unknown).details?["state"] == "no_residence_permit")
    }

    @Test func stepsMoveThePlannedEndAndRefuseWhatTheStateDoesNotAllow() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.permitted(caseworker)
        let path = "/v1/persons/\(id)/intro"
        _ = try Self.start(caseworker, id, ["months": 12])
        expectError(try Self.start(caseworker, id), 409, "conflict")
        let resume = try caseworker.post(path, ["action": "resume", "date": "2026-11-05"])
        expectError(resume, 409, "conflict")
        #expect(resume.details?["state"] == "active")

        #expect(try caseworker.post(path, ["action": "interrupt", "date": "2026-11-05"]).json["state"] == "interrupted")
        let resumed = try caseworker.post(path, ["action": "resume", "date": "2026-11-15"])
        #expect(resumed.json["paused_days"] == 10)
        #expect(resumed.json["planned_end"] == "2027-11-11")
        let extended = try caseworker.post(path, ["action": "extend", "months": 12])
        #expect(extended.json["planned_end"] == "2028-11-11")
        expectError(try caseworker.post(path, ["action": "extend", "months": 1]), 409, "conflict")

        let ended = try caseworker.post(path, ["action": "end", "reason": "upper_secondary", "date": "2026-11-20"])
        #expect(ended.status == 200, "\(ended.text)")
        #expect(ended.json["ended"] == ["date": "2026-11-20", "reason": "upper_secondary", "work_or_education": true])
        expectError(try caseworker.post(path, ["action": "interrupt"]), 409, "conflict")
        let person = try caseworker.get("/v1/persons/\(id)")
        #expect(person["milestones"]?.arrayValue?.contains { $0["milestone"] == "intro_ended" && $0["date"] == "2026-11-20" } == true)

        let followed = try caseworker.post(path, ["action": "follow_up", "status": "education"])
        #expect(followed.json["follow_up"] == ["date": "2026-11-22", "status": "education", "work_or_education": true])
        let again = try caseworker.post(path, ["action": "follow_up", "status": "work"])
        expectError(again, 409, "conflict")
        #expect(again.details?["state"] == "ended")
    }

    @Test func everyBadFieldIsNamed() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.permitted(caseworker)
        let path = "/v1/persons/\(id)/intro"
        let bad: [(JSONValue, String)] = [
            (["action": "pause"], "action"),
            ([:], "action"),
            (["action": "start"], "goal"),
            (["action": "start", "goal": "astronaut"], "goal"),
            (["action": "start", "goal": "work", "months": 2], "months"),
            (["action": "start", "goal": "work", "months": 25], "months"),
            (["action": "start", "goal": "work", "months": "many"], "months"),
            (["action": "start", "goal": "work", "date": "2026-11-23"], "date"),
            (["action": "start", "goal": "work", "date": "1. november"], "date"),
            (["action": "start", "goal": "work", "reason": "work"], "reason"),
            (["action": "start", "goal": "work", "settlement_mode": "alone"], "settlement_mode"),
            (["action": "start", "goal": "work", "voluntary": "yes"], "voluntary"),
            (["action": "start", "goal": "work", "note": .string(String(repeating: "x", count: 2001))], "note"),
            (["action": "extend"], "months"),
            (["action": "end"], "reason"),
            (["action": "end", "reason": "holiday"], "reason"),
            (["action": "follow_up"], "status"),
            (["action": "follow_up", "status": "retired"], "status"),
            (["action": "interrupt", "months": 3], "months"),
        ]
        for (body, field) in bad {
            expectError(try caseworker.post(path, body), 400, "invalid_field", field: field)
        }
        _ = try Self.start(caseworker, id)
        expectError(try caseworker.post(path, ["action": "interrupt", "date": "2026-10-31"]), 400, "invalid_field", field: "date")
        expectError(try caseworker.post(path, ["action": "extend", "months": 13]), 400, "invalid_field", field: "months")
        expectError(try caseworker.post(path, ["action": "extend", "months": 0]), 400, "invalid_field", field: "months")
    }

    @Test func unknownPersonsAndPersonsWithoutAProgrammeAreNotFound() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        expectError(try caseworker.post("/v1/persons/99/intro", ["action": "start", "goal": "work"]), 404, "not_found")
        expectError(try caseworker.send("GET", "/v1/persons/99/intro"), 404, "not_found")
        let id = try Self.permitted(caseworker)
        expectError(try caseworker.send("GET", "/v1/persons/\(id)/intro"), 404, "not_found")
        expectError(try caseworker.post("/v1/persons/\(id)/intro", ["action": "end", "reason": "work"]), 404, "not_found")
        expectError(try caseworker.send("GET", "/v1/persons/x/intro"), 400, "invalid_field")
    }

    @Test func programmesNeedCasesAndTheResultsRead() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.permitted(caseworker)
        for identity in [People.viewer, People.operatorByGroup] {
            let session = try Session(harness, as: identity)
            expectError(try session.post("/v1/persons/\(id)/intro", ["action": "start", "goal": "work"]), 403, "forbidden")
            expectError(try session.send("GET", "/v1/persons/\(id)/intro"), 403, "forbidden")
        }
        #expect(try Session(harness, as: People.viewer).send("GET", "/v1/intro/results?year=2014").status == 200)
        expectError(try Session(harness, as: People.stranger).send("GET", "/v1/intro/results?year=2014"), 403, "forbidden")
    }

    @Test func aRestartKeepsTheProgramme() throws {
        let daemon = try RestartableDaemon()
        let caseworker = try daemon.session(as: People.caseworker)
        let id = try Self.permitted(caseworker)
        _ = try Self.start(caseworker, id)
        _ = try caseworker.post("/v1/persons/\(id)/intro", ["action": "interrupt", "date": "2026-11-10", "note": "Foreldrepermisjon"])
        try daemon.restart()
        let shown = try daemon.session(as: People.caseworker).get("/v1/persons/\(id)/intro")
        #expect(shown["state"] == "interrupted")
        #expect(shown["interruptions"] == [["from": "2026-11-10", "to": .null]])
        #expect(shown["notes"]?.arrayValue?.map { $0["note"] } == ["Foreldrepermisjon"])
    }

    /// A step of the programme is activity: the retention purge keeps the person.
    @Test func aStepKeepsThePersonFromTheRetentionPurge() throws {
        let harness = try DaemonHarness { $0.privacy.retentionYears = 3 }
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.permitted(caseworker)
        _ = try Self.start(caseworker, id)
        harness.clock.advance(seconds: 400 * RetentionPurgeTests.day)
        #expect(try caseworker.post("/v1/persons/\(id)/intro", ["action": "interrupt"]).status == 200)
        harness.clock.advance(seconds: 800 * RetentionPurgeTests.day)
        harness.daemon.services.scheduler.fireDue()
        try Session(harness).settle()
        #expect(try !RetentionPurgeTests().erased(caseworker, id), "1200 days after the milestones, 800 after the interruption")
        harness.clock.advance(seconds: 400 * RetentionPurgeTests.day)
        harness.daemon.services.scheduler.fireDue()
        try Session(harness).settle()
        #expect(try RetentionPurgeTests().erased(caseworker, id))
    }
}
