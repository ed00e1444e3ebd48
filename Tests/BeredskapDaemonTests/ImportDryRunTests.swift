import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// `?dry_run=true` on the imports: every row checked against the store, nothing written.
@Suite struct ImportDryRunTests {
    @Test func aDryRunNamesEveryBadRowAndWritesNothing() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("schwensensgate", ["status": "closed"])
        let before = try ops.lastEventSeq()
        let rows: JSONValue = [
            ["facility": "refstad", "count": 10, "category": "adult"],
            ["facility": "refstd", "count": 1, "category": "adult"],
            ["facility": "refstad", "count": 0, "category": "adult"],
            ["facility": "schwensensgate", "count": 2, "category": "adult"],
            ["facility": "refstad", "count": 2, "category": "child"],
            ["facility": "refstad", "count": 2, "category": "adult", "at": harness.time(minutes: 60)],
        ]
        let refused = try ops.post("/v1/imports/arrivals?dry_run=true", ["rows": rows])
        expectError(refused, 400, "invalid_field", field: "rows[1].facility")
        let problems = refused.details?["problems"]?.arrayValue ?? []
        #expect(problems.map { $0["row"]?.intValue } == [2, 3, 4, 5, 6])
        #expect(problems.map { $0["field"]?.stringValue } == ["facility", "count", "facility", "category", "at"])
        #expect(problems.first?["message"]?.stringValue == "no facility 'refstd'")
        #expect(try ops.lastEventSeq() == before)

        let counts = try ops.post("/v1/imports/occupancy?dry_run=true", ["rows": [["facility": "nowhere", "occupied": 3]]])
        expectError(counts, 400, "invalid_field", field: "rows[0].facility")
    }

    @Test func aGoodDryRunSaysWhatWouldBeImported() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let before = try ops.lastEventSeq()
        let checked = try ops.post("/v1/imports/arrivals?dry_run=true", [
            "rows": [
                ["facility": "refstad", "count": 10, "category": "adult", "at": harness.time(minutes: -120)],
                ["facility": "refstad", "count": 4, "category": "family"],
            ],
        ])
        #expect(checked.status == 200, "\(checked.text)")
        #expect(checked.json == ["rows": 2, "people": 14, "dry_run": true])
        #expect(try ops.lastEventSeq() == before)
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 0)
        let counts = try ops.post("/v1/imports/occupancy?dry_run=1", ["rows": [["facility": "refstad", "occupied": 30]]])
        #expect(counts.json == ["rows": 1, "people": 30, "dry_run": true])
        #expect(try ops.facility("refstad")["occupied"]?.intValue == 0)
    }
}
