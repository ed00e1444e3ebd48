import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// A person's facility and the facilities' head counts never disagree: registering, moving and
/// leaving are flows through the capacity write path. And a status follows the order of a case.
@Suite(.serialized) struct PersonMoveTests {
    static func occupied(_ session: Session, _ facility: String) throws -> Int64? {
        try session.get("/v1/facilities/\(facility)")["occupied"]?.intValue
    }

    @Test func registeringMovingAndLeavingAreFlowsInTheHeadCounts() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        #expect(try (200..<300).contains(root.putFacility("ila", ["name": "Ila mottak", "kind": "ordinary"]).status))
        #expect(try root.headCount("refstad", 10).status == 201)
        harness.clock.advance(seconds: 60)
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker, PersonAPITests.body(["facility": "refstad"]))
        #expect(try Self.occupied(root, "refstad") == 11, "registered at Refstad: one arrival")
        let arrival = try root.events("arrival.recorded").last
        #expect(arrival?["data"]?["count"] == 1)
        #expect(arrival?["data"]?["category"] == "minor_15_17", "an unaccompanied minor of 16")

        let moved = try caseworker.patch("/v1/persons/\(id)", ["facility": "ila"])
        #expect(moved.status == 200, "\(moved.text)")
        #expect(try Self.occupied(root, "refstad") == 10)
        #expect(try Self.occupied(root, "ila") == 1, "a transfer")
        #expect(try root.events("departure.recorded").last?["data"]?["reason"] == "transferred")
        #expect(moved.json["event_seq"] == (try root.events("arrival.").last?["seq"]), "the answer names the last event")

        #expect(try caseworker.patch("/v1/persons/\(id)", ["family_name": "Tesfaye"]).status == 200)
        #expect(try Self.occupied(root, "ila") == 1, "no move, no flow")

        #expect(try caseworker.patch("/v1/persons/\(id)", ["status": "residenceGranted"]).status == 200)
        let left = try caseworker.patch("/v1/persons/\(id)", ["facility": .null, "status": "settled", "district": "alna"])
        #expect(left.status == 200, "\(left.text)")
        #expect(try Self.occupied(root, "ila") == 0)
        #expect(try root.events("departure.recorded").last?["data"]?["reason"] == "settled")
        let everything = try (root.events("arrival.") + root.events("departure.")).map { $0.serializedString() }.joined()
        #expect(!everything.contains("Amanuel") && !everything.contains("4711"), "flows carry counts, not persons")
    }

    @Test func aMoveTheCapacityPathRefusesChangesNothing() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        #expect(try (200..<300).contains(root.putFacility("ila", ["name": "Ila mottak", "status": "closed"]).status))
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker, PersonAPITests.body(["facility": "refstad"]))
        let refused = try caseworker.patch("/v1/persons/\(id)", ["facility": "ila", "family_name": "Other"])
        expectError(refused, 409, "conflict")
        #expect(refused.text.contains("closed"), "the capacity route's own message")
        let shown = try caseworker.send("GET", "/v1/persons/\(id)")
        #expect(shown.json["facility"] == "refstad", "all or nothing: the person is unchanged")
        #expect(shown.json["family_name"] == "Tesfaye Ødegård")
        #expect(try Self.occupied(root, "refstad") == 1)
    }

    @Test func aStatusFollowsTheOrderOfACaseUnlessAMistakeIsCorrected() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker)
        let skipped = try caseworker.patch("/v1/persons/\(id)", ["status": "settled"])
        expectError(skipped, 409, "conflict", field: "status")
        #expect(skipped.details?["state"] == "asylumSeeker")
        #expect(skipped.details?["allowed"] == ["residenceGranted", "refused", "departed"])
        #expect(try caseworker.patch("/v1/persons/\(id)", ["status": "settled", "force": true]).status == 200, "a correction")
        #expect(try caseworker.patch("/v1/persons/\(id)", ["status": "asylumSeeker"]).status == 409)
        expectError(try caseworker.patch("/v1/persons/\(id)", ["force": "yes"]), 400, "invalid_field", field: "force")
        expectError(try caseworker.patch("/v1/persons/\(id)", ["force": true]), 400, "invalid_field", field: "body")
        #expect(try caseworker.patch("/v1/persons/\(id)", ["status": "departed"]).status == 200)
        #expect(try caseworker.patch("/v1/persons/\(id)", ["status": "asylumSeeker"]).status == 200, "came back")
    }
}
