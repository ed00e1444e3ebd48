import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// Settlement years through the API: stored once, an unchanged PUT answers `changed: false`
/// without an event, listed oldest first, kept over a restart, and every bad field named.
@Suite(.serialized) struct SettlementYearAPITests {
    static let year2007: JSONValue = [
        "imdi_request": 480, "council_decision": 240, "imdi_request_minors": 20, "note": "Strategien 2016, tabell over anmodninger",
    ]

    @Test func aYearIsStoredOnceAndListedInOrder() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let stored = try ops.put("/v1/settlement/years/2007", Self.year2007)
        #expect(stored.status == 200)
        #expect(stored.json["changed"]?.boolValue == true)
        #expect(stored.json["difference"]?.intValue == -240)
        let events = try ops.events("settlement.year_set")
        #expect(events.map { $0["subject"]?.stringValue } == ["settlement/2007"])
        #expect(events.first?["data"]?["note"] == nil, "the note stays in the row")
        #expect(events.first?["data"]?["council_decision"]?.intValue == 240)

        let again = try ops.put("/v1/settlement/years/2007", Self.year2007)
        #expect(again.json["changed"]?.boolValue == false)
        #expect(again.json["event_seq"] == stored.json["event_seq"])
        #expect(try ops.events("settlement.").count == 1)

        try ops.put("/v1/settlement/years/2004", ["imdi_request": 465, "council_decision": 465])
        let viewer = try Session(harness, as: People.viewer)
        let years = try viewer.get("/v1/settlement/years")["years"]?.arrayValue ?? []
        #expect(years.map { $0["year"]?.intValue } == [2004, 2007])
        let one = try viewer.get("/v1/settlement/years/2007")
        #expect(one["note"]?.stringValue == "Strategien 2016, tabell over anmodninger")
        #expect(one["imdi_request_minors"]?.intValue == 20)
        expectError(try viewer.send("GET", "/v1/settlement/years/2005"), 404, "not_found")
        expectError(try viewer.put("/v1/settlement/years/2005", ["imdi_request": 1]), 403, "forbidden")
    }

    @Test func aRestartKeepsTheYears() throws {
        let daemon = try RestartableDaemon()
        try daemon.session(as: People.operatorByGroup).put("/v1/settlement/years/2016", ["imdi_request": 1000, "council_decision": 1000])
        try daemon.restart()
        #expect(try daemon.session(as: People.viewer).get("/v1/settlement/years/2016")["council_decision"]?.intValue == 1000)
    }

    static let badYears: [(String, JSONValue, String)] = [
        ("1989", ["imdi_request": 1], "year"),
        ("2201", ["imdi_request": 1], "year"),
        ("20x6", ["imdi_request": 1], "year"),
        ("2016", ["imdi_request": -1], "imdi_request"),
        ("2016", ["council_decision": 200_000], "council_decision"),
        ("2016", ["imdi_request": 100, "imdi_request_minors": 101], "imdi_request_minors"),
        ("2016", ["council_decision": 10, "council_decision_minors": 11], "council_decision_minors"),
        ("2016", ["imdi_request": "mange"], "imdi_request"),
        ("2016", ["note": .string(String(repeating: "x", count: 501))], "note"),
        ("2016", ["anmodning": 1], "anmodning"),
    ]

    @Test(arguments: badYears)
    func aBadYearNamesTheField(_ year: String, _ body: JSONValue, _ field: String) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        expectError(try ops.put("/v1/settlement/years/\(year)", body), 400, "invalid_field", field: field)
        #expect(try ops.events("settlement.").isEmpty)
    }
}

/// The allocation preview through the API: it answers from the districts and the year, and
/// changes nothing.
@Suite(.serialized) struct AllocationAPITests {
    static let population2016: [Int64] = [51_444, 56_283, 41_566, 37_263, 57_010, 32_757, 47_885, 49_781, 30_937, 27_419, 32_153, 49_224, 49_821, 50_082, 38_405]
    static let immigrantShare2015: [Double] = [29.9, 28.8, 20.4, 23.7, 25.0, 15.5, 14.9, 15.1, 30.7, 32.9, 34.5, 34.3, 17.6, 13.5, 34.2]

    /// A daemon whose districts have the 2016 population and 2015 immigrant shares, and 2016
    /// decided at 1000.
    static func seeded() throws -> (DaemonHarness, Session) {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let admin = try Session(harness, as: People.admin)
        for (index, district) in District.oslo.enumerated() {
            let body: JSONValue = [
                "number": .integer(Int64(district.number)), "name": .string(district.name),
                "population": ["2016": .integer(population2016[index])],
                "immigrant_share": ["2015": .double(immigrantShare2015[index])],
            ]
            #expect(try admin.put("/v1/districts/\(district.id)", body).status == 200)
        }
        try ops.put("/v1/settlement/years/2016", ["imdi_request": 1000, "council_decision": 1000])
        return (harness, ops)
    }

    @Test func byPopulationTheDecisionIsSplitExactlyAndNothingChanges() throws {
        let (harness, ops) = try Self.seeded()
        let before = try ops.lastEventSeq()
        let viewer = try Session(harness, as: People.viewer)
        let answer = try viewer.post("/v1/settlement/years/2016/allocation", ["method": "population"])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["total"]?.intValue == 1000)
        #expect(answer.json["total_source"]?.stringValue == "council_decision")
        #expect(answer.json["tie_break"]?.stringValue?.contains("largest remainder") == true)
        let districts = answer.json["districts"]?.arrayValue ?? []
        #expect(districts.map { $0["quota"]?.intValue ?? 0 }.reduce(0, +) == 1000)
        #expect(districts.first?["district"]?.stringValue == "gamle-oslo")
        #expect(districts.first?["quota"]?.intValue == 79)
        #expect(districts.first?["contributions"]?["population"] == districts.first?["share"])
        #expect(try ops.lastEventSeq() == before, "a preview appends no event")

        let overridden = try viewer.post("/v1/settlement/years/2016/allocation", ["method": "population", "population_year": 2016, "total": 15])
        #expect(overridden.json["total_source"]?.stringValue == "request")
        #expect((overridden.json["districts"]?.arrayValue ?? []).allSatisfy { $0["quota"]?.intValue == 1 })
    }

    /// A re-allocation during the year: each district's quota beside the one in force.
    @Test func aReAllocationShowsTheDifferenceToTheAdoptedQuotas() throws {
        let (harness, ops) = try Self.seeded()
        let viewer = try Session(harness, as: People.viewer)
        let first = try viewer.post("/v1/settlement/years/2016/allocation", ["method": "population"])
        #expect(first.json["adopted_version"] == nil || first.json["adopted_version"] == .null, "nothing adopted yet")
        #expect(first.json["districts"]?.arrayValue?.first?["difference_to_adopted"] == nil)

        // The adopted quotas: the population split, but Gamle Oslo 5 fewer and Alna 5 more.
        let split = first.json["districts"]?.arrayValue ?? []
        var quotas = JSONObject()
        for row in split {
            let id = row["district"]?.stringValue ?? ""
            let quota = row["quota"]?.intValue ?? 0
            quotas[id] = .integer(id == "gamle-oslo" ? quota - 5 : id == "alna" ? quota + 5 : quota)
        }
        let adopted = try ops.put("/v1/settlement/years/2016/quotas", ["quotas": .object(quotas), "method": "manual"])
        #expect(adopted.status == 200, "\(adopted.text)")

        let again = try viewer.post("/v1/settlement/years/2016/allocation", ["method": "population"])
        #expect(again.json["adopted_version"]?.intValue == 1)
        #expect(again.json["adopted_total"]?.intValue == 1000)
        let rows = Dictionary(uniqueKeysWithValues: (again.json["districts"]?.arrayValue ?? []).map { ($0["district"]?.stringValue ?? "", $0) })
        #expect(rows["gamle-oslo"]?["adopted_quota"]?.intValue == (rows["gamle-oslo"]?["quota"]?.intValue ?? 0) - 5)
        #expect(rows["gamle-oslo"]?["difference_to_adopted"]?.intValue == 5)
        #expect(rows["alna"]?["difference_to_adopted"]?.intValue == -5)
        #expect(rows["ullern"]?["difference_to_adopted"]?.intValue == 0)
    }

    @Test func weightedFromReferenceDataShowsEachContribution() throws {
        let (harness, _) = try Self.seeded()
        let viewer = try Session(harness, as: People.viewer)
        let body: JSONValue = [
            "method": "weighted",
            "criteria": [
                ["name": "immigrant_share", "weight": 2, "direction": "less_gets_more"],
                ["name": "population", "weight": 1, "direction": "more_gets_more", "year": 2016],
            ],
        ]
        let answer = try viewer.post("/v1/settlement/years/2016/allocation", body)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["criteria"]?.arrayValue?.map { $0["year"]?.intValue } == [2015, 2016])
        let districts = answer.json["districts"]?.arrayValue ?? []
        #expect(districts.map { $0["quota"]?.intValue ?? 0 }.reduce(0, +) == 1000)
        for district in districts {
            let parts = ["immigrant_share", "population"].compactMap { district["contributions"]?[$0]?.doubleValue }
            #expect(parts.count == 2)
            #expect(abs(parts.reduce(0, +) - (district["share"]?.doubleValue ?? 0)) < 1e-12)
        }
    }

    static let allDistricts: JSONValue = .object(JSONObject(District.oslo.map { ($0.id, JSONValue.integer(1)) }))
    static func missing(_ id: String) -> JSONValue {
        .object(JSONObject(District.oslo.filter { $0.id != id }.map { ($0.id, JSONValue.integer(1)) }))
    }

    static let refused: [(String, JSONValue, String)] = [
        ("2016", ["method": "weighted", "criteria": []], "criteria"),
        ("2016", ["method": "weighted"], "criteria"),
        ("2016", ["method": "weighted", "criteria": [["name": "capacity", "weight": -1, "direction": "more_gets_more", "values": allDistricts]]], "criteria[0].weight"),
        ("2016", ["method": "weighted", "criteria": [["name": "capacity", "weight": 0, "direction": "more_gets_more", "values": allDistricts]]], "criteria"),
        ("2016", ["method": "weighted", "criteria": [
            ["name": "capacity", "weight": 1, "direction": "more_gets_more", "values": allDistricts],
            ["name": "housing", "weight": 1, "direction": "more_gets_more", "values": missing("ullern")],
        ]], "criteria[1].values.ullern"),
        ("2016", ["method": "weighted", "criteria": [["name": "capacity", "weight": 1, "direction": "sideways", "values": allDistricts]]], "criteria[0].direction"),
        ("2016", ["method": "weighted", "criteria": [["name": "intro_results", "weight": 1, "direction": "more_gets_more"]]], "criteria[0].values"),
        ("2016", ["method": "weighted", "criteria": [["name": "refugees_per_1000", "weight": 1, "direction": "less_gets_more"]]], "criteria[0].year"),
        ("2016", ["method": "weighted", "population_year": 2016, "criteria": [["name": "population", "weight": 1, "direction": "more_gets_more"]]], "population_year"),
        ("2016", ["method": "population", "population_year": 2015], "population_year"),
        ("2016", ["method": "population", "criteria": []], "criteria"),
        ("2016", ["method": "lottery"], "method"),
        ("2016", ["population_year": 2016], "method"),
        ("2016", ["method": "population", "total": -5], "total"),
        ("2017", ["method": "population", "population_year": 2016], "total"),
        ("1900", ["method": "population"], "year"),
    ]

    @Test(arguments: refused)
    func badInputIsRefusedNamingTheField(_ year: String, _ body: JSONValue, _ field: String) throws {
        let (harness, _) = try Self.seeded()
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.post("/v1/settlement/years/\(year)/allocation", body), 400, "invalid_field", field: field)
    }
}
