import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// Arrivals, departures and head counts, and what they do to a facility's figures.
@Suite(.serialized) struct OccupancyAPITests {
    @Test func arrivalsAddDeparturesSubtractAndAFacilityMayBeOverFull() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 50, "blocked": 10])
        let first = try ops.arrive("refstad", 30)
        #expect(first.status == 201)
        #expect(first.json["occupied"]?.intValue == 30)
        #expect(first.json["category"]?.stringValue == "adult")
        #expect(first.json["at"]?.stringValue == harness.clock.now().rfc3339)
        #expect(try ops.arrive("refstad", 15, ["category": "family"]).json["occupied"]?.intValue == 45)

        var facility = try ops.facility("refstad")
        #expect(facility["occupied"]?.intValue == 45)
        #expect(facility["available"]?.intValue == 40)
        #expect(facility["free"]?.intValue == 0)
        #expect(facility["utilization"]?.doubleValue == 1.125)
        #expect(facility["over_capacity"]?.boolValue == true)

        let departed = try ops.depart("refstad", 20)
        #expect(departed.status == 201)
        #expect(departed.json["occupied"]?.intValue == 25)
        facility = try ops.facility("refstad")
        #expect(facility["free"]?.intValue == 15)
        #expect(facility["utilization"]?.doubleValue == 0.625)
        #expect(facility["over_capacity"]?.boolValue == false)
        #expect(facility["last_change_at"]?.stringValue == harness.clock.now().rfc3339)
        #expect(facility["last_report_at"]?.isNull == true)
        let events = try ops.events("arrival.").map { $0["data"]?["occupied"]?.intValue }
        #expect(events == [30, 45])
    }

    @Test func moreDeparturesThanRecordedAndArrivalsAtAClosedFacilityAreConflicts() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.arrive("refstad", 25)
        let before = try ops.lastEventSeq()
        let tooMany = try ops.depart("refstad", 26)
        expectError(tooMany, 409, "conflict")
        #expect(tooMany.details?["occupied"]?.intValue == 25)
        #expect(tooMany.details?["requested"]?.intValue == 26)
        try ops.putFacility("schwensensgate", ["status": "closed"])
        let afterClosing = try ops.lastEventSeq()
        expectError(try ops.arrive("schwensensgate", 1), 409, "conflict")
        #expect(try ops.lastEventSeq() == afterClosing)
        #expect(afterClosing == before.map { $0 + 1 })
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 25)
    }

    @Test func aTransferMovesPeopleInOneTransaction() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov", ["kind": "ordinary", "district": "sagene"])
        try ops.arrive("refstad", 40)
        let moved = try ops.depart("refstad", 15, ["reason": "transferred", "to": "torshov", "category": "family"])
        #expect(moved.status == 201)
        #expect(moved.json["occupied"]?.intValue == 25)
        #expect(moved.json["to"]?.stringValue == "torshov")
        #expect(moved.json["arrival"]?["facility"]?.stringValue == "torshov")
        #expect(moved.json["arrival"]?["transfer_from"]?.stringValue == "refstad")
        #expect(moved.json["arrival"]?["occupied"]?.intValue == 15)
        #expect(moved.json["arrival"]?["category"]?.stringValue == "family")
        let departure = try #require(ops.events("departure.recorded").last)
        let arrival = try #require(ops.events("arrival.recorded").last)
        #expect(departure["subject"]?.stringValue == "facility/refstad")
        #expect(departure["data"]?["to"]?.stringValue == "torshov")
        #expect(arrival["subject"]?.stringValue == "facility/torshov")
        #expect(arrival["data"]?["transfer_from"]?.stringValue == "refstad")
        #expect(arrival["seq"]?.intValue == departure["seq"]?.intValue.map { $0 + 1 })
        #expect(moved.json["event_seq"] == arrival["seq"])
        #expect(try ops.facility("torshov")["occupied"]?.intValue == 15)

        // When the receiving end refuses, neither half is stored.
        try ops.patch("/v1/facilities/torshov", ["status": "closed"])
        let before = try ops.lastEventSeq()
        expectError(try ops.depart("refstad", 5, ["reason": "transferred", "to": "torshov"]), 409, "conflict")
        expectError(try ops.depart("refstad", 5, ["reason": "transferred", "to": "nowhere"]), 404, "not_found", field: "to")
        #expect(try ops.lastEventSeq() == before)
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 25)
    }

    static let badDepartures: [(JSONValue, String)] = [
        (["reason": "settled", "to": "torshov"], "to"),
        (["reason": "departed", "to": "torshov"], "to"),
        (["reason": "transferred", "to": "refstad"], "to"),
        (["category": "family"], "category"),
        (["reason": "vanished"], "reason"),
        (["count": 0], "count"),
        (["count": -3], "count"),
        (["note": "linje\u{7}"], "note"),
    ]

    @Test(arguments: badDepartures)
    func aBadDepartureNamesTheField(_ changes: JSONValue, _ field: String) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov")
        try ops.arrive("refstad", 10)
        expectError(try ops.depart("refstad", 2, changes), 400, "invalid_field", field: field)
        #expect(try ops.events("departure.").isEmpty)
    }

    /// `occupied` is the last head count plus the records dated after it.
    @Test func theHeadCountRule() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.arrive("refstad", 10, ["at": harness.time(minutes: -60)])
        try ops.arrive("refstad", 5, ["at": harness.time(minutes: -30)])
        // A head count dated before a record adds what came after it.
        let counted = try ops.headCount("refstad", 40, at: harness.time(minutes: -45))
        #expect(counted.status == 201)
        #expect(counted.json["occupied"]?.intValue == 45)
        #expect(counted.json["previous"]?.intValue == 15)
        #expect(try ops.facility("refstad")["last_report_at"] == harness.time(minutes: -45))

        // Records dated before the head count are kept but change nothing: it included them.
        let late = try ops.arrive("refstad", 7, ["at": harness.time(minutes: -50)])
        #expect(late.status == 201)
        #expect(late.json["occupied"]?.intValue == 45)
        #expect(try ops.events("arrival.recorded").last?["data"]?["before_last_report"]?.boolValue == true)
        #expect(try ops.depart("refstad", 3, ["at": harness.time(minutes: -50)]).json["occupied"]?.intValue == 45)
        #expect(try ops.arrive("refstad", 2).json["occupied"]?.intValue == 47)

        let older = try ops.headCount("refstad", 30, at: harness.time(minutes: -50))
        expectError(older, 409, "conflict")
        #expect(older.details?["last_report_at"] == harness.time(minutes: -45))
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 47)
        // Another count at the same time: the 5 and the 2 dated after it are added again.
        #expect(try ops.headCount("refstad", 46, at: harness.time(minutes: -45)).json["occupied"]?.intValue == 53)
    }

    @Test func aTimeMoreThanFiveMinutesAheadIsRefused() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.arrive("refstad", 10)
        let ahead = harness.time(minutes: 6)
        expectError(try ops.arrive("refstad", 1, ["at": ahead]), 400, "invalid_field", field: "at")
        expectError(try ops.depart("refstad", 1, ["at": ahead]), 400, "invalid_field", field: "at")
        expectError(try ops.headCount("refstad", 1, at: ahead), 400, "invalid_field", field: "at")
        expectError(try ops.arrive("refstad", 1, ["at": "1999-12-31T23:00:00Z"]), 400, "invalid_field", field: "at")
        expectError(try ops.arrive("refstad", 1, ["at": "i går"]), 400, "invalid_field", field: "at")
        #expect(try ops.arrive("refstad", 1, ["at": harness.time(minutes: 4)]).status == 201)
    }

    @Test func aFacilityIsStaleADayAfterItsLastHeadCount() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("ila", ["status": "planned"])
        #expect(try ops.facility("refstad")["stale"]?.boolValue == true)  // never counted
        #expect(try ops.facility("ila")["stale"]?.boolValue == false)  // not operating
        let reportedAt = harness.time(minutes: 0)
        try ops.headCount("refstad", 20)
        var facility = try ops.facility("refstad")
        #expect(facility["last_report_at"] == reportedAt)
        #expect(facility["stale"]?.boolValue == false)
        harness.advance(hours: 24)
        #expect(try ops.facility("refstad")["stale"]?.boolValue == false)
        harness.clock.advance(seconds: 60)
        facility = try ops.facility("refstad")
        #expect(facility["stale"]?.boolValue == true)
        #expect(facility["last_report_at"] == reportedAt)
        #expect(try ops.get("/v1/capacity")["stale_facilities"] == ["refstad"])
        // Arrivals do not make the figures fresh again; only a head count does.
        try ops.arrive("refstad", 1)
        #expect(try ops.facility("refstad")["stale"]?.boolValue == true)
        try ops.headCount("refstad", 21)
        #expect(try ops.facility("refstad")["stale"]?.boolValue == false)
    }
}

/// Bulk imports: all rows or none, and every bad row named.
@Suite(.serialized) struct ImportAPITests {
    @Test func oneBadRowStoresNothingAndEveryBadRowIsListed() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("schwensensgate", ["status": "closed"])
        let before = try ops.lastEventSeq()
        let rows: JSONValue = [
            ["facility": "refstad", "count": 10, "category": "adult"],
            ["facility": "refstad", "count": "ti", "category": "adult"],
            ["facility": "refstad", "count": 5, "category": "family", "at": harness.time(minutes: -90)],
            ["facility": "nowhere", "count": 1, "category": "adult"],
            ["facility": "refstad", "count": 1, "category": "child"],
            ["facility": "refstad", "count": 0, "category": "adult"],
            ["facility": "schwensensgate", "count": 2, "category": "adult"],
            ["facility": "refstad", "count": 2, "category": "adult", "notat": "typo"],
            ["facility": "refstad", "count": 2, "category": "adult", "at": harness.time(minutes: 60)],
        ]
        let refused = try ops.post("/v1/imports/arrivals", ["rows": rows])
        expectError(refused, 400, "invalid_field", field: "rows[1].count")
        let problems = refused.details?["problems"]?.arrayValue ?? []
        #expect(problems.map { $0["row"]?.intValue } == [2, 4, 5, 6, 7, 8, 9])
        #expect(problems.map { $0["field"]?.stringValue } == ["count", "facility", "category", "count", "row", "notat", "at"])
        #expect(problems.allSatisfy { $0["message"]?.stringValue?.isEmpty == false && $0["message_nb"] != nil })
        #expect(refused.message?.hasPrefix("7 bad row(s); first: row 2: count") == true, "\(refused.message ?? "")")

        #expect(try ops.lastEventSeq() == before)
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 0)
        #expect(try ops.get("/v1/arrivals?from=2026-11-22&to=2026-11-22")["total"]?.intValue == 0)
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 0)
    }

    @Test func aGoodImportStoresEveryRow() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov", ["kind": "ordinary"])
        let imported = try ops.post("/v1/imports/arrivals", [
            "rows": [
                ["facility": "refstad", "count": 10, "category": "adult", "at": harness.time(minutes: -120)],
                ["facility": "refstad", "count": 4, "category": "family", "at": harness.time(minutes: -60)],
                ["facility": "torshov", "count": 3, "category": "minor_15_17", "note": "fra Storskog"],
            ],
        ])
        #expect(imported.status == 201)
        #expect(imported.json["imported"]?.intValue == 3)
        #expect(imported.json["people"]?.intValue == 17)
        let events = try ops.events("arrival.recorded")
        #expect(events.count == 3)
        #expect(imported.json["event_seq"] == events.last?["seq"])
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 14)
        #expect(try ops.facility("torshov")["occupied"]?.intValue == 3)

        let counts = try ops.post("/v1/imports/occupancy", [
            "rows": [
                ["facility": "refstad", "occupied": 20, "at": harness.time(minutes: -90)],
                ["facility": "torshov", "occupied": 30],
            ],
        ])
        #expect(counts.status == 201)
        #expect(counts.json["imported"]?.intValue == 2)
        #expect(counts.json["people"]?.intValue == 50)
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 24)  // 20 then the 4 dated after
        #expect(try ops.facility("torshov")["occupied"]?.intValue == 30)
    }

    @Test func aHeadCountImportIsAllOrNothingToo() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.headCount("refstad", 10)
        let refused = try ops.post("/v1/imports/occupancy", [
            "rows": [
                ["facility": "refstad", "occupied": 12, "at": harness.time(minutes: 1)],
                ["facility": "refstad", "occupied": 11, "at": harness.time(minutes: -10)],
                ["facility": "refstad", "occupied": -1],
            ],
        ])
        expectError(refused, 400, "invalid_field", field: "rows[1].row")
        #expect(refused.details?["problems"]?.arrayValue?.map { $0["row"]?.intValue } == [2, 3])
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 10)
        #expect(try ops.events("occupancy.reported").count == 1)
        expectError(try ops.post("/v1/imports/arrivals", ["rows": []]), 400, "invalid_field", field: "rows")
        let typo = try ops.post("/v1/imports/arrivals", ["rows": [["facility": "refstad", "count": 1, "category": "adult"]], "rader": []])
        expectError(typo, 400, "invalid_field", field: "rader")
        expectError(try ops.post("/v1/imports/arrivals", ["rader": []]), 400, "invalid_field", field: "rows")
    }
}
