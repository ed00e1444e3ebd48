import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Quotas, settlement records, their import, the reference figures and progress through the
/// API, and the `settlement_lag` rule under the manual clock (the harness starts at
/// 2026-11-22 09:00 UTC).
@Suite(.serialized) struct SettlementProgressAPITests {
    static let districts = District.oslo.map(\.id)

    /// Every district `quota`, with `changes` on top.
    static func quotas(_ quota: Int64 = 10, _ changes: [String: Int64] = [:]) -> JSONValue {
        .object(JSONObject(districts.map { ($0, .integer(changes[$0] ?? quota)) }))
    }

    static func record(_ changes: JSONValue = [:]) -> JSONValue {
        Fixture.merged(["district": "ullern", "date": "2026-03-01", "count": 4, "mode": "ordinary"], changes)
    }

    @Test func adoptingStoresVersionsWithWhoWhenAndWhy() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let first = try ops.put("/v1/settlement/years/2026/quotas", ["quotas": Self.quotas(), "method": "population", "reason": "Bystyrets vedtak"])
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json["changed"]?.boolValue == true)
        #expect(first.json["quotas"]?["version"]?.intValue == 1)
        #expect(first.json["quotas"]?["total"]?.intValue == 150)
        #expect(first.json["quotas"]?["adopted_by"]?["user"]?.stringValue == "oslo-ops")
        let event = try #require(try ops.events("settlement.quotas_adopted").last)
        #expect(event["data"] == ["year": 2026, "version": 1, "total": 150, "method": "population"])
        #expect(event["seq"]?.intValue == first.json["event_seq"]?.intValue)

        let again = try ops.put("/v1/settlement/years/2026/quotas", ["quotas": Self.quotas()])
        #expect(again.json["changed"]?.boolValue == false)
        #expect(again.json["quotas"]?["version"]?.intValue == 1)

        let second = try ops.put("/v1/settlement/years/2026/quotas", ["quotas": Self.quotas(10, ["ullern": 20])])
        #expect(second.json["quotas"]?["version"]?.intValue == 2)
        #expect(try ops.get("/v1/settlement/years/2026/quotas")["quotas"]?["ullern"]?.intValue == 20)
        let old = try ops.get("/v1/settlement/years/2026/quotas?version=1")
        #expect(old["quotas"]?["ullern"]?.intValue == 10)
        #expect(old["reason"]?.stringValue == "Bystyrets vedtak")
        #expect(try ops.get("/v1/settlement/years/2026/quotas/versions")["versions"]?.arrayValue?.count == 2)
        #expect(try ops.send("GET", "/v1/settlement/years/2026/quotas?version=3").status == 404)
        #expect(try ops.send("GET", "/v1/settlement/years/2025/quotas").status == 404)
    }

    @Test func quotasThatCannotBeAdoptedAreRefusedNamingTheDistrict() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        func field(_ body: JSONValue, year: String = "2026") throws -> String? {
            let answer = try ops.put("/v1/settlement/years/\(year)/quotas", body)
            #expect(answer.status == 400, "\(answer.text)")
            #expect(answer.errorCode == "invalid_field")
            return answer.json["error"]?["details"]?["field"]?.stringValue
        }
        var missing = Self.quotas().objectValue ?? JSONObject()
        missing["alna"] = nil
        #expect(try field(["quotas": .object(missing)]) == "quotas.alna")
        missing["ullern"] = nil
        let two = try ops.put("/v1/settlement/years/2026/quotas", ["quotas": .object(missing)])
        #expect(two.json["error"]?["message"]?.stringValue?.hasSuffix("; also quotas.alna") == true, "every district named, in district order: \(two.text)")
        #expect(two.json["error"]?["details"]?["problems"]?.arrayValue?.count == 2)
        var unknown = Self.quotas().objectValue ?? JSONObject()
        unknown["oslo-sentrum"] = 3
        #expect(try field(["quotas": .object(unknown)]) == "quotas.oslo-sentrum")
        #expect(try field(["quotas": Self.quotas(10, ["ullern": -1])]) == "quotas.ullern")
        #expect(try field(["quotas": Self.quotas(), "method": "reference"]) == "method")
        #expect(try field(["quotas": Self.quotas(), "method": "lottery"]) == "method")
        #expect(try field(["quotas": Self.quotas()], year: "16") == "year")
        #expect(try ops.events("settlement.").isEmpty)
        let viewer = try Session(harness, as: People.viewer)
        #expect(try viewer.put("/v1/settlement/years/2026/quotas", ["quotas": Self.quotas()]).status == 403)
    }

    @Test func recordsCountTowardsTheirYearUpToTheDate() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.send("GET", "/v1/settlement/years/2026/progress").errorCode == "not_found")
        #expect(try ops.put("/v1/settlement/years/2026/quotas", ["quotas": Self.quotas(73)]).status == 200)
        let recorded = try ops.post("/v1/settlement/records", Self.record())
        #expect(recorded.status == 201, "\(recorded.text)")
        #expect(recorded.json["year"]?.intValue == 2026)
        #expect(recorded.json["source"]?.stringValue == "recorded")
        let event = try #require(try ops.events("settlement.recorded").last)
        #expect(event["subject"]?.stringValue == "district/ullern")
        #expect(event["data"]?["count"]?.intValue == 4)
        // Towards last year's quota, and dated after the progress date: neither counts below.
        #expect(try ops.post("/v1/settlement/records", Self.record(["date": "2026-01-10", "year": 2025, "count": 9])).status == 201)
        #expect(try ops.post("/v1/settlement/records", Self.record(["date": "2026-11-01", "count": 2, "case": 17])).status == 201)

        let progress = try ops.get("/v1/settlement/years/2026/progress?at=2026-05-20")
        #expect(progress["days_elapsed"]?.intValue == 140)
        let ullern = try #require(progress["districts"]?.arrayValue?.first { $0["district"]?.stringValue == "ullern" })
        #expect(ullern["settled"]?.intValue == 4)
        #expect(ullern["expected"]?.doubleValue == 28)
        #expect(ullern["lag"]?.doubleValue == 24)
        #expect(ullern["lagging"]?.boolValue == true)
        #expect(ullern["name"]?.stringValue == "Ullern")
        #expect(progress["total"]?["quota"]?.intValue == 1095)
        // `at` defaults to today (2026-11-22 in Oslo).
        #expect(try ops.get("/v1/settlement/years/2026/progress")["at"]?.stringValue == "2026-11-22")
        #expect(try ops.get("/v1/settlement/records?year=2026&district=ullern")["settled"]?.intValue == 6)
        #expect(try ops.get("/v1/settlement/records?year=2025")["records"]?.arrayValue?.count == 1)
        #expect(try ops.send("GET", "/v1/settlement/records?district=ulern").status == 404)
        #expect(try ops.send("GET", "/v1/settlement/years/2026/progress?at=mai").errorCode == "invalid_field")
    }

    @Test func aBadRecordIsRefusedNamingTheField() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        func field(_ changes: JSONValue) throws -> String? {
            let answer = try ops.post("/v1/settlement/records", Self.record(changes))
            #expect(answer.status == 400, "\(changes): \(answer.text)")
            return answer.json["error"]?["details"]?["field"]?.stringValue
        }
        #expect(try field(["district": "ulern"]) == "district")
        #expect(try field(["count": 0]) == "count")
        #expect(try field(["date": "2026-11-23"]) == "date")
        #expect(try field(["date": "2026-02-30"]) == "date")
        #expect(try field(["mode": "lottery"]) == "mode")
        #expect(try field(["year": 2020]) == "year")
        #expect(try field(["case": 0]) == "case")
        #expect(try field(["note": "x"]) == "note")
        #expect(try ops.events("settlement.").isEmpty)
    }

    @Test func anImportIsAllOrNothingWithEveryBadRowNamed() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let bad = try ops.post("/v1/imports/settlements", ["rows": [
            Self.record(), Self.record(["district": "ulern"]), Self.record(["count": -2]),
        ]])
        #expect(bad.status == 400, "\(bad.text)")
        #expect(bad.json["error"]?["details"]?["field"]?.stringValue == "rows[1].district")
        #expect(bad.json["error"]?["details"]?["problems"]?.arrayValue?.compactMap { $0["row"]?.intValue } == [2, 3])
        #expect(try ops.get("/v1/settlement/records")["records"]?.arrayValue?.isEmpty == true)

        let rows: JSONValue = ["rows": [Self.record(), Self.record(["district": "alna", "mode": "familyReunification"])]]
        let dry = try ops.post("/v1/imports/settlements?dry_run=true", rows)
        #expect(dry.json == ["rows": 2, "people": 8, "dry_run": true])
        #expect(try ops.get("/v1/settlement/records")["records"]?.arrayValue?.isEmpty == true)
        let imported = try ops.post("/v1/imports/settlements", rows)
        #expect(imported.status == 201, "\(imported.text)")
        #expect(imported.json["imported"]?.intValue == 2)
        #expect(try ops.get("/v1/settlement/records")["records"]?.arrayValue?.compactMap { $0["source"]?.stringValue } == ["imported", "imported"])
    }

    @Test func referenceFiguresLoadOnceAndChangeNothingTheSecondTime() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let body: JSONValue = [
            "quotas": Self.quotas(50), "settled": Self.quotas(30, ["vestre-aker": 0]), "date": "2016-09-01",
            "reason": "Strategiutkast 2016",
        ]
        let first = try ops.put("/v1/settlement/years/2016/reference", body)
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json["quotas_changed"]?.boolValue == true)
        #expect(first.json["records_changed"]?.boolValue == true)
        let second = try ops.put("/v1/settlement/years/2016/reference", body)
        #expect(second.json["quotas_changed"]?.boolValue == false)
        #expect(second.json["records_changed"]?.boolValue == false)
        let records = try ops.get("/v1/settlement/records?year=2016")
        #expect(records["records"]?.arrayValue?.count == 14, "Vestre Aker's 0 is no record")
        #expect(records["settled"]?.intValue == 420)
        #expect(try ops.get("/v1/settlement/years/2016/quotas")["method"]?.stringValue == "reference")
        let vestreAker = try ops.get("/v1/settlement/years/2016/progress?at=2016-09-01")["districts"]?.arrayValue?
            .first { $0["district"]?.stringValue == "vestre-aker" }
        #expect(vestreAker?["settled"]?.intValue == 0)
        #expect(vestreAker?["lagging"]?.boolValue == true)
        #expect(try ops.put("/v1/settlement/years/2016/reference", Fixture.merged(body, ["date": "2015-12-31"])).status == 400)
    }

    /// Nothing recorded while the days pass: the expected grows at every local midnight until
    /// the lag exceeds both thresholds, and the alert fires for the district, routed to its
    /// contact point; records that catch up resolve it.
    @Test func settlementLagFiresAsTheDaysPassAndResolvesWhenRecordsCatchUp() throws {
        let harness = try DaemonHarness()
        let oslo = try #require(LocalCalendar(identifier: "Europe/Oslo"))
        // Forward from the harness's start: a command's time never goes back before the last event's.
        let start = try #require(CalendarDate(parsing: "2027-01-05"))
        harness.clock.set(oslo.startOfDay(start).adding(milliseconds: 9 * 3_600_000))
        let ops = try Session(harness, as: People.operatorByGroup)
        // 365 a year is one a day: 5 expected on 5 January, behind by 5 of 5.
        #expect(try ops.put("/v1/settlement/years/2027/quotas", ["quotas": Self.quotas(0, ["ullern": 365])]).status == 200)
        try ops.settle()
        #expect(AlertEngineTests.firstAlert(ops, rule: "settlement_lag") == nil)
        for day in 1...6 {
            harness.clock.set(oslo.startOfDay(start.adding(days: day)))
            harness.daemon.services.scheduler.fireDue()
            try ops.settle()
        }
        // 11 January 2027: 11 expected, 11 behind (> 10, and all of it).
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "settlement_lag")?["state"]?.stringValue == "firing" })
        let alert = try #require(AlertEngineTests.firstAlert(ops, rule: "settlement_lag"))
        #expect(alert["subject"]?.stringValue == "district/ullern")
        #expect(alert["district"]?.stringValue == "ullern")
        #expect(alert["value"]?.doubleValue == 11)
        let id = try #require(alert["id"]?.intValue)
        #expect(waitUntil { (try? AlertEngineTests.queued(ops, alert: id).contains { $0.group == "bydel:ullern" }) == true })

        #expect(try ops.post("/v1/settlement/records", Self.record(["date": "2027-01-11", "count": 8])).status == 201)
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "settlement_lag") == nil })
        let resolved = try ops.get("/v1/alerts?state=resolved&rule=settlement_lag")["alerts"]?.arrayValue
        #expect(resolved?.first?["id"]?.intValue == id)
    }
}
