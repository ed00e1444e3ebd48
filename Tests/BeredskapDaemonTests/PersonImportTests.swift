import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// `POST /v1/imports/persons`: all or nothing, every bad row reported, arrivals summed per facility.
@Suite(.serialized) struct PersonImportTests {
    static func row(_ duf: String, _ changes: [String: JSONValue] = [:]) -> JSONValue {
        PersonAPITests.body(["duf": .string(duf)].merging(changes) { $1 })
    }

    @Test func everyRowIsRegisteredAndThoseWithAFacilityArriveThere() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        let caseworker = try Session(harness, as: People.caseworker)
        let rows: JSONValue = [
            Self.row("202600000001", ["facility": "refstad"]),
            Self.row("202600000002", ["facility": "refstad"]),
            Self.row("202600000003", ["facility": "refstad", "unaccompanied": false, "household": .null]),
            Self.row("202600000004"),
        ]
        let checked = try caseworker.post("/v1/imports/persons?dry_run=true", ["rows": rows])
        #expect(checked.status == 200, "\(checked.text)")
        #expect(checked.json["rows"] == 4)
        #expect(try caseworker.get("/v1/persons")["persons"]?.arrayValue?.count == 0, "a dry run registers nobody")

        let imported = try caseworker.post("/v1/imports/persons", ["rows": rows])
        #expect(imported.status == 201, "\(imported.text)")
        #expect(imported.json["imported"] == 4)
        #expect(try caseworker.get("/v1/persons")["persons"]?.arrayValue?.count == 4)
        #expect(try root.get("/v1/facilities/refstad")["occupied"] == 3)
        let arrivals = try root.events("arrival.recorded").map { $0["data"] ?? .null }
        #expect(arrivals.map { $0["count"] } == [1, 2], "one arrival per category: an adult, two minors")
        #expect(try caseworker.events("person.registered").count == 4)
    }

    @Test func anyBadRowImportsNothingAndEveryBadRowIsReported() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        _ = try PersonAPITests.register(caseworker, Self.row("202600000009"))
        let rows: JSONValue = [
            Self.row("202600000001"),
            Self.row("202600000002", ["district": "atlantis"]),
            Self.row("202600000001"),
            Self.row("202600000009"),
            Self.row("202600000005", ["given_name": " "]),
            Self.row("202600000006", ["facility": "nowhere"]),
        ]
        let refused = try caseworker.post("/v1/imports/persons", ["rows": rows])
        expectError(refused, 400, "invalid_field", field: "rows[1].district")
        let problems = refused.details?["problems"]?.arrayValue ?? []
        #expect(problems.map { $0["row"] } == [2, 3, 4, 5, 6])
        #expect(problems.map { $0["field"] } == ["district", "duf", "duf", "given_name", "facility"])
        #expect(problems[1]["message"]?.stringValue?.contains("row 1") == true, "the same number twice in the file")
        #expect(try caseworker.get("/v1/persons")["persons"]?.arrayValue?.count == 1, "nothing imported")
        expectError(try caseworker.post("/v1/imports/persons", ["rows": []]), 400, "invalid_field", field: "rows")
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.post("/v1/imports/persons", ["rows": rows]), 403, "forbidden")
    }

    @Test func aClosedFacilityFailsTheImportNamingIt() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("ila", ["name": "Ila", "status": "closed"]).status))
        let caseworker = try Session(harness, as: People.caseworker)
        let refused = try caseworker.post("/v1/imports/persons", ["rows": [Self.row("202600000001", ["facility": "ila"])]])
        expectError(refused, 409, "conflict", field: "facility")
        #expect(refused.details?["facility"] == "ila")
        #expect(try caseworker.get("/v1/persons")["persons"]?.arrayValue?.count == 0)
    }
}
