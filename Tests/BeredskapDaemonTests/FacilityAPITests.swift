import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// The per-facility cap (API.md, "The cap") on every path that can set a capacity.
@Suite(.serialized) struct FacilityCapAPITests {
    /// (what, whether the facility exists first, method, body, the field over the cap, its value)
    static let overTheCap: [(String, Bool, String, JSONValue, String, Int64)] = [
        ("PUT create", false, "PUT", Fixture.facility(["capacity": 1001]), "capacity", 1001),
        (
            "PUT create with expansion", false, "PUT", Fixture.facility(["capacity": 800, "expansion_capacity": 1200]),
            "expansion_capacity", 1200
        ),
        ("PUT replace", true, "PUT", Fixture.facility(["capacity": 1500]), "capacity", 1500),
        ("PATCH capacity", true, "PATCH", ["capacity": 1001], "capacity", 1001),
        ("PATCH expansion_capacity", true, "PATCH", ["expansion_capacity": 1001], "expansion_capacity", 1001),
        ("a planned facility", false, "PUT", Fixture.facility(["status": "planned", "capacity": 2000]), "capacity", 2000),
        ("a standby facility's expansion", true, "PATCH", ["status": "standby", "expansion_capacity": 5000], "expansion_capacity", 5000),
    ]

    @Test(arguments: overTheCap)
    func everyPathThatSetsACapacityRefusesMoreThanTheCap(
        _ path: String, _ existing: Bool, _ method: String, _ body: JSONValue, _ field: String, _ requested: Int64
    ) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        if existing { #expect(try ops.putFacility("refstad").status == 201) }
        let before = try ops.lastEventSeq()
        let refused = try ops.send(method, "/v1/facilities/refstad", body)
        expectError(refused, 409, "cap_exceeded")
        #expect(refused.details?["cap"]?.intValue == 1000, "\(path)")
        #expect(refused.details?["requested"]?.intValue == requested, "\(path)")
        #expect(refused.details?["field"]?.stringValue == field, "\(path)")
        #expect(try ops.lastEventSeq() == before, "nothing appended")
        let stored = try ops.send("GET", "/v1/facilities/refstad")
        #expect(stored.status == (existing ? 200 : 404))
        if existing { #expect(stored.json["capacity"]?.intValue == 200) }
    }

    @Test func exactlyTheCapIsAllowedWithoutAnOverride() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.putFacility("oslo-mottak", ["capacity": 1000, "expansion_capacity": 1000])
        #expect(created.status == 201)
        #expect(created.json["over_cap"]?.boolValue == false)
        #expect(created.json["cap_override"]?.isNull == true)
        let patched = try ops.patch("/v1/facilities/oslo-mottak", ["capacity": 900, "expansion_capacity": 1000])
        #expect(patched.status == 200)
        #expect(try ops.events("facility.cap_").isEmpty)
    }

    @Test func anOverrideFromAnOperatorIsForbiddenEvenWithinTheCap() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let withinCap = try ops.putFacility("refstad", ["capacity": 100, "cap_override": Fixture.override])
        expectError(withinCap, 403, "forbidden")
        #expect(withinCap.details?["permission"]?.stringValue == "admin")
        let aboveCap = try ops.putFacility("refstad", ["capacity": 1200, "cap_override": Fixture.override])
        #expect(aboveCap.details?["permission"]?.stringValue == "admin")
        #expect(try ops.send("GET", "/v1/facilities/refstad").status == 404)
        #expect(try ops.putFacility("refstad").status == 201)
        let patch = try ops.patch("/v1/facilities/refstad", ["status": "closing", "cap_override": Fixture.override])
        expectError(patch, 403, "forbidden")
        #expect(patch.details?["permission"]?.stringValue == "admin")
        #expect(try ops.facility("refstad")["status"]?.stringValue == "open")
    }

    @Test func anAdministratorsOverrideIsStoredUntilTheCapacityIsBackWithinTheCap() throws {
        let harness = try DaemonHarness()
        let admin = try Session(harness, as: People.admin)
        // An administrator needs the override too: the cap is a decision to record, not a rank.
        expectError(try admin.putFacility("oslo-mottak", ["capacity": 1200]), 409, "cap_exceeded")
        let created = try admin.putFacility("oslo-mottak", ["capacity": 1200, "cap_override": Fixture.override])
        #expect(created.status == 201)
        #expect(created.json["over_cap"]?.boolValue == true)
        #expect(created.json["capacity"]?.intValue == 1200)
        let override = created.json["cap_override"]
        #expect(override?["by"]?.stringValue == "beredskapsetaten")
        #expect(override?["reason"] == Fixture.override["reason"])
        #expect(override?["cap"]?.intValue == 1000)
        #expect(override?["at"]?.stringValue == harness.clock.now().rfc3339)
        var events = try admin.events("facility.")
        #expect(events.map { $0["type"]?.stringValue } == ["facility.created", "facility.cap_breached"])
        let breached = events.last
        #expect(breached?["data"]?["cap"]?.intValue == 1000)
        #expect(breached?["data"]?["capacity"]?.intValue == 1200)
        // The reason is the facility's (above) and its override row's, which the event names.
        #expect(breached?["data"]?["reason"] == nil)
        #expect(breached?["data"]?["override"]?.intValue == 1)
        #expect(breached?["actor"]?["user"]?.stringValue == "beredskapsetaten")
        #expect(created.json["event_seq"] == breached?["seq"])

        // Changing only the status needs no new override, even from an operator.
        let ops = try Session(harness, as: People.operatorByGroup)
        let closing = try ops.patch("/v1/facilities/oslo-mottak", ["status": "closing"])
        #expect(closing.status == 200)
        #expect(closing.json["cap_override"] == override)
        #expect(closing.json["over_cap"]?.boolValue == true)
        // Going further above the cap does.
        let further = try ops.patch("/v1/facilities/oslo-mottak", ["capacity": 1300])
        expectError(further, 409, "cap_exceeded")
        #expect(further.details?["requested"]?.intValue == 1300)

        let restored = try ops.patch("/v1/facilities/oslo-mottak", ["capacity": 900])
        #expect(restored.status == 200)
        #expect(restored.json["over_cap"]?.boolValue == false)
        #expect(restored.json["cap_override"]?.isNull == true)
        events = try admin.events("facility.")
        #expect(events.map { $0["type"]?.stringValue } == [
            "facility.created", "facility.cap_breached", "facility.updated", "facility.updated", "facility.cap_restored",
        ])
        #expect(events.last?["data"]?["capacity"]?.intValue == 900)
        #expect(restored.json["event_seq"] == events.last?["seq"])
        #expect(try ops.facility("oslo-mottak")["cap_override"]?.isNull == true)
    }

    @Test func aConfiguredCapIsHonoured() throws {
        let harness = try DaemonHarness { $0.capacity.cap = 500 }
        let ops = try Session(harness, as: People.operatorByGroup)
        let refused = try ops.putFacility("torshov", ["capacity": 501])
        expectError(refused, 409, "cap_exceeded")
        #expect(refused.details?["cap"]?.intValue == 500)
        #expect(refused.message?.contains("500") == true)
        #expect(try ops.putFacility("torshov", ["capacity": 500]).status == 201)
        #expect(try ops.get("/v1/facilities")["cap"]?.intValue == 500)
        let admin = try Session(harness, as: People.admin)
        let overridden = try admin.putFacility("refstad", ["capacity": 600, "cap_override": Fixture.override])
        #expect(overridden.json["cap_override"]?["cap"]?.intValue == 500)
        #expect(overridden.json["over_cap"]?.boolValue == true)
    }

    @Test func anOverrideNeedsAReason() throws {
        let harness = try DaemonHarness()
        let admin = try Session(harness, as: People.admin)
        let blank = try admin.putFacility("refstad", ["capacity": 1200, "cap_override": ["reason": "   "]])
        expectError(blank, 400, "invalid_field", field: "cap_override.reason")
        let missing = try admin.putFacility("refstad", ["capacity": 1200, "cap_override": [:]])
        expectError(missing, 400, "invalid_field", field: "cap_override.reason")
    }
}

/// Facility definitions that do not validate, and what a PUT that changes nothing answers.
@Suite(.serialized) struct FacilityValidationAPITests {
    /// Changes that do not validate, each of one field, which the error names.
    static let badDefinitions: [JSONValue] = [
        ["capacity": -1], ["blocked": -5], ["expansion_capacity": -1], ["capacity": 100_001], ["capacity": "200"],
        ["blocked": 201], ["expansion_capacity": 150], ["kind": "hotel"], ["status": "shut"], ["authority": "udi"],
        ["district": "oslo-sentrum"], ["capacty": 100], ["name": ""], ["name": nil], ["name": " \t "], ["operator": "  "],
    ]
    static let badPatches: [JSONValue] = [
        ["name": nil], ["capacity": nil], ["kind": nil], ["status": nil], ["staus": "closed"], ["blocked": 300],
        ["expansion_capacity": 100], ["district": "atlantis"], ["status": "gone"], ["operator": " "],
    ]
    /// A PUT sends the fixture with the change, a PATCH the change alone.
    static let badChanges = badDefinitions.map { ("PUT", $0) } + badPatches.map { ("PATCH", $0) }

    @Test(arguments: badChanges)
    func aBadDefinitionNamesTheFieldAndChangesNothing(_ method: String, _ changes: JSONValue) throws {
        let field = try #require(changes.objectValue?.keys.first)
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.putFacility("refstad", ["expansion_capacity": 250])
        let body = method == "PUT" ? Fixture.facility(changes) : changes
        expectError(try ops.send(method, "/v1/facilities/refstad", body), 400, "invalid_field", field: field)
        let stored = try ops.facility("refstad")
        #expect(stored["updated_at"] == created.json["updated_at"])
        #expect(stored["expansion_capacity"]?.intValue == 250)
        #expect(try ops.events("facility.").count == 1)
    }

    @Test func anUnknownKindListsTheKinds() throws {
        let harness = try DaemonHarness()
        let response = try Session(harness).putFacility("refstad", ["kind": "hotel"])
        let kinds = "arrival, transit, ordinary, integration, careCentre, minorReception, emergency, settlementCentre"
        #expect(response.message?.contains(kinds) == true, "\(response.message ?? "")")
        let status = try Session(harness).putFacility("refstad", ["status": "shut"])
        #expect(status.message?.contains("planned, standby, open, closing, closed") == true)
        #expect(try Session(harness).send("GET", "/v1/facilities/refstad").status == 404)
    }

    @Test func namesAreStoredWithoutSurroundingWhiteSpace() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.putFacility("refstad", ["name": "  Refstad  ", "operator": "Hero Norge "])
        #expect(created.json["name"]?.stringValue == "Refstad")
        #expect(created.json["operator"]?.stringValue == "Hero Norge")
        #expect(try ops.putFacility("refstad", ["name": "Refstad"]).json["changed"]?.boolValue == false)
    }

    @Test func aPatchMayClearTheOptionalFields() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["expansion_capacity": 250, "blocked": 20, "note": "Fløy B stengt"])
        let cleared = try ops.send(
            "PATCH", "/v1/facilities/refstad", ["district": nil, "expansion_capacity": nil, "blocked": nil, "note": nil])
        #expect(cleared.status == 200)
        for field in ["district", "expansion_capacity", "note"] { #expect(cleared.json[field]?.isNull == true, "\(field)") }
        #expect(cleared.json["blocked"]?.intValue == 0)
        #expect(cleared.json["available"]?.intValue == 200)
        let event = try ops.events("facility.updated").last
        #expect(event?["data"]?["changed"] == ["district", "expansion_capacity", "blocked", "note"])
    }

    @Test func badIdsAndUnknownFacilities() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        for id in ["Refstad", "-refstad", "ref%20stad", String(repeating: "a", count: 65)] {
            expectError(try ops.putFacility(id), 400, "invalid_field", field: "id")
        }
        let missing = try ops.send("GET", "/v1/facilities/nowhere")
        expectError(missing, 404, "not_found")
        #expect(missing.details?["id"]?.stringValue == "nowhere")
        expectError(try ops.patch("/v1/facilities/nowhere", ["status": "open"]), 404, "not_found")
        expectError(try ops.headCount("nowhere", 3), 404, "not_found")
        expectError(try ops.arrive("nowhere", 3), 404, "not_found", field: "facility")
        expectError(try ops.send("DELETE", "/v1/facilities/refstad"), 405, "method_not_allowed")
    }

    @Test func aPutThatChangesNothingAppendsNoEvent() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.putFacility("refstad", ["blocked": 0, "district": nil])
        #expect(created.status == 201)
        #expect(created.json["created"]?.boolValue == true)
        let seq = try #require(created.json["event_seq"]?.intValue)
        try ops.arrive("refstad", 12)
        let last = try ops.lastEventSeq()

        harness.advance(hours: 1)
        let again = try ops.putFacility("refstad", ["district": nil])
        #expect(again.status == 200)
        #expect(again.json["created"]?.boolValue == false)
        #expect(again.json["changed"]?.boolValue == false)
        #expect(again.json["event_seq"]?.intValue == seq)
        #expect(again.json["updated_at"] == created.json["updated_at"])
        let emptyPatch = try ops.patch("/v1/facilities/refstad", [:])
        #expect(emptyPatch.json["changed"]?.boolValue == false)
        #expect(try ops.lastEventSeq() == last)

        // A replace that changes something keeps the head count and says what changed.
        let replaced = try ops.putFacility("refstad", ["district": nil, "capacity": 250])
        #expect(replaced.json["changed"]?.boolValue == true)
        #expect(replaced.json["occupied"]?.intValue == 12)
        #expect(try ops.events("facility.updated").last?["data"]?["changed"] == ["capacity"])
    }
}
