import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// Persons through the real daemon (the harness's clock: 22 November 2026): registering,
/// listing and changing them, each read recorded, events with ids only.
@Suite(.serialized) struct PersonAPITests {
    static let person: JSONValue = [
        "duf": "2026 00004711", "given_name": "Amanuel", "family_name": "Tesfaye Ødegård", "birth": ["date": "2010-03-04"],
        "sex": "male", "nationality": "ER", "languages": ["ti", "ar"], "household": "h-4711", "category": "asylumSeeker",
        "arrived_norway": "2026-11-10", "unaccompanied": true, "vulnerabilities": ["trauma", "health"], "district": "alna",
    ]

    static func register(_ session: Session, _ body: JSONValue = person) throws -> Int64 {
        let registered = try session.post("/v1/persons", body)
        #expect(registered.status == 201, "\(registered.text)")
        return registered.json["id"]?.intValue ?? 0
    }

    static func body(_ changes: [String: JSONValue]) -> JSONValue {
        var body = person.objectValue ?? JSONObject()
        for (key, value) in changes { body[key] = value }
        return .object(body)
    }

    @Test func aPersonIsRegisteredShownAndListedAndEachReadIsRecorded() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let registered = try caseworker.post("/v1/persons", Self.person)
        #expect(registered.status == 201, "\(registered.text)")
        let id = try #require(registered.json["id"]?.intValue)
        #expect(registered.json["duf"] == "202600004711", "stored without spaces")
        #expect(registered.json["status"] == "asylumSeeker", "the default")
        #expect(registered.json["vulnerabilities"] == ["health", "trauma"], "sorted")
        #expect(registered.json["birth"] == ["date": "2010-03-04", "estimated": false])
        #expect(registered.json["arrival_year"] == 2026)
        #expect(registered.json["erased"] == false)
        #expect(registered.json["event_seq"]?.intValue != nil)

        let shown = try caseworker.send("GET", "/v1/persons/\(id)")
        #expect(shown.status == 200, "\(shown.text)")
        #expect(shown.json["family_name"] == "Tesfaye Ødegård")
        #expect(shown.json["milestones"] == [])
        let deadlines = shown.json["deadlines"]?.arrayValue ?? []
        let tb = deadlines.first { $0["rule"] == "tb_screening" }
        #expect(tb?["state"] == "due_soon", "14 days from the arrival on 10 November: due 24 November, 3 days ahead")
        #expect(tb?["due_date"] == "2026-11-24")
        #expect(deadlines.first { $0["rule"] == "representative" }?["state"] == "overdue", "an unaccompanied minor")

        _ = try Self.register(caseworker, Self.body(["duf": "202600004712", "household": "h-9", "district": "bjerke"]))
        let listed = try caseworker.send("GET", "/v1/persons?district=alna")
        #expect(listed.status == 200, "\(listed.text)")
        #expect(listed.json["persons"]?.arrayValue?.map { $0["id"] } == [.integer(id)])
        #expect(listed.json["persons"]?.arrayValue?.first?["deadlines"] == nil, "a list has no deadlines")
        let household = try caseworker.send("GET", "/v1/persons?household=h-9")
        #expect(household.json["persons"]?.arrayValue?.map { $0["district"] } == ["bjerke"])
        expectError(try caseworker.send("GET", "/v1/persons?status=sleeping"), 400, "invalid_field", field: "status")
        expectError(try caseworker.send("GET", "/v1/persons?household=H%209"), 400, "invalid_field", field: "household")
        expectError(try caseworker.send("GET", "/v1/persons/99"), 404, "not_found")

        let admin = try Session(harness, as: People.admin)
        let reads = try AuditedReadTests.recordedReads(admin)
        #expect(reads.map(\.["subject"]) == [.string("person/\(id)"), .null, .null], "the show and two lists; not the refusals")
        #expect(reads.allSatisfy { $0["actor"]?["user"] == "nav-alna" })
        #expect(reads.map(\.["data"]?["subjects"]) == [nil, [.string("person/\(id)")], ["person/2"]], "whom each list showed")

        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("GET", "/v1/persons/\(id)"), 403, "forbidden")
        expectError(try viewer.send("GET", "/v1/persons"), 403, "forbidden")
        expectError(try viewer.post("/v1/persons", Self.person), 403, "forbidden")
        expectError(try viewer.patch("/v1/persons/\(id)", ["status": "settled"]), 403, "forbidden")
        expectError(try viewer.post("/v1/persons/\(id)/milestones", ["milestone": "tb_screening"]), 403, "forbidden")
        expectError(try viewer.send("GET", "/v1/persons/\(id)/export"), 403, "forbidden")
        expectError(try caseworker.send("DELETE", "/v1/persons/\(id)", ["reason": "x"]), 403, "forbidden")
    }

    @Test func eventsNameThePersonAndTheChangedFieldsOnlyAndAreForCaseworkers() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.register(caseworker)
        let changed = try caseworker.patch(
            "/v1/persons/\(id)", ["family_name": "Tesfaye", "status": "residenceGranted", "household": .null, "nationality": "ER"])
        #expect(changed.status == 200, "\(changed.text)")
        #expect(changed.json["family_name"] == "Tesfaye")
        #expect(changed.json["status"] == "residenceGranted")
        #expect(changed.json["household"] == nil, "null clears it")
        #expect(changed.json["given_name"] == "Amanuel", "what is not given stays")

        let events = try caseworker.events("person.")
        #expect(events.map { $0["type"] } == ["person.registered", "person.changed"])
        #expect(events.first?["data"] == ["person": .integer(id)])
        #expect(events.last?["data"] == ["person": .integer(id), "fields": ["family_name", "household", "status"]])
        #expect(events.allSatisfy { $0["subject"] == .string("person/\(id)") })
        let everything = events.map { $0.serializedString() }.joined()
        #expect(!everything.contains("Tesfaye") && !everything.contains("4711") && !everything.contains("Amanuel"))
        let viewer = try Session(harness, as: People.viewer)
        #expect(try viewer.events("person.").isEmpty, "person events need cases")
        // Nor do alerts, notifications or the incident log name them.
        let root = try Session(harness)
        for path in ["/v1/log?limit=1000", "/v1/alerts", "/v1/notifications"] {
            let text = try root.send("GET", path).text
            #expect(!text.contains("Tesfaye") && !text.contains("Amanuel") && !text.contains("4711"), "\(path)")
        }

        // Nothing changed: no event.
        let same = try caseworker.patch("/v1/persons/\(id)", ["family_name": "Tesfaye"])
        #expect(same.status == 200, "\(same.text)")
        #expect(try caseworker.events("person.").count == 2)
    }

    @Test func aDUFNumberBelongsToOnePerson() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let first = try Self.register(caseworker)
        let again = try caseworker.post("/v1/persons", Self.body(["given_name": "Someone"]))
        expectError(again, 409, "conflict", field: "duf")
        #expect(again.details?["person"]?.intValue == first)
        let second = try Self.register(caseworker, Self.body(["duf": "202600004799"]))
        let taken = try caseworker.patch("/v1/persons/\(second)", ["duf": "202600004711"])
        expectError(taken, 409, "conflict", field: "duf")
        #expect(taken.details?["person"]?.intValue == first)
        #expect(try caseworker.patch("/v1/persons/\(first)", ["duf": "2026 0000 4711"]).status == 200, "its own number")
    }

    @Test func everyBadFieldIsRefusedNamingIt() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        let caseworker = try Session(harness, as: People.caseworker)
        func refused(_ changes: [String: JSONValue], _ field: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            expectError(try caseworker.post("/v1/persons", Self.body(changes)), 400, "invalid_field", field: field,
                        sourceLocation: sourceLocation)
        }
        try refused(["duf": "12345"], "duf")
        try refused(["duf": "180012345678"], "duf")
        try refused(["given_name": "  "], "given_name")
        try refused(["family_name": .string(String(repeating: "x", count: 101))], "family_name")
        try refused(["family_name": "Tab\u{7}"], "family_name")
        try refused(["birth": ["date": "2027-01-01"]], "birth.date")
        try refused(["birth": ["year": 1800]], "birth.year")
        try refused(["birth": ["year": 2010, "estimated": false]], "birth.estimated")
        try refused(["birth": [:]], "birth.date")
        try refused(["sex": "x"], "sex")
        try refused(["nationality": "eri"], "nationality")
        try refused(["languages": ["ti", "Tigrinya"]], "languages[1]")
        try refused(["household": "Hus 1"], "household")
        try refused(["category": "tourist"], "category")
        try refused(["status": "sleeping"], "status")
        try refused(["arrived_norway": "2026-12-01"], "arrived_norway")
        try refused(["arrived_city": "2026-11-01"], "arrived_city")
        try refused(["facility": "nowhere"], "facility")
        try refused(["district": "atlantis"], "district")
        try refused(["vulnerabilities": ["lonely"]], "vulnerabilities[0]")
        try refused(["unaccompanied": "yes"], "unaccompanied")
        try refused(["shoe_size": 44], "shoe_size")
        #expect(try caseworker.post("/v1/persons", Self.body(["facility": "refstad", "birth": ["year": 2008]])).status == 201)

        let id = try Self.register(caseworker, Self.body(["duf": "202600000001"]))
        expectError(try caseworker.patch("/v1/persons/\(id)", ["given_name": ""]), 400, "invalid_field", field: "given_name")
        expectError(try caseworker.patch("/v1/persons/\(id)", ["duf": .null]), 400, "invalid_field", field: "duf")
        expectError(try caseworker.patch("/v1/persons/\(id)", [:]), 400, "invalid_field", field: "body")
        expectError(try caseworker.patch("/v1/persons/99", ["sex": "female"]), 404, "not_found")
    }
}
