import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// Housing units, their assignment to cases, the mismatch and the lease review through the
/// real daemon (the harness's clock: 22 November 2026).
@Suite(.serialized) struct HousingAPITests {
    static func unit(_ district: String, kind: String = "municipalOwned", rooms: Int = 3) -> JSONValue {
        ["district": .string(district), "kind": .string(kind), "rooms": .integer(Int64(rooms)), "available_from": "2026-10-01"]
    }

    /// A case in `district` moved to consented.
    static func waitingCase(_ caseworker: Session, _ district: String, persons: Int = 4) throws -> Int64 {
        var body = SettlementCaseAPITests.household.objectValue ?? JSONObject()
        body["district"] = .string(district)
        body["household_size"] = .integer(Int64(persons))
        let id = try SettlementCaseAPITests.open(caseworker, .object(body))
        #expect(try caseworker.post("/v1/settlement/cases/\(id)/consent", [:]).status == 200)
        return id
    }

    @Test func aMunicipalLeaseEndsThreeYearsOnAndTheReviewListsItBeforeItEnds() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        var leased = Self.unit("alna", kind: "municipalLeased").objectValue ?? JSONObject()
        leased["available_from"] = "2024-02-29"
        let created = try ops.put("/v1/housing/alna-trosterud-4", .object(leased))
        #expect(created.status == 201, "\(created.text)")
        #expect(created.json["lease_end"] == "2027-02-28")
        #expect(created.json["status"] == "free")
        let same = try ops.put("/v1/housing/alna-trosterud-4", .object(leased))
        #expect(same.status == 200)
        #expect(same.json["event_seq"] == created.json["event_seq"], "an unchanged unit appends nothing")

        leased["lease_end"] = "2026-12-01"
        _ = try ops.put("/v1/housing/ullern-1", .object(leased))
        _ = try ops.put("/v1/housing/frogner-1", Self.unit("frogner"))

        let viewer = try Session(harness, as: People.viewer)
        let review = try viewer.send("GET", "/v1/housing/leases")
        #expect(review.status == 200, "\(review.text)")
        #expect(review.json["within_days"] == 90)
        #expect(review.json["leases"]?.arrayValue?.map { $0["unit"]?["id"] } == ["ullern-1"])
        #expect(review.json["leases"]?.arrayValue?.first?["days_left"] == 9)
        let longer = try viewer.get("/v1/housing/leases?within=P100D")["leases"]?.arrayValue ?? []
        #expect(longer.map { $0["unit"]?["id"] } == ["ullern-1", "alna-trosterud-4"])
        expectError(try viewer.send("GET", "/v1/housing/leases?within=P1M"), 400, "invalid_field", field: "within")
        expectError(try viewer.put("/v1/housing/x", Self.unit("alna")), 403, "forbidden")
        #expect(try viewer.send("GET", "/v1/housing/units/frogner-1").json["kind"] == "municipalOwned")
        expectError(try viewer.send("GET", "/v1/housing/units/nowhere"), 404, "not_found")
    }

    @Test func badUnitsAreRefusedNamingTheField() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        func refused(_ changes: [String: JSONValue], _ field: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            var body = Self.unit("alna").objectValue ?? JSONObject()
            for (key, value) in changes { body[key] = value }
            expectError(try ops.put("/v1/housing/u-1", .object(body)), 400, "invalid_field", field: field, sourceLocation: sourceLocation)
        }
        try refused(["district": "atlantis"], "district")
        try refused(["kind": "castle"], "kind")
        try refused(["rooms": 0], "rooms")
        try refused(["size": 0], "size")
        try refused(["available_from": "soon"], "available_from")
        try refused(["lease_end": "2030-01-01"], "lease_end")
        expectError(try ops.put("/v1/housing/Not_A_Slug", Self.unit("alna")), 400, "invalid_field", field: "id")
    }

    @Test func assignmentHoldsOneCasePerUnitAndTheMismatchShowsWhereHomesAndHouseholdsAre() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let caseworker = try Session(harness, as: People.caseworker)
        _ = try ops.put("/v1/housing/alna-1", Self.unit("alna"))
        _ = try ops.put("/v1/housing/vestre-aker-1", Self.unit("vestre-aker"))
        let first = try Self.waitingCase(caseworker, "alna", persons: 5)
        let second = try Self.waitingCase(caseworker, "alna", persons: 2)
        let ullern = try Self.waitingCase(caseworker, "ullern")

        let before = try caseworker.get("/v1/housing/mismatch")
        #expect(before["homes_without_households"] == ["vestre-aker"])
        #expect(before["households_without_homes"] == ["ullern"])
        let alnaBefore = before["districts"]?.arrayValue?.first { $0["district"] == "alna" }
        #expect(alnaBefore?["free_units"] == 1 && alnaBefore?["waiting_households"] == 2 && alnaBefore?["waiting_persons"] == 7)

        expectError(try ops.post("/v1/housing/alna-1/assign", ["case": .integer(first)]), 403, "forbidden")
        let assigned = try caseworker.post("/v1/housing/alna-1/assign", ["case": .integer(first)])
        #expect(assigned.status == 200, "\(assigned.text)")
        #expect(assigned.json["status"] == "reserved" && assigned.json["case"] == .integer(first))
        let taken = try caseworker.post("/v1/housing/alna-1/assign", ["case": .integer(second)])
        expectError(taken, 409, "conflict")
        #expect(taken.details?["case"] == .integer(first))
        expectError(try caseworker.post("/v1/housing/vestre-aker-1/assign", ["case": .integer(ullern)]), 400, "invalid_field", field: "case")
        expectError(try caseworker.post("/v1/housing/alna-1/assign", ["case": 99]), 400, "invalid_field", field: "case")
        expectError(try caseworker.post("/v1/housing/nowhere/assign", ["case": .integer(first)]), 404, "not_found")
        #expect(try caseworker.send("GET", "/v1/settlement/cases/\(first)").json["housing"] == "alna-1")

        let after = try caseworker.get("/v1/housing/mismatch")
        // In the districts' order (by number: Ullern is 06, Alna 12).
        #expect(after["households_without_homes"] == ["ullern", "alna"])
        #expect(try caseworker.get("/v1/housing?free=true")["units"]?.arrayValue?.map { $0["id"] } == ["vestre-aker-1"])

        // Settled: the unit stays the household's.
        _ = try caseworker.post("/v1/settlement/cases/\(first)/decide", ["planned": "2026-12-01"])
        let settled = try caseworker.post("/v1/settlement/cases/\(first)/settle", [:])
        #expect(settled.json["housing"] == "alna-1")
        #expect(try caseworker.get("/v1/housing/units/alna-1")["status"] == "occupied")
        let settledEvent = try caseworker.events("case.settled").first
        #expect(settledEvent?["data"]?["housing"] == "alna-1")

        // Withdrawing a case frees its home.
        _ = try caseworker.post("/v1/housing/vestre-aker-1/release", [:])
        var vestre = Self.unit("vestre-aker").objectValue ?? JSONObject()
        vestre["district"] = "ullern"
        _ = try ops.put("/v1/housing/ullern-2", .object(vestre))
        #expect(try caseworker.post("/v1/housing/ullern-2/assign", ["case": .integer(ullern)]).status == 200)
        let moved = try ops.put("/v1/housing/ullern-2", Self.unit("alna"))
        expectError(moved, 409, "conflict")
        let withdrawn = try caseworker.post("/v1/settlement/cases/\(ullern)/withdraw", ["reason": "Familien flyttet selv"])
        #expect(withdrawn.json["housing"] == .null || withdrawn.json["housing"] == nil, "\(withdrawn.text)")
        #expect(try caseworker.get("/v1/housing/units/ullern-2")["status"] == "free")
        let release = try caseworker.post("/v1/housing/ullern-2/release", [:])
        expectError(release, 409, "conflict")
    }
}
