import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The deadline routes through the real daemon (22 November 2026). The harness's person —
/// born 2010, unaccompanied, arrived 10 November, in Alna — has the TB screening due soon
/// (24 November) and a representative overdue (due 11 November).
@Suite(.serialized) struct DeadlineAPITests {
    static func registerTwo(_ caseworker: Session) throws -> (Int64, Int64) {
        let first = try PersonAPITests.register(caseworker)
        let second = try PersonAPITests.register(
            caseworker,
            PersonAPITests.body(["duf": "2026 00004712", "district": "grorud", "unaccompanied": false, "arrived_norway": "2026-11-09"]))
        return (first, second)
    }

    @Test func theListShowsOverdueAndDueSoonDeadlinesAndIsRecorded() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let (first, second) = try Self.registerTwo(caseworker)
        #expect(waitUntil { (try? caseworker.get("/v1/deadlines"))?["deadlines"]?.arrayValue?.count == 3 })
        let list = try caseworker.get("/v1/deadlines")
        #expect(list["date"] == "2026-11-22")
        #expect(list["deadlines"] == [
            ["person": .integer(first), "rule": "tb_screening", "state": "due_soon", "due_date": "2026-11-24", "district": "alna"],
            ["person": .integer(first), "rule": "representative", "state": "overdue", "due_date": "2026-11-11", "district": "alna"],
            ["person": .integer(second), "rule": "tb_screening", "state": "due_soon", "due_date": "2026-11-23", "district": "grorud"],
        ])
        #expect(list["next"] == .null)
        #expect(try caseworker.get("/v1/deadlines?state=overdue")["deadlines"]?.arrayValue?.count == 1)
        #expect(try caseworker.get("/v1/deadlines?district=grorud")["deadlines"]?.arrayValue?.map { $0["person"] } == [.integer(second)])
        #expect(try caseworker.get("/v1/deadlines?rule=representative")["deadlines"]?.arrayValue?.count == 1)

        // Pages of whole persons.
        let page = try caseworker.get("/v1/deadlines?limit=1")
        #expect(page["deadlines"]?.arrayValue?.count == 2, "the first person whole")
        #expect(page["next"] == .integer(first))
        let rest = try caseworker.get("/v1/deadlines?limit=1&after=\(first)")
        #expect(rest["deadlines"]?.arrayValue?.map { $0["person"] } == [.integer(second)])
        #expect(rest["next"] == .null)

        let reads = try Session(harness, as: People.root).events("access.read").filter { $0["data"]?["route"] == "/v1/deadlines" }
        // The last full read (the waits above read too, some before the engine had the second person).
        #expect(reads.last { $0["data"]?["subjects"]?.arrayValue?.count == 2 }?["data"]?["subjects"]
            == [.string("person/\(first)"), .string("person/\(second)")])
    }

    @Test func theSummaryCountsWithoutPersonsAndTheStatusCountsTheOverdue() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        _ = try Self.registerTwo(caseworker)
        let viewer = try Session(harness, as: People.viewer)
        // Both persons evaluated: each has its TB screening counted (the engine takes a person's
        // event off the writer thread, so the second may come a moment after the first).
        #expect(waitUntil {
            let rows = (try? viewer.get("/v1/deadlines/summary"))?["rows"]?.arrayValue ?? []
            return rows.filter { $0["rule"] == "tb_screening" }.count == 2
        })
        #expect(try viewer.get("/v1/status")["deadlines_overdue"] == 1)
        let summary = try viewer.get("/v1/deadlines/summary")
        #expect(summary["date"] == "2026-11-22")
        #expect(summary["rules"]?.arrayValue?.count == DeadlineRule.defaults.count)
        let rows = summary["rows"]?.arrayValue ?? []
        #expect(rows.contains(["rule": "representative", "district": "alna", "due": 0, "due_soon": 0, "overdue": 1, "met": 0, "met_late": 0]))
        #expect(rows.contains(["rule": "tb_screening", "district": "grorud", "due": 0, "due_soon": 1, "overdue": 0, "met": 0, "met_late": 0]))
        #expect(rows.contains(["rule": "health_exam", "district": "alna", "due": 1, "due_soon": 0, "overdue": 0, "met": 0, "met_late": 0]))
        #expect(!summary.serializedString().contains("person"), "no persons, no ids")
    }

    @Test func everyBadQueryValueNamesItsField() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        expectError(try caseworker.send("GET", "/v1/deadlines?state=met"), 400, "invalid_field", field: "state")
        expectError(try caseworker.send("GET", "/v1/deadlines?rule=dental"), 400, "invalid_field", field: "rule")
        expectError(try caseworker.send("GET", "/v1/deadlines?district=oslo"), 400, "invalid_field", field: "district")
        expectError(try caseworker.send("GET", "/v1/deadlines?district=Alna"), 400, "invalid_field", field: "district")
        expectError(try caseworker.send("GET", "/v1/deadlines?after=x"), 400, "invalid_field", field: "after")
        expectError(try caseworker.send("GET", "/v1/deadlines?limit=0"), 400, "invalid_field", field: "limit")
        expectError(try caseworker.send("GET", "/v1/deadlines?colour=red"), 400, "invalid_field", field: "colour")
    }

    /// The list names persons (`cases`); the summary is counts (`read`).
    @Test func theListNeedsCasesAndTheSummaryRead() throws {
        let harness = try DaemonHarness()
        for identity in [People.viewer, People.operatorByGroup] {
            let session = try Session(harness, as: identity)
            expectError(try session.send("GET", "/v1/deadlines"), 403, "forbidden")
            #expect(try session.send("GET", "/v1/deadlines/summary").status == 200)
        }
        for identity in [People.caseworker, People.root] {
            let session = try Session(harness, as: identity)
            #expect(try session.send("GET", "/v1/deadlines").status == 200)
            #expect(try session.send("GET", "/v1/deadlines/summary").status == 200)
        }
        let stranger = try Session(harness, as: People.identity(uid: 2999, "fremmed"))
        expectError(try stranger.send("GET", "/v1/deadlines/summary"), 403, "forbidden")
    }
}

/// `deadline_overdue` through the real daemon: one alert per rule and district, firing when
/// the committed overdue count exceeds the threshold, routed to the district's contact point,
/// with counts only in what it sends.
@Suite(.serialized) struct DeadlineOverdueAlertTests {
    static func adult(_ number: Int, district: String) -> JSONValue {
        PersonAPITests.body([
            "duf": .string("2026 0000\(4700 + number)"), "given_name": "Selam", "family_name": .string("Haile \(number)"),
            "birth": ["year": 1990, "estimated": true], "unaccompanied": false, "arrived_norway": "2026-11-01",
            "district": .string(district),
        ])
    }

    @Test func itFiresAboveTheThresholdForTheDistrictAndResolvesBelow() throws {
        let harness = try DaemonHarness { $0.alerts.deadlineOverdue.threshold = 1 }
        let caseworker = try Session(harness, as: People.caseworker)
        let ops = try Session(harness, as: People.operatorByGroup)
        let first = try PersonAPITests.register(caseworker, Self.adult(1, district: "alna"))
        _ = try PersonAPITests.register(caseworker, Self.adult(2, district: "grorud"))
        try ops.settle()
        #expect(waitUntil { (try? ops.get("/v1/status"))?["deadlines_overdue"] == 2 })
        try ops.settle()
        #expect(AlertEngineTests.firstAlert(ops, rule: "deadline_overdue") == nil, "1 in each district: at the threshold")

        _ = try PersonAPITests.register(caseworker, Self.adult(3, district: "alna"))
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "deadline_overdue")?["state"]?.stringValue == "firing" })
        let alert = try #require(AlertEngineTests.firstAlert(ops, rule: "deadline_overdue"))
        #expect(alert["subject"] == "deadline/tb_screening/alna")
        #expect(alert["district"] == "alna")
        #expect(alert["value"]?.doubleValue == 2)
        let id = try #require(alert["id"]?.intValue)
        #expect(waitUntil { (try? AlertEngineTests.queued(ops, alert: id).contains { $0.group == "bydel:alna" }) == true })
        let sent = try ops.get("/v1/notifications?limit=100")["notifications"]?.arrayValue ?? []
        let subjects = sent.filter { $0["alert"]?.intValue == id }.map { $0.serializedString() }.joined()
        #expect(subjects.contains("Alna: tuberkuloseundersøkelse"), "\(subjects)")
        // What the channel received (the file channel of the shipped configuration).
        let file = harness.directory + "/notifications.ndjson"
        #expect(waitUntil { ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").contains("\"id\":\(id)") })
        let texts = subjects + ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
        #expect(texts.contains("2 personer over fristen (terskel 1)"), "\(texts)")
        for personal in ["Selam", "Haile", "4701", "4703", "person/"] { #expect(!texts.contains(personal), "\(personal)") }

        // Alna's second examination done: back to the threshold, resolved; one alert per subject.
        #expect(try caseworker.post("/v1/persons/\(first)/milestones", ["milestone": "tb_screening"]).status == 201)
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "deadline_overdue") == nil })
        let resolved = try ops.get("/v1/alerts?state=resolved&rule=deadline_overdue")["alerts"]?.arrayValue ?? []
        #expect(resolved.map { $0["id"]?.intValue } == [id])
    }
}
