import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// A person's milestones through the real daemon (22 November 2026): one per kind, corrected
/// with a reason, and the deadlines they start and meet.
@Suite(.serialized) struct MilestoneAPITests {
    static func deadline(_ person: JSONValue, _ rule: String) -> JSONValue? {
        person["deadlines"]?.arrayValue?.first { $0["rule"]?.stringValue == rule }
    }

    @Test func aMilestoneIsRecordedOnceAndMeetsItsDeadline() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker)
        let recorded = try caseworker.post(
            "/v1/persons/\(id)/milestones", ["milestone": "tb_screening", "date": "2026-11-20", "note": "Lungerøntgen ved Ullevål"])
        #expect(recorded.status == 201, "\(recorded.text)")
        #expect(recorded.json["milestones"] == [
            ["milestone": "tb_screening", "date": "2026-11-20", "note": "Lungerøntgen ved Ullevål", "corrections": []],
        ])
        #expect(Self.deadline(recorded.json, "tb_screening")?["state"] == "met")
        #expect(Self.deadline(recorded.json, "tb_screening")?["late"] == false)

        let again = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "tb_screening"])
        expectError(again, 409, "conflict")
        #expect(again.details == ["milestone": "tb_screening", "date": "2026-11-20"])

        let today = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "health_exam"])
        #expect(today.json["milestones"]?.arrayValue?.last?["date"] == "2026-11-22", "today by default")
        expectError(
            try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "school_offer", "date": "2026-11-23"]), 400,
            "invalid_field", field: "date")
        expectError(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "baptism"]), 400, "invalid_field", field: "milestone")
        expectError(
            try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "settled", "note": " "]), 400, "invalid_field",
            field: "note")
        expectError(try caseworker.post("/v1/persons/99/milestones", ["milestone": "settled"]), 404, "not_found")

        let events = try caseworker.events("person.milestone")
        #expect(events.map { $0["data"] } == [
            ["person": .integer(id), "milestone": "tb_screening", "date": "2026-11-20"],
            ["person": .integer(id), "milestone": "health_exam", "date": "2026-11-22"],
        ])
        #expect(!events.map { $0.serializedString() }.joined().contains("Ullevål"))
    }

    @Test func aCorrectionMovesTheDateKeepsTheReasonAndReEvaluatesTheDeadline() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let adult = PersonAPITests.body(["birth": ["year": 1990, "estimated": true], "unaccompanied": false])
        let id = try PersonAPITests.register(caseworker, adult)
        let granted = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "residence_granted", "date": "2026-05-01"])
        #expect(Self.deadline(granted.json, "adult_settled") == [
            "rule": "adult_settled", "state": "overdue", "due_date": "2026-11-01", "late": false,
        ])

        let corrected = try caseworker.post(
            "/v1/persons/\(id)/milestones/residence_granted/correct", ["date": "2026-06-10", "reason": "UDIs vedtak var datert 10. juni"])
        #expect(corrected.status == 200, "\(corrected.text)")
        let milestone = corrected.json["milestones"]?.arrayValue?.first
        #expect(milestone?["date"] == "2026-06-10")
        #expect(milestone?["corrections"]?.arrayValue?.first?["from"] == "2026-05-01")
        #expect(milestone?["corrections"]?.arrayValue?.first?["reason"] == "UDIs vedtak var datert 10. juni")
        #expect(Self.deadline(corrected.json, "adult_settled")?["state"] == "due_soon", "due 10 December, 30 days ahead")

        let events = try caseworker.events("person.milestone_corrected")
        #expect(events.count == 1)
        #expect(events.first?["data"]?["from"] == "2026-05-01")
        #expect(events.first?["data"]?["to"] == "2026-06-10")
        #expect(events.first.map { !$0.serializedString().contains("vedtak") } == true)

        let path = "/v1/persons/\(id)/milestones/residence_granted/correct"
        expectError(try caseworker.post(path, ["date": "2026-06-11"]), 400, "invalid_field", field: "reason")
        expectError(try caseworker.post(path, ["date": "2026-06-10", "reason": "same"]), 400, "invalid_field", field: "date")
        expectError(try caseworker.post(path, ["date": "2026-12-01", "reason": "future"]), 400, "invalid_field", field: "date")
        expectError(
            try caseworker.post("/v1/persons/\(id)/milestones/baptism/correct", ["date": "2026-06-11", "reason": "x"]), 400,
            "invalid_field", field: "milestone")
        expectError(
            try caseworker.post("/v1/persons/\(id)/milestones/settled/correct", ["date": "2026-06-11", "reason": "x"]), 404, "not_found")
    }
}
