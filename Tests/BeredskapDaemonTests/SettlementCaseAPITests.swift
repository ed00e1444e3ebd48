import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// Settlement cases through the real daemon (the harness's clock: 22 November 2026).
@Suite(.serialized) struct SettlementCaseAPITests {
    static let household: JSONValue = [
        "district": "alna", "mode": "ordinary", "household_size": 4, "unaccompanied_minors": 1,
        "requested_on": "2026-11-02", "reference": "IMDi 2026/4711", "note": "Familien Haddad, to barn",
    ]

    static func open(_ session: Session, _ body: JSONValue = household) throws -> Int64 {
        let opened = try session.post("/v1/settlement/cases", body)
        #expect(opened.status == 201, "\(opened.text)")
        return opened.json["id"]?.intValue ?? 0
    }

    @Test func aCaseGoesFromRequestToSettledAndItsEventsCarryNoPersonData() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let opened = try caseworker.post("/v1/settlement/cases", Self.household)
        #expect(opened.status == 201, "\(opened.text)")
        #expect(opened.json["state"] == "requested")
        #expect(opened.json["year"] == 2026)
        #expect(opened.json["allowed"] == ["consent", "decline", "withdraw"])
        #expect(opened.json["event_seq"]?.intValue != nil)
        let id = try #require(opened.json["id"]?.intValue)

        let consented = try caseworker.post("/v1/settlement/cases/\(id)/consent", ["date": "2026-11-05"])
        #expect(consented.status == 200, "\(consented.text)")
        #expect(consented.json["consented_on"] == "2026-11-05")
        let decided = try caseworker.post("/v1/settlement/cases/\(id)/decide", ["planned": "2026-12-15"])
        #expect(decided.json["state"] == "decided")
        #expect(decided.json["planned_on"] == "2026-12-15")
        #expect(decided.json["decided_on"] == "2026-11-22", "today by default")
        let settled = try caseworker.post("/v1/settlement/cases/\(id)/settle", [:])
        #expect(settled.json["state"] == "settled")
        #expect(settled.json["settled_on"] == "2026-11-22", "earlier than planned")
        #expect(settled.json["allowed"] == [])

        let viewer = try Session(harness, as: People.viewer)
        let events = try viewer.get("/v1/events?limit=1000")["events"]?.arrayValue ?? []
        let types = events.compactMap { $0["type"]?.stringValue }.filter { $0.hasPrefix("case.") }
        #expect(types == ["case.requested", "case.consented", "case.decided", "case.settled"])
        let settledEvent = try #require(events.first { $0["type"] == "case.settled" })
        #expect(settledEvent["data"] == [
            "case": .integer(id), "district": "alna", "date": "2026-11-22", "count": 4, "mode": "ordinary", "year": 2026,
        ])
        let everything = events.map { $0.serializedString() }.joined()
        #expect(!everything.contains("Haddad") && !everything.contains("4711"))
    }

    /// A settled case is one of the settlement records progress counts, written in the same
    /// transaction as the step; the other steps write none.
    @Test func aSettledCaseIsCountedInProgress() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let operator_ = try Session(harness, as: People.operatorByGroup)
        let adopted = try operator_.put(
            "/v1/settlement/years/2026/quotas", ["quotas": SettlementProgressAPITests.quotas(), "method": "manual"])
        #expect(adopted.status == 200, "\(adopted.text)")
        let id = try Self.open(caseworker)
        _ = try caseworker.post("/v1/settlement/cases/\(id)/consent", [:])
        _ = try caseworker.post("/v1/settlement/cases/\(id)/decide", ["planned": "2026-12-15"])
        #expect(try operator_.get("/v1/settlement/records?year=2026")["records"]?.arrayValue?.isEmpty == true)

        let settled = try caseworker.post("/v1/settlement/cases/\(id)/settle", ["date": "2026-11-20"])
        #expect(settled.status == 200, "\(settled.text)")
        let records = try operator_.get("/v1/settlement/records?year=2026&district=alna")["records"]?.arrayValue ?? []
        #expect(records.count == 1)
        #expect(records.first?["case"]?.intValue == id)
        #expect(records.first?["source"] == "case")
        #expect(records.first?["count"] == 4)
        #expect(records.first?["date"] == "2026-11-20")
        let progress = try operator_.get("/v1/settlement/years/2026/progress?at=2026-11-22")
        let alna = progress["districts"]?.arrayValue?.first { $0["district"] == "alna" }
        #expect(alna?["settled"] == 4, "\(progress)")
    }

    @Test func personDataNeedsCasesAndEachReadIsRecorded() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.open(caseworker)
        let shown = try caseworker.send("GET", "/v1/settlement/cases/\(id)")
        #expect(shown.status == 200, "\(shown.text)")
        #expect(shown.json["person"]?["reference"] == "IMDi 2026/4711")
        #expect(shown.json["person"]?["note"] == "Familien Haddad, to barn")
        // The list has no person data.
        let listed = try caseworker.get("/v1/settlement/cases?district=alna")["cases"]?.arrayValue ?? []
        #expect(listed.count == 1)
        #expect(listed.first?["person"] == nil || listed.first?["person"] == .null)

        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("GET", "/v1/settlement/cases/\(id)"), 403, "forbidden")
        expectError(try viewer.send("GET", "/v1/settlement/cases"), 403, "forbidden")
        expectError(try viewer.post("/v1/settlement/cases", Self.household), 403, "forbidden")
        expectError(try viewer.post("/v1/settlement/cases/\(id)/consent", [:]), 403, "forbidden")
        // Aggregates are for read.
        let summary = try viewer.send("GET", "/v1/settlement/case-summary?year=2026")
        #expect(summary.status == 200, "\(summary.text)")
        let alna = summary.json["districts"]?.arrayValue?.first { $0["district"] == "alna" }
        #expect(alna?["cases"]?["requested"] == 1)
        #expect(alna?["persons"]?["requested"] == 4)
        #expect(summary.json["total"]?["cases"]?["settled"] == 0)
        #expect(!summary.text.contains("Haddad"))

        let admin = try Session(harness, as: People.admin)
        let reads = try AuditedReadTests.recordedReads(admin)
        #expect(reads.count == 1)
        #expect(reads.first?["subject"] == .string("case/\(id)"))
        #expect(reads.first?["actor"]?["user"] == "nav-alna")
    }

    @Test func aStepNotAllowedFromTheStateIsAConflictNamingTheState() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.open(caseworker)
        let early = try caseworker.post("/v1/settlement/cases/\(id)/settle", [:])
        expectError(early, 409, "conflict")
        #expect(early.details?["state"] == "requested")
        #expect(early.message?.contains("consent, decline, withdraw") == true)

        let declined = try caseworker.post("/v1/settlement/cases/\(id)/decline", ["reason": "Ingen egnet bolig i bydelen"])
        #expect(declined.json["state"] == "declined", "\(declined.text)")
        let again = try caseworker.post("/v1/settlement/cases/\(id)/consent", [:])
        expectError(again, 409, "conflict")
        #expect(again.details?["state"] == "declined")
        let shown = try caseworker.send("GET", "/v1/settlement/cases/\(id)")
        #expect(shown.json["person"]?["decline_reason"] == "Ingen egnet bolig i bydelen")
        // The reason is not in the event.
        let events = try caseworker.get("/v1/events?type=case.declined")["events"]?.arrayValue ?? []
        #expect(events.count == 1)
        #expect(events.first.map { !$0.serializedString().contains("bolig") } == true)

        expectError(try caseworker.post("/v1/settlement/cases/99/consent", [:]), 404, "not_found")
        expectError(try caseworker.send("GET", "/v1/settlement/cases/99"), 404, "not_found")
    }

    @Test func badInputIsRefusedNamingTheField() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        func refused(_ changes: [String: JSONValue], _ field: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            var body = Self.household.objectValue ?? JSONObject()
            for (key, value) in changes { body[key] = value }
            expectError(try caseworker.post("/v1/settlement/cases", .object(body)), 400, "invalid_field", field: field,
                        sourceLocation: sourceLocation)
        }
        try refused(["district": "atlantis"], "district")
        try refused(["mode": "lottery"], "mode")
        try refused(["household_size": 0], "household_size")
        try refused(["unaccompanied_minors": 5], "unaccompanied_minors")
        try refused(["requested_on": "2026-11-31"], "requested_on")
        try refused(["requested_on": "2026-11-23"], "requested_on")
        try refused(["year": 2020], "year")
        try refused(["reference": ""], "reference")
        try refused(["note": .string(String(repeating: "x", count: 2001))], "note")
        try refused(["colour": "blue"], "colour")

        let id = try Self.open(caseworker)
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/decline", [:]), 400, "invalid_field", field: "reason")
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/consent", ["reason": "x"]), 400, "invalid_field", field: "reason")
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/consent", ["planned": "2026-12-01"]), 400, "invalid_field", field: "planned")
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/consent", ["date": "2026-11-01"]), 400, "invalid_field", field: "date")
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/consent", ["date": "2026-11-23"]), 400, "invalid_field", field: "date")
        _ = try caseworker.post("/v1/settlement/cases/\(id)/consent", [:])
        expectError(try caseworker.post("/v1/settlement/cases/\(id)/decide", [:]), 400, "invalid_field", field: "planned")
        expectError(try caseworker.post("/v1/settlement/cases/x/consent", [:]), 400, "invalid_field", field: "id")
        expectError(try caseworker.send("GET", "/v1/settlement/cases?state=lost"), 400, "invalid_field", field: "state")
        expectError(try caseworker.send("GET", "/v1/settlement/cases?year=20"), 400, "invalid_field", field: "year")
        let filtered = try caseworker.get("/v1/settlement/cases?state=consented&year=2026")["cases"]?.arrayValue ?? []
        #expect(filtered.map { $0["id"]?.intValue } == [id])
        #expect(try caseworker.get("/v1/settlement/cases?state=requested")["cases"]?.arrayValue?.isEmpty == true)
    }
}
