import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// The capacity picture: the city, by kind and by district.
@Suite(.serialized) struct CapacityPictureAPITests {
    /// Six facilities: two operating transit centres (one over-full, one with expansion
    /// headroom), reserves with and without a district, a closed one still reporting people,
    /// and a planned one above the cap.
    static func sixFacilities(_ harness: DaemonHarness) throws -> Session {
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("a-transit", ["district": "alna", "capacity": 200, "blocked": 20, "expansion_capacity": 250])
        try ops.putFacility("b-closing", ["district": "alna", "status": "closing", "capacity": 100])
        try ops.putFacility(
            "c-standby", ["kind": "ordinary", "status": "standby", "district": nil, "capacity": 80, "expansion_capacity": 120])
        try ops.putFacility("d-planned", ["kind": "careCentre", "status": "planned", "district": "sagene", "capacity": 60])
        try ops.putFacility("e-closed", ["kind": "emergency", "district": "sagene", "capacity": 300])
        try ops.headCount("a-transit", 150)
        try ops.headCount("b-closing", 120, at: harness.time(minutes: -25 * 60), force: true)
        try ops.headCount("e-closed", 5)
        try ops.patch("/v1/facilities/e-closed", ["status": "closed"])
        let admin = try Session(harness, as: People.admin)
        let overCap = try admin.putFacility(
            "f-over-cap", ["kind": "emergency", "status": "planned", "district": nil, "capacity": 1100, "cap_override": Fixture.override])
        #expect(overCap.status == 201)
        return ops
    }

    @Test func totalsByKindAndByDistrict() throws {
        let harness = try DaemonHarness()
        let ops = try Self.sixFacilities(harness)
        let picture = try ops.get("/v1/capacity")
        // Only open and closing facilities count as places; free is summed per facility (the
        // 20 too many at b do not use up a's 30), and everyone present counts as occupied.
        #expect(picture["total"] == [
            "facilities": 6, "capacity": 300, "blocked": 20, "available": 280, "occupied": 275, "free": 30,
            "over_capacity": 25, "utilization": 0.9821, "standby_capacity": 1330,
        ])
        #expect(picture["by_kind"]?["transit"] == [
            "facilities": 2, "capacity": 300, "blocked": 20, "available": 280, "occupied": 270, "free": 30,
            "over_capacity": 20, "utilization": 0.9643, "standby_capacity": 50,
        ])
        #expect(picture["by_kind"]?["ordinary"]?["standby_capacity"]?.intValue == 120)  // its expansion
        #expect(picture["by_kind"]?["ordinary"]?["utilization"]?.isNull == true)
        #expect(picture["by_kind"]?["careCentre"]?["standby_capacity"]?.intValue == 60)
        #expect(picture["by_kind"]?["emergency"]?["over_capacity"]?.intValue == 5)
        #expect(picture["by_kind"]?["emergency"]?["standby_capacity"]?.intValue == 1100)
        #expect(picture["by_kind"]?["emergency"]?["facilities"]?.intValue == 2)
        #expect(picture["by_kind"]?.objectValue?.keys.sorted() == ["careCentre", "emergency", "ordinary", "transit"])
        #expect(picture["by_district"]?.objectValue?.keys.sorted() == ["alna", "sagene", "unassigned"])
        #expect(picture["by_district"]?["alna"]?["free"]?.intValue == 30)
        #expect(picture["by_district"]?["alna"]?["occupied"]?.intValue == 270)
        #expect(picture["by_district"]?["unassigned"]?["facilities"]?.intValue == 2)
        #expect(picture["by_district"]?["unassigned"]?["standby_capacity"]?.intValue == 1220)
        #expect(picture["by_district"]?["sagene"]?["occupied"]?.intValue == 5)
        #expect(picture["by_district"]?["sagene"]?["capacity"]?.intValue == 0)
        #expect(picture["stale_facilities"] == ["b-closing"])
        // The 5 still at the closed e have no place: they are over capacity there.
        #expect(picture["over_capacity_facilities"] == ["b-closing", "e-closed"])
        #expect(picture["over_cap_facilities"] == ["f-over-cap"])
        #expect(picture["cap"]?.intValue == 1000)
        #expect(picture["at"]?.stringValue == harness.clock.now().rfc3339)

        let status = try ops.get("/v1/status")
        #expect(status["capacity"] == [
            "capacity": 300, "blocked": 20, "available": 280, "occupied": 275, "free": 30, "over_capacity": 25,
            "utilization": 0.9821, "standby_capacity": 1330,
        ])
        #expect(status["surge_level"]?.stringValue == "normal")
    }

    /// `status`, `capacity` and the facility list count with one definition: the list's
    /// facilities add up to its total, the total is the city's, and a facility that is not
    /// operating has no available places (issue 18: "719 places, 745 occupied, 14 free").
    @Test func statusCapacityAndTheFacilityListAgree() throws {
        let harness = try DaemonHarness()
        let ops = try Self.sixFacilities(harness)
        let total = try #require(try ops.get("/v1/capacity")["total"])
        let list = try ops.get("/v1/facilities")
        let facilities = list["facilities"]?.arrayValue ?? []
        #expect(list["total"] == total)
        for field in ["available", "occupied", "free"] {
            #expect(facilities.compactMap { $0[field]?.intValue }.reduce(0, +) == total[field]?.intValue, "\(field)")
        }
        let status = try ops.get("/v1/status")["capacity"]
        for field in ["capacity", "blocked", "available", "occupied", "free", "over_capacity", "utilization", "standby_capacity"] {
            #expect(status?[field] == total[field], "\(field)")
        }
        let figures = ["available", "occupied", "free", "over_capacity"].map { total[$0]?.intValue ?? -1 }
        #expect(figures[0] - figures[1] == figures[2] - figures[3])
        for id in ["c-standby", "d-planned", "e-closed", "f-over-cap"] {
            let facility = try ops.facility(id)
            #expect(facility["available"]?.intValue == 0, "\(id)")
            #expect(facility["free"]?.intValue == 0, "\(id)")
            #expect(facility["utilization"]?.isNull == true, "\(id)")
        }
        #expect(try ops.facility("e-closed")["over_capacity"]?.boolValue == true)
        let filtered = try ops.get("/v1/facilities?district=alna")
        #expect(filtered["total"] == (try ops.get("/v1/capacity")["by_district"]?["alna"]))
    }

    @Test func theFacilityListFiltersAndCarriesTheComputedFigures() throws {
        let harness = try DaemonHarness()
        let ops = try Self.sixFacilities(harness)
        let all = try ops.get("/v1/facilities")["facilities"]?.arrayValue ?? []
        #expect(all.map { $0["id"]?.stringValue } == ["a-transit", "b-closing", "c-standby", "d-planned", "e-closed", "f-over-cap"])
        let transit = try #require(all.first)
        #expect(transit["available"]?.intValue == 180)
        #expect(transit["free"]?.intValue == 30)
        #expect(transit["utilization"]?.doubleValue == 0.8333)
        let ids = { (query: String) in
            try ops.get("/v1/facilities?\(query)")["facilities"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        }
        #expect(try ids("kind=emergency") == ["e-closed", "f-over-cap"])
        #expect(try ids("status=planned") == ["d-planned", "f-over-cap"])
        #expect(try ids("district=alna") == ["a-transit", "b-closing"])
        expectError(try ops.send("GET", "/v1/facilities?kind=hotel"), 400, "invalid_field", field: "kind")
    }
}

/// Districts: the 15 of the contract, and their population figures.
@Suite(.serialized) struct DistrictAPITests {
    @Test func theFifteenDistrictsInNumberOrder() throws {
        let harness = try DaemonHarness()
        let districts = try Session(harness, as: People.viewer).get("/v1/districts")["districts"]?.arrayValue ?? []
        #expect(districts.map { $0["number"]?.intValue } == (1...15).map { Int64($0) })
        #expect(districts.map { $0["id"]?.stringValue } == District.oslo.map(\.id))
        #expect(districts.first?["name"]?.stringValue == "Gamle Oslo")
        #expect(districts.last?["id"]?.stringValue == "sondre-nordstrand")
    }

    @Test func aPopulationIsStoredOnceAndAnUnchangedPutChangesNothing() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.admin)
        let body: JSONValue = ["number": 12, "name": "Alna", "population": ["2016": 49_801, "2020": 49_358]]
        let stored = try ops.put("/v1/districts/alna", body)
        #expect(stored.status == 200)
        #expect(stored.json["changed"]?.boolValue == true)
        #expect(stored.json["population"] == body["population"])
        let events = try ops.events("district.updated")
        #expect(events.map { $0["subject"]?.stringValue } == ["district/alna"])
        #expect(stored.json["event_seq"] == events.last?["seq"])
        let districts = try ops.get("/v1/districts")["districts"]?.arrayValue ?? []
        #expect(districts.first { $0["id"]?.stringValue == "alna" }?["population"] == body["population"])

        let again = try ops.put("/v1/districts/alna", body)
        #expect(again.json["changed"]?.boolValue == false)
        #expect(again.json["event_seq"] == stored.json["event_seq"])
        #expect(try ops.events("district.updated").count == 1)
    }

    static let badDistricts: [(JSONValue, String)] = [
        (["number": 12, "name": "Alna", "population": ["16": 49_801]], "population"),
        (["number": 12, "name": "Alna", "population": ["år2016": 49_801]], "population"),
        (["number": 12, "name": "Alna", "population": ["1700": 1]], "population"),
        (["number": 12, "name": "Alna", "population": ["2016": -1]], "population.2016"),
        (["number": 12, "name": "Alna", "population": ["2016": "mange"]], "population.2016"),
        (["number": 0, "name": "Alna"], "number"),
        (["number": 12, "name": " "], "name"),
        (["number": 12, "name": "Alna", "befolkning": [:]], "befolkning"),
    ]

    @Test(arguments: badDistricts)
    func aBadDistrictNamesTheField(_ body: JSONValue, _ field: String) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.admin)
        expectError(try ops.put("/v1/districts/alna", body), 400, "invalid_field", field: field)
        #expect(try ops.events("district.").isEmpty)
    }
}

/// Reading the picture needs `read`; changing anything needs `operate`.
@Suite(.serialized) struct CapacityPermissionAPITests {
    @Test func aViewerReadsEverythingAndChangesNothing() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let viewer = try Session(harness, as: People.viewer)
        for path in [
            "/v1/capacity", "/v1/surge", "/v1/facilities", "/v1/facilities/refstad", "/v1/districts", "/v1/arrivals",
            "/v1/occupancy",
        ] {
            #expect(try viewer.send("GET", path).status == 200, "\(path)")
        }
        let writes: [(String, String, JSONValue)] = [
            ("PUT", "/v1/facilities/torshov", Fixture.facility()),
            ("PATCH", "/v1/facilities/refstad", ["status": "closed"]),
            ("POST", "/v1/arrivals", ["facility": "refstad", "count": 1, "category": "adult"]),
            ("POST", "/v1/departures", ["facility": "refstad", "count": 1, "reason": "settled"]),
            ("POST", "/v1/facilities/refstad/occupancy", ["occupied": 3]),
            ("POST", "/v1/imports/arrivals", ["rows": [["facility": "refstad", "count": 1, "category": "adult"]]]),
            ("POST", "/v1/imports/occupancy", ["rows": [["facility": "refstad", "occupied": 1]]]),
        ]
        for (method, path, body) in writes {
            let denied = try viewer.send(method, path, body)
            expectError(denied, 403, "forbidden")
            #expect(denied.details?["permission"]?.stringValue == "operate", "\(method) \(path)")
        }
        // A district's reference data and contact point are the administrator's (API.md).
        for session in [viewer, try Session(harness, as: People.operatorByGroup)] {
            let denied = try session.send("PUT", "/v1/districts/alna", ["number": 12, "name": "Alna"])
            expectError(denied, 403, "forbidden")
            #expect(denied.details?["permission"]?.stringValue == "admin")
        }
        // The denials are in the access trail, which administrators see.
        #expect(try Session(harness).events("access.denied").count == writes.count + 2)
        #expect(try ops.facility("refstad")["status"]?.stringValue == "open")
        #expect(try ops.events("facility.").count == 1)
    }
}
