import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

/// Unaccompanied minors through the real daemon (22 November 2026): placements over time,
/// the representative, the choice at 18 and its deadline, the list and the costs.
@Suite(.serialized) struct MinorAPITests {
    /// Born 4 March 2010 (18 on 4 March 2028), arrived 10 November 2026, in Alna.
    static func minor(_ session: Session, _ changes: [String: JSONValue] = [:]) throws -> Int64 {
        try PersonAPITests.register(session, PersonAPITests.body(changes))
    }

    static let note = "Bor hos familien Berg på Furuset"

    @Test func placementsFollowEachOtherWithTheirCostsAndServices() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker)
        let placed = try caseworker.post(
            "/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 600_000, "note": .string(Self.note)])
        #expect(placed.status == 201, "\(placed.text)")
        #expect(placed.json["person"] == .integer(id))
        #expect(placed.json["placements"] == [[
            "id": 1, "type": "foster_home", "from": "2026-11-15", "to": "2028-03-03", "annual_cost": 600_000,
            "service": "childWelfare", "district": "alna", "note": .string(Self.note),
        ]], "until the day before the 18th birthday while no choice is made")
        #expect(placed.json["turns_18"] == "2028-03-04")
        #expect(placed.json["follow_up_ends"] == "2035-03-03")
        #expect(placed.json["representative"] == .null)
        #expect(placed.json["event_seq"]?.intValue != nil)

        let school = try caseworker.post("/v1/persons/\(id)/placements", ["type": "folk_high_school", "from": "2027-08-15"])
        #expect(school.status == 201, "\(school.text)")
        let placements = school.json["placements"]?.arrayValue ?? []
        #expect(placements.map(\.["to"]) == ["2027-08-14", "2028-03-03"], "the new one ends the current one the day before")
        #expect(placements.last?["annual_cost"] == 200_000, "the configured cost of the type")

        let shown = try caseworker.send("GET", "/v1/persons/\(id)/placements")
        #expect(shown.status == 200, "\(shown.text)")
        #expect(shown.json["placements"]?.arrayValue?.count == 2)

        let events = try caseworker.events("minor.")
        #expect(events.map { $0["data"] } == [
            ["person": .integer(id), "placement": 1, "type": "foster_home", "from": "2026-11-15", "annual_cost": 600_000,
             "service": "childWelfare", "district": "alna"],
            ["person": .integer(id), "placement": 2, "type": "folk_high_school", "from": "2027-08-15", "annual_cost": 200_000,
             "service": "childWelfare", "district": "alna"],
        ])
        #expect(!events.map { $0.serializedString() }.joined().contains("Berg"))

        let admin = try Session(harness, as: People.admin)
        #expect(try AuditedReadTests.recordedReads(admin).map(\.["subject"]) == [.string("person/\(id)")], "the show is recorded")
    }

    @Test func theServiceIsTheDistrictsAtTheTime() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker, ["district": "sagene"])
        let placed = try caseworker.post("/v1/persons/\(id)/placements", ["type": "bedsit_follow_up", "from": "2026-11-20", "annual_cost": 150_000])
        #expect(placed.json["placements"]?.arrayValue?.first?["service"] == "nav", "NAV in Sagene")
        #expect(try caseworker.patch("/v1/persons/\(id)", ["district": "alna"]).status == 200)
        let moved = try caseworker.post("/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-21", "annual_cost": 500_000])
        #expect(moved.json["placements"]?.arrayValue?.map(\.["service"]) == ["nav", "childWelfare"])
        #expect(moved.json["placements"]?.arrayValue?.map(\.["district"]) == ["sagene", "alna"])
    }

    @Test func aCorrectedBirthMovesWherePlacementsEnd() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker)
        _ = try caseworker.post("/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 365_000])
        #expect(try caseworker.get("/v1/minors/costs?year=2027")["cost"] == 365_000)
        #expect(try caseworker.patch("/v1/persons/\(id)", ["birth": ["date": "2009-03-04"]]).status == 200)
        let shown = try caseworker.get("/v1/persons/\(id)/placements")
        #expect(shown["placements"]?.arrayValue?.first?["to"] == "2027-03-03")
        #expect(try caseworker.get("/v1/minors/costs?year=2027")["cost"] == 62_000, "1 January to 3 March 2027: 62 days")
    }

    @Test func everyInvalidFieldIsNamed() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker)
        let path = "/v1/persons/\(id)/placements"
        expectError(try caseworker.post(path, ["type": "castle", "from": "2026-11-15", "annual_cost": 1]), 400, "invalid_field", field: "type")
        expectError(try caseworker.post(path, ["type": "foster_home", "annual_cost": 1]), 400, "invalid_field", field: "from")
        expectError(try caseworker.post(path, ["type": "foster_home", "from": "2026-11-09", "annual_cost": 1]), 400, "invalid_field", field: "from")
        expectError(try caseworker.post(path, ["type": "foster_home", "from": "2026-11-15", "annual_cost": -1]), 400, "invalid_field", field: "annual_cost")
        expectError(try caseworker.post(path, ["type": "foster_home", "from": "2026-11-15"]), 400, "invalid_field", field: "annual_cost")
        expectError(
            try caseworker.post(path, ["type": "foster_home", "from": "2026-11-15", "annual_cost": 1, "note": " "]), 400, "invalid_field",
            field: "note")
        #expect(try caseworker.post(path, ["type": "foster_home", "from": "2026-11-15", "annual_cost": 1]).status == 201)
        expectError(try caseworker.post(path, ["type": "foster_home", "from": "2026-11-15", "annual_cost": 1]), 400, "invalid_field", field: "from")
        expectError(try caseworker.post(path, ["type": "foster_home", "from": "2035-03-04", "annual_cost": 1]), 400, "invalid_field", field: "from")
        let adult = try caseworker.post(path, ["type": "foster_home", "from": "2028-03-04", "annual_cost": 1])
        expectError(adult, 409, "conflict")
        #expect(adult.details?["state"] == "no_aftercare_choice")

        let representative = "/v1/persons/\(id)/representative"
        expectError(try caseworker.post(representative, ["name": " ", "appointed": "2026-11-12"]), 400, "invalid_field", field: "name")
        expectError(try caseworker.post(representative, ["name": "Kari", "appointed": "2026-11-23"]), 400, "invalid_field", field: "appointed")
        expectError(try caseworker.post(representative, ["name": "Kari"]), 400, "invalid_field", field: "appointed")

        let aftercare = "/v1/persons/\(id)/aftercare"
        expectError(try caseworker.post(aftercare, ["choice": "leave", "date": "2026-11-20"]), 400, "invalid_field", field: "choice")
        expectError(try caseworker.post(aftercare, ["choice": "stay", "date": "2026-11-23"]), 400, "invalid_field", field: "date")
        expectError(
            try caseworker.post(aftercare, ["choice": "stay", "date": "2026-11-20", "follow_up_until": "2035-03-04"]), 400, "invalid_field",
            field: "follow_up_until")

        expectError(try caseworker.post("/v1/persons/99/placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 1]), 404, "not_found")
        expectError(try caseworker.send("GET", "/v1/persons/99/placements"), 404, "not_found")
        expectError(try caseworker.send("GET", "/v1/minors?district=atlantis"), 400, "invalid_field", field: "district")
        expectError(try caseworker.send("GET", "/v1/minors/costs?year=1999"), 400, "invalid_field", field: "year")
    }

    @Test func onlyUnaccompaniedPersonsHavePlacements() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker, ["unaccompanied": false])
        for (path, body) in [
            ("placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 1] as JSONValue),
            ("representative", ["name": "Kari", "appointed": "2026-11-12"]), ("aftercare", ["choice": "stay", "date": "2026-11-20"]),
        ] {
            let refused = try caseworker.post("/v1/persons/\(id)/\(path)", body)
            expectError(refused, 409, "conflict")
            #expect(refused.details?["state"] == "accompanied", "\(path)")
        }
        expectError(try caseworker.send("GET", "/v1/persons/\(id)/placements"), 409, "conflict")
    }

    @Test func theRepresentativeRecordsItsMilestoneOnce() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker)
        let set = try caseworker.post("/v1/persons/\(id)/representative", ["name": "Kari Nordmann", "appointed": "2026-11-11"])
        #expect(set.status == 201, "\(set.text)")
        #expect(set.json["representative"] == ["name": "Kari Nordmann", "appointed": "2026-11-11"])
        let person = try caseworker.get("/v1/persons/\(id)")
        #expect(MilestoneAPITests.deadline(person, "representative")?["state"] == "met")
        let replaced = try caseworker.post("/v1/persons/\(id)/representative", ["name": "Ola Hansen", "appointed": "2026-11-20"])
        #expect(replaced.json["representative"] == ["name": "Ola Hansen", "appointed": "2026-11-20"])
        #expect(try caseworker.events("person.milestone_recorded").map(\.["data"]) == [
            ["person": .integer(id), "milestone": "representative_appointed", "date": "2026-11-11"],
        ], "recorded through the milestone path, once")
        #expect(try caseworker.events("minor.representative_set").count == 2)
        #expect(!(try caseworker.events("minor.")).map { $0.serializedString() }.joined().contains("Nordmann"))
    }

    @Test func theChoiceAt18MeetsTheDeadlineAnnouncedThreeMonthsAhead() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        // 18 on 20 December 2026: 28 days ahead, inside the 90 days of warning.
        let id = try Self.minor(caseworker, ["birth": ["date": "2008-12-20"]])
        #expect(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "settled", "date": "2026-11-15"]).status == 201)
        let person = try caseworker.get("/v1/persons/\(id)")
        #expect(MilestoneAPITests.deadline(person, "minor_turns_18") == [
            "rule": "minor_turns_18", "state": "due_soon", "due_date": "2026-12-20", "late": false,
        ])
        #expect(try caseworker.post("/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-16", "annual_cost": 365_000]).status == 201)
        let chosen = try caseworker.post(
            "/v1/persons/\(id)/aftercare", ["choice": "stay", "date": "2026-11-22", "follow_up_until": "2030-06-30"])
        #expect(chosen.status == 201, "\(chosen.text)")
        #expect(chosen.json["aftercare"] == ["choice": "stay", "date": "2026-11-22", "follow_up_until": "2030-06-30"])
        #expect(chosen.json["placements"]?.arrayValue?.first?["to"] == "2030-06-30", "staying keeps the placement")
        #expect(chosen.json["follow_up_ends"] == "2030-06-30")
        #expect(MilestoneAPITests.deadline(try caseworker.get("/v1/persons/\(id)"), "minor_turns_18")?["state"] == "met")
        let again = try caseworker.post("/v1/persons/\(id)/aftercare", ["choice": "move_on", "date": "2026-11-22"])
        expectError(again, 409, "conflict")
        #expect(again.details?["state"] == "chosen")
        #expect(try caseworker.post("/v1/persons/\(id)/placements", ["type": "bedsit_follow_up", "from": "2027-01-10", "annual_cost": 120_000]).status == 201, "from 18, once staying")
        #expect(try caseworker.events("minor.aftercare_chosen").map(\.["data"]) == [
            ["person": .integer(id), "choice": "stay", "date": "2026-11-22", "follow_up_until": "2030-06-30"],
        ])
    }

    @Test func theListShowsMinorsUnder25AndTheCostsAreSums() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let young = try Self.minor(caseworker, ["arrived_norway": "2026-06-01"])
        _ = try Self.minor(caseworker, ["duf": "202600004712", "birth": ["date": "2001-01-01"]])
        _ = try Self.minor(caseworker, ["duf": "202600004713", "unaccompanied": false])
        let placed = try caseworker.post("/v1/persons/\(young)/placements", ["type": "foster_home", "from": "2026-07-02", "annual_cost": 365_000])
        #expect(placed.status == 201, "\(placed.text)")
        let listed = try caseworker.send("GET", "/v1/minors?district=alna")
        #expect(listed.status == 200, "\(listed.text)")
        #expect(listed.json == [
            "date": "2026-11-22",
            "minors": [["person": .integer(young), "district": "alna", "age": 16, "turns_18": "2028-03-04", "placement": "foster_home", "service": "childWelfare"]],
        ], "the one of 25 and the accompanied one are not minors")
        #expect(try caseworker.get("/v1/minors?district=bjerke")["minors"] == [])

        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("GET", "/v1/minors"), 403, "forbidden")
        expectError(try viewer.send("GET", "/v1/persons/\(young)/placements"), 403, "forbidden")
        expectError(try viewer.post("/v1/persons/\(young)/placements", ["type": "foster_home", "from": "2026-12-01", "annual_cost": 1]), 403, "forbidden")
        let costs = try viewer.send("GET", "/v1/minors/costs?year=2026")
        #expect(costs.status == 200, "\(costs.text)")
        #expect(costs.json == [
            "year": 2026, "rows": [["district": "alna", "type": "foster_home", "placements": 1, "cost": 183_000]], "placements": 1,
            "cost": 183_000,
        ], "2 July to 31 December: 183 of 365 days")
        #expect(try viewer.get("/v1/minors/costs")["year"] == 2026, "this year by default")
        #expect(try viewer.get("/v1/minors/costs?year=2029")["rows"] == [], "ended the day before the 18th birthday")

        let admin = try Session(harness, as: People.admin)
        let reads = try AuditedReadTests.recordedReads(admin)
        #expect(reads.map(\.["data"]?["subjects"]) == [[.string("person/\(young)")], []], "whom each list showed")
    }

    @Test func theExportHoldsTheRecordsAndAnErasureTakesThem() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.minor(caseworker)
        let client = try harness.connect(as: People.caseworker)
        let stored = try client.request(
            "POST", "/v1/persons/\(id)/representative", json: #"{"name":"Qwerindra Zyxfoss","appointed":"2026-11-11"}"#,
            headers: [("Idempotency-Key", "rep-1")])
        #expect(stored.status == 201, "\(stored.text)")
        _ = try caseworker.post("/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 365_000, "note": "Zyxnotat hos Berg"])
        let export = try caseworker.get("/v1/persons/\(id)/export")
        #expect(export["minor"]?["representative"]?["name"] == "Qwerindra Zyxfoss")
        #expect(export["minor"]?["placements"]?.arrayValue?.first?["note"] == "Zyxnotat hos Berg")
        let needles = ["Qwerindra", "Zyxnotat"]
        #expect(!PersonPrivacyTests.traces(of: needles, in: harness.directory).isEmpty)

        let admin = try Session(harness, as: People.admin)
        #expect(try admin.send("DELETE", "/v1/persons/\(id)", ["reason": "Begjæring om sletting"]).status == 200)
        #expect(PersonPrivacyTests.traces(of: needles, in: harness.directory) == [])
        let gone = try caseworker.send("GET", "/v1/persons/\(id)/placements")
        expectError(gone, 409, "conflict")
        #expect(gone.details?["state"] == "erased")
        #expect(try caseworker.get("/v1/minors/costs?year=2026")["cost"] == 47_000, "the costs stay: 47 days of 2026")
    }

    @Test func aPlacementIsActivityForTheRetentionPurge() throws {
        let harness = try DaemonHarness { $0.privacy.retentionYears = 1 }
        let caseworker = try Session(harness, as: People.caseworker)
        let idle = try Self.minor(caseworker, ["duf": "202600000001"])
        let placed = try Self.minor(caseworker, ["duf": "202600000002"])
        harness.clock.advance(seconds: 200 * 86_400)
        let placement = try caseworker.post("/v1/persons/\(placed)/placements", ["type": "foster_home", "from": "2027-06-01", "annual_cost": 1])
        #expect(placement.status == 201, "\(placement.text)")
        harness.clock.advance(seconds: 200 * 86_400)
        harness.daemon.services.scheduler.fireDue()
        try Session(harness).settle()
        #expect(try caseworker.get("/v1/persons/\(idle)")["erased"] == true, "400 days without activity")
        #expect(try caseworker.get("/v1/persons/\(placed)")["erased"] == false, "placed 200 days ago")
    }

    @Test func aRestartKeepsPlacementsAndTheChoice() throws {
        let daemon = try RestartableDaemon()
        let caseworker = try daemon.session(as: People.caseworker)
        let id = try Self.minor(caseworker, ["birth": ["date": "2008-12-20"]])
        _ = try caseworker.post("/v1/persons/\(id)/placements", ["type": "foster_home", "from": "2026-11-15", "annual_cost": 365_000, "note": "Notat"])
        _ = try caseworker.post("/v1/persons/\(id)/aftercare", ["choice": "move_on", "date": "2026-11-20", "follow_up_until": "2027-12-31"])
        let before = try caseworker.get("/v1/persons/\(id)/placements")
        try daemon.restart()
        let after = try daemon.session(as: People.caseworker).get("/v1/persons/\(id)/placements")
        #expect(after == before)
        #expect(after["placements"]?.arrayValue?.first?["to"] == "2026-12-19", "moving on ends it the day before the 18th birthday")
    }
}
