import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Testing

@testable import BeredskapDaemon

extension Session {
    @discardableResult
    func void(_ collection: String, _ id: Int64?, reason: String = "Feilregistrert") throws -> RawClient.Response {
        try post("/v1/\(collection)/\(id ?? 0)/void", ["reason": .string(reason)])
    }

    @discardableResult
    func amend(_ collection: String, _ id: Int64?, _ changes: JSONValue) throws -> RawClient.Response {
        try post("/v1/\(collection)/\(id ?? 0)/amend", Fixture.merged(["reason": "Feil antall"], changes))
    }

    func records(_ collection: String, _ query: String = "") throws -> [JSONValue] {
        try get("/v1/\(collection)/records\(query)")["records"]?.arrayValue ?? []
    }

    func occupied(_ facility: String) throws -> Int64? { try self.facility(facility)["occupied"]?.intValue }

    /// The incident-log entries filed under `subject`, oldest first.
    func log(_ subject: String) throws -> [String] {
        try get("/v1/log?subject=\(subject)&limit=100")["entries"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
    }
}

/// Voiding and amending arrivals, departures and head counts (issue 18, item 2).
@Suite(.serialized) struct CorrectionAPITests {
    @Test func aVoidedArrivalCountsNowhereAndIsAnEventAndALogEntry() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let wrong = try ops.arrive("refstad", 25, ["category": "family"]).json["id"]?.intValue
        harness.clock.advance(seconds: 60)
        try ops.arrive("refstad", 10)
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 35)

        let voided = try ops.void("arrivals", wrong, reason: "Registrert på feil mottak")
        #expect(voided.status == 200, "\(voided.text)")
        #expect(voided.json["record"]?["state"]?.stringValue == "voided")
        #expect(voided.json["record"]?["voided"]?["reason"]?.stringValue == "Registrert på feil mottak")
        #expect(voided.json["record"]?["voided"]?["by"]?.stringValue == "oslo-ops")
        #expect(voided.json["occupancy"] == [["facility": "refstad", "name": "Refstad transittmottak", "occupied": 10, "previous": 35]])
        #expect(try ops.occupied("refstad") == 10)
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 10)
        #expect(try ops.get("/v1/arrivals?from=2026-11-22&to=2026-11-22")["total"]?.intValue == 10)
        #expect(try ops.get("/v1/occupancy?facility=refstad&from=2026-11-22&to=2026-11-22")["total"]?.arrayValue?.first?["occupied"]?.intValue == 10)

        let event = try #require(try ops.events("arrival.voided").last)
        #expect(event["subject"]?.stringValue == "facility/refstad")
        // The reason is the correction's row (`voided.reason` above), which the event names.
        #expect(event["data"] == [
            "id": .integer(wrong ?? 0), "facility": "refstad", "kind": "transit", "count": 25, "category": "family",
            "at": .string(harness.clock.now().adding(milliseconds: -60_000).rfc3339), "correction": 1, "occupied": 10,
        ])
        #expect(voided.json["event_seq"]?.intValue ?? 0 > event["seq"]?.intValue ?? 0, "the log entry comes after")
        let entry = try #require(try ops.log("facility/refstad").last)
        #expect(entry.hasPrefix("Ankomst #\(wrong ?? 0) til Refstad transittmottak annullert: 25 personer (familie), 2026-11-22 "))
        #expect(entry.hasSuffix("Begrunnelse: Registrert på feil mottak. Refstad transittmottak har nå 10 (var 35)."))

        let listed = try ops.records("arrivals", "?facility=refstad")
        #expect(listed.map { $0["state"]?.stringValue } == ["recorded", "voided"])
        #expect(listed.last?["count"]?.intValue == 25)
        #expect(listed.last?["recorded_by"]?.stringValue == "oslo-ops")

        let again = try ops.void("arrivals", wrong)
        expectError(again, 409, "conflict")
        #expect(again.details?["state"]?.stringValue == "voided")
        expectError(try ops.amend("arrivals", wrong, ["count": 20]), 409, "conflict")
        expectError(try ops.void("arrivals", 999), 404, "not_found")
        expectError(try ops.void("departures", wrong), 404, "not_found")
        expectError(try ops.post("/v1/arrivals/to/void", ["reason": "x"]), 400, "invalid_field", field: "id")
        expectError(try ops.post("/v1/arrivals/1/void", [:]), 400, "invalid_field", field: "reason")
        expectError(try ops.post("/v1/arrivals/1/void", ["reason": "  "]), 400, "invalid_field", field: "reason")
        expectError(try ops.post("/v1/arrivals/1/void", ["reason": "x", "why": "y"]), 400, "invalid_field", field: "why")
        #expect(try ops.events("arrival.voided").count == 1)
    }

    @Test func anAmendedArrivalCountsAsAmended() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let id = try ops.arrive("refstad", 25, ["category": "family"]).json["id"]?.intValue
        let amended = try ops.amend("arrivals", id, ["count": 20, "category": "adult", "at": harness.time(minutes: -30 * 60)])
        #expect(amended.status == 200, "\(amended.text)")
        #expect(amended.json["record"]?["count"]?.intValue == 20)
        #expect(amended.json["record"]?["state"]?.stringValue == "amended")
        #expect(amended.json["record"]?["amended"]?["reason"]?.stringValue == "Feil antall")
        #expect(try ops.occupied("refstad") == 20)
        // Dated yesterday now: out of the last 24 hours, on yesterday's bar.
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 0)
        #expect(try ops.get("/v1/surge")["arrivals_7d"]?.intValue == 20)
        #expect(SeriesAPITests.counts(try ops.get("/v1/arrivals?from=2026-11-21&to=2026-11-22")) == ["2026-11-21": 20, "2026-11-22": 0])

        let event = try #require(try ops.events("arrival.amended").last)
        #expect(event["data"]?["before"] == ["count": 25, "category": "family", "at": .string(harness.clock.now().rfc3339)])
        #expect(event["data"]?["after"] == ["count": 20, "category": "adult", "at": harness.time(minutes: -30 * 60)])
        let entry = try #require(try ops.log("facility/refstad").last)
        #expect(entry.hasPrefix("Ankomst #\(id ?? 0) til Refstad transittmottak endret: 25 → 20 personer, familie → voksen, 2026-11-22 "))

        expectError(try ops.amend("arrivals", id, [:]), 400, "invalid_field", field: "body")
        expectError(try ops.amend("arrivals", id, ["count": 20]), 400, "invalid_field", field: "count")
        expectError(try ops.amend("arrivals", id, ["count": 0]), 400, "invalid_field", field: "count")
        expectError(try ops.amend("arrivals", id, ["category": "kids"]), 400, "invalid_field", field: "category")
        expectError(try ops.amend("arrivals", id, ["at": harness.time(minutes: 60)]), 400, "invalid_field", field: "at")
        expectError(try ops.amend("arrivals", id, ["count": 5, "reason": nil]), 400, "invalid_field", field: "reason")
        expectError(try ops.amend("arrivals", id, ["occupied": 5]), 400, "invalid_field", field: "occupied")
        #expect(try ops.events("arrival.amended").count == 1)
    }

    @Test func aTransferIsOnePairVoidedAndAmendedTogether() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov", ["name": "Torshov transittmottak", "kind": "ordinary", "district": "sagene"])
        try ops.arrive("refstad", 40)
        let moved = try ops.depart("refstad", 15, ["reason": "transferred", "to": "torshov"]).json
        let departure = try #require(moved["id"]?.intValue)
        let arrival = try #require(moved["arrival"]?["id"]?.intValue)
        #expect(try ops.records("departures").first?["transfer"]?.intValue == arrival)
        #expect(try ops.records("arrivals").first?["transfer"]?.intValue == departure)

        let amended = try ops.amend("arrivals", arrival, ["count": 10])
        #expect(amended.status == 200, "\(amended.text)")
        #expect(amended.json["transfer"]?["count"]?.intValue == 10)
        #expect(try ops.occupied("refstad") == 30)
        #expect(try ops.occupied("torshov") == 10)
        #expect(try ops.events("departure.amended").count == 1)
        expectError(try ops.amend("departures", departure, ["departure_reason": "settled"]), 400, "invalid_field", field: "departure_reason")

        let voided = try ops.void("departures", departure, reason: "Ble ikke flyttet")
        #expect(voided.status == 200, "\(voided.text)")
        #expect(voided.json["transfer"]?["state"]?.stringValue == "voided")
        #expect(voided.json["occupancy"]?.arrayValue?.map { $0["occupied"]?.intValue } == [40, 0])
        #expect(try ops.occupied("refstad") == 40)
        #expect(try ops.occupied("torshov") == 0)
        #expect(try ops.events("arrival.voided").first?["data"]?["transfer"]?.intValue == departure)
        expectError(try ops.void("arrivals", arrival), 409, "conflict")
        let entry = try #require(try ops.log("facility/refstad").last)
        #expect(entry.hasPrefix(
            "Utflytting #\(departure) fra Refstad transittmottak (overføring til Torshov transittmottak, med ankomst #\(arrival))"
                + " annullert: 10 personer (overført), 2026-11-22 "))
        #expect(entry.hasSuffix(
            "Begrunnelse: Ble ikke flyttet. Refstad transittmottak har nå 40 (var 30); Torshov transittmottak har nå 0 (var 10)."))
        // One entry per correction, under the facility of the record it was made on.
        #expect(try ops.log("facility/torshov").map { $0.components(separatedBy: ". Begrunnelse").first ?? "" } == [
            "Ankomst #\(arrival) til Torshov transittmottak (overføring fra Refstad transittmottak, med utflytting #\(departure))"
                + " endret: 15 → 10 personer",
        ])
    }

    /// Voiding a head count makes the one before it the last again; a record dated before the
    /// last head count changes nothing today when voided, but its own day.
    @Test func correctionsFollowTheHeadCountRule() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let early = try ops.headCount("refstad", 50, at: harness.time(minutes: -120)).json["id"]?.intValue
        let before = try ops.arrive("refstad", 6, ["at": harness.time(minutes: -90)]).json["id"]?.intValue
        let late = try ops.headCount("refstad", 80, at: harness.time(minutes: -60)).json["id"]?.intValue
        try ops.arrive("refstad", 4)
        #expect(try ops.occupied("refstad") == 84)

        // Dated before the last count, which included it: today is unchanged.
        #expect(try ops.void("arrivals", before).json["occupancy"]?.arrayValue?.first?["occupied"]?.intValue == 84)
        #expect(try ops.facility("refstad")["last_report_at"] == harness.time(minutes: -60))

        let voided = try ops.void("occupancy", late, reason: "Talt to ganger")
        #expect(voided.status == 200, "\(voided.text)")
        #expect(try ops.occupied("refstad") == 54)
        #expect(try ops.facility("refstad")["last_report_at"] == harness.time(minutes: -120))
        #expect(try ops.events("occupancy.voided").last?["data"]?["counted"]?.intValue == 80)
        #expect(try ops.log("facility/refstad").last?.hasPrefix("Opptelling #\(late ?? 0) på Refstad transittmottak annullert: 80 talt") == true)

        let amended = try ops.amend("occupancy", early, ["occupied": 60])
        #expect(amended.status == 200, "\(amended.text)")
        #expect(try ops.occupied("refstad") == 64)
        expectError(try ops.amend("occupancy", early, ["count": 60]), 400, "invalid_field", field: "count")
        #expect(try ops.void("occupancy", early).status == 200)
        #expect(try ops.facility("refstad")["last_report_at"]?.isNull == true)
        #expect(try ops.occupied("refstad") == 4)
        let records = try ops.records("occupancy", "?facility=refstad")
        #expect(records.map { $0["state"]?.stringValue } == ["voided", "voided"])
        #expect(records.map { $0["count"]?.intValue } == [80, 60])
    }

    @Test func aCorrectionThatLeavesFewerThanNobodyIsRefused() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let id = try ops.arrive("refstad", 10).json["id"]?.intValue
        let departure = try ops.depart("refstad", 8).json["id"]?.intValue
        let before = try ops.lastEventSeq()
        let refused = try ops.void("arrivals", id)
        expectError(refused, 409, "conflict")
        #expect(refused.details?["facility"]?.stringValue == "refstad")
        #expect(refused.details?["occupied"]?.intValue == -8)
        expectError(try ops.amend("departures", departure, ["count": 11]), 409, "conflict")
        #expect(try ops.lastEventSeq() == before)
        #expect(try ops.occupied("refstad") == 2)
        // After a head count the arrival is inside it, and voiding it changes nothing today.
        try ops.headCount("refstad", 2)
        #expect(try ops.void("arrivals", id).status == 200)
        #expect(try ops.occupied("refstad") == 2)
    }

    @Test func alertsAreEvaluatedAgainAfterACorrection() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.arrive("refstad", 100)
        let id = try ops.arrive("refstad", 80).json["id"]?.intValue
        try ops.settle()
        #expect(try ops.get("/v1/alerts?rule=facility_utilization")["alerts"]?.arrayValue?.count == 1)
        try ops.void("arrivals", id)
        #expect(waitUntil { (try? ops.get("/v1/alerts?rule=facility_utilization"))?["alerts"]?.arrayValue?.isEmpty == true })
    }

    /// The surge window is in memory: after corrections, a restart rebuilt from the store
    /// gives the same figures.
    @Test func aRestartGivesTheSameFiguresAsBefore() throws {
        let daemon = try RestartableDaemon()
        let ops = try daemon.session()
        try ops.putFacility("refstad")
        try ops.putFacility("torshov", ["kind": "ordinary"])
        var ids: [Int64] = []
        for hours in [-100, -50, -20, -2] {
            ids.append(try ops.arrive("refstad", 30, ["at": daemon.harness.time(minutes: Int64(hours) * 60)]).json["id"]?.intValue ?? 0)
        }
        try ops.depart("refstad", 12, ["reason": "transferred", "to": "torshov", "at": daemon.harness.time(minutes: -60)])
        try ops.void("arrivals", ids[1])
        try ops.amend("arrivals", ids[2], ["count": 7, "at": daemon.harness.time(minutes: -200 * 60)])
        try ops.amend("arrivals", ids[3], ["count": 9])
        let surge = try ops.get("/v1/surge")
        #expect(surge["arrivals_24h"]?.intValue == 9)
        #expect(surge["arrivals_7d"]?.intValue == 39)
        try daemon.restart()
        let again = try daemon.session().get("/v1/surge")
        for field in ["arrivals_24h", "arrivals_7d", "baseline_per_day", "forecast"] {
            #expect(again[field] == surge[field], "\(field)")
        }
    }

    @Test func recordsAreListedNewestFirstByFacilityWithPages() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov")
        for count in 1...5 { try ops.arrive(count % 2 == 0 ? "torshov" : "refstad", Int64(count)) }
        #expect(try ops.records("arrivals").map { $0["count"]?.intValue } == [5, 4, 3, 2, 1])
        #expect(try ops.records("arrivals", "?facility=refstad").map { $0["count"]?.intValue } == [5, 3, 1])
        let page = try ops.get("/v1/arrivals/records?limit=2")
        #expect(page["records"]?.arrayValue?.count == 2)
        let next = try #require(page["next"]?.intValue)
        #expect(try ops.records("arrivals", "?limit=2&before=\(next)").map { $0["count"]?.intValue } == [3, 2])
        #expect(try ops.get("/v1/arrivals/records?before=2")["next"]?.isNull == true)
        let first = try #require(try ops.records("arrivals").last)
        #expect(first["category"]?.stringValue == "adult")
        #expect(first["reason"] == nil)
        #expect(first["recorded_at"]?.stringValue == harness.clock.now().rfc3339)
        expectError(try ops.send("GET", "/v1/arrivals/records?facility=nowhere"), 404, "not_found", field: "facility")
        expectError(try ops.send("GET", "/v1/arrivals/records?limit=0"), 400, "invalid_field", field: "limit")
        expectError(try ops.send("GET", "/v1/departures/records?antall=3"), 400, "invalid_field", field: "antall")
        #expect(try ops.records("departures").isEmpty)
        #expect(try ops.records("occupancy").isEmpty)

        let viewer = try Session(harness, as: People.viewer)
        #expect(try viewer.send("GET", "/v1/occupancy/records").status == 200)
        expectError(try viewer.void("arrivals", 1), 403, "forbidden")
        expectError(try viewer.amend("arrivals", 1, ["count": 3]), 403, "forbidden")
    }
}

/// Input that looks like a mistake is recorded only when confirmed with `force`.
@Suite(.serialized) struct PlausibilityAPITests {
    @Test func aCountAboveThePlacesOrATimeLongAgoNeedsForce() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 100, "expansion_capacity": 120])
        let before = try ops.lastEventSeq()
        let many = try ops.arrive("refstad", 121)
        expectError(many, 409, "conflict", field: "count")
        #expect(many.details?["reason"]?.stringValue == "implausible")
        #expect(many.message?.contains("121 people is more than the 120 places of Refstad transittmottak") == true)
        let old = try ops.arrive("refstad", 5, ["at": harness.time(minutes: -91 * 24 * 60)])
        expectError(old, 409, "conflict", field: "at")
        #expect(old.details?["problems"]?.arrayValue?.count == 1)
        let both = try ops.headCount("refstad", 500, at: harness.time(minutes: -100 * 24 * 60))
        expectError(both, 409, "conflict", field: "occupied")
        #expect(both.details?["problems"]?.arrayValue?.compactMap { $0["field"]?.stringValue } == ["occupied", "at"])
        #expect(try ops.lastEventSeq() == before)
        // Not a mistake after all, and said so.
        #expect(try ops.arrive("refstad", 121, ["force": true]).status == 201)
        #expect(try ops.arrive("refstad", 5, ["at": harness.time(minutes: -89 * 24 * 60)]).status == 201)
        #expect(try ops.headCount("refstad", 130, force: true).status == 201)
        // Other errors come first, so a confirmed retry is not refused for something else.
        expectError(try ops.arrive("refstad", 121, ["category": "kids"]), 400, "invalid_field", field: "category")
        // A transfer asks for the receiving facility too.
        try ops.putFacility("torshov", ["capacity": 10])
        let transfer = try ops.depart("refstad", 11, ["reason": "transferred", "to": "torshov"])
        expectError(transfer, 409, "conflict", field: "count")
        #expect(transfer.message?.contains("10 places of") == true)
        #expect(try ops.depart("refstad", 11, ["reason": "transferred", "to": "torshov", "force": true]).status == 201)
    }

    @Test func amendmentsAreCheckedForWhatTheyChange() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 100])
        let id = try ops.arrive("refstad", 5, ["at": harness.time(minutes: -95 * 24 * 60), "force": true]).json["id"]?.intValue
        // Only the count changes: the old date is not asked about again.
        #expect(try ops.amend("arrivals", id, ["count": 6]).status == 200)
        let refused = try ops.amend("arrivals", id, ["count": 160])
        expectError(refused, 409, "conflict", field: "count")
        #expect(refused.details?["reason"]?.stringValue == "implausible")
        #expect(try ops.amend("arrivals", id, ["count": 160, "force": true]).status == 200)
        #expect(try ops.occupied("refstad") == 160)
    }

    @Test func importsAskAboutEveryImplausibleRowOnceNothingElseIsWrong() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 100])
        let rows: JSONValue = [
            ["facility": "refstad", "count": 3, "category": "adult"],
            ["facility": "refstad", "count": 300, "category": "adult"],
            ["facility": "refstad", "count": 2, "category": "adult", "at": "2025-06-01T10:00:00Z"],
        ]
        let refused = try ops.post("/v1/imports/arrivals", ["rows": rows])
        expectError(refused, 409, "conflict", field: "rows[1].count")
        #expect(refused.details?["reason"]?.stringValue == "implausible")
        #expect(refused.details?["problems"]?.arrayValue?.compactMap { $0["row"]?.intValue } == [2, 3])
        let mixed = try ops.post("/v1/imports/arrivals", ["rows": .array((rows.arrayValue ?? []) + [["facility": "nowhere", "count": 1, "category": "adult"]])])
        expectError(mixed, 400, "invalid_field", field: "rows[3].facility")
        #expect(mixed.details?["problems"]?.arrayValue?.count == 1)
        #expect(try ops.events("arrival.").isEmpty)
        let forced = try ops.post("/v1/imports/arrivals", ["rows": rows, "force": true])
        #expect(forced.status == 201, "\(forced.text)")
        #expect(forced.json["people"]?.intValue == 305)
        let counts = try ops.post("/v1/imports/occupancy", ["rows": [["facility": "refstad", "occupied": 101]]])
        expectError(counts, 409, "conflict", field: "rows[0].occupied")
    }
}
