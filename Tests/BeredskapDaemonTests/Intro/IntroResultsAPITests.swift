import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// `GET /v1/intro/results` through the real daemon: the reference years on an empty state,
/// recorded programmes with known answers, suppression at 4 against 5, and an erasure that
/// leaves the counts.
@Suite(.serialized) struct IntroResultsAPITests {
    /// A person in `district` whose programme started 1 November 2026 and ended on the 20th
    /// with `reason`; their id.
    static func ended(_ caseworker: Session, _ duf: Int, _ district: String, _ reason: String, status: String? = nil) throws -> Int64 {
        let id = try IntroAPITests.permitted(caseworker, duf: duf, district: district)
        #expect(try IntroAPITests.start(caseworker, id).status == 201)
        let end = try caseworker.post("/v1/persons/\(id)/intro", ["action": "end", "reason": .string(reason), "date": "2026-11-20"])
        #expect(end.status == 200, "\(end.text)")
        if let status {
            #expect(try caseworker.post("/v1/persons/\(id)/intro", ["action": "follow_up", "status": .string(status)]).status == 200)
        }
        return id
    }

    static func row(_ results: JSONValue, _ district: String) -> JSONValue? {
        results["districts"]?.arrayValue?.first { $0["district"] == .string(district) }
    }

    @Test func year2014AnswersFromTheReferenceOnAnEmptyState() throws {
        let harness = try DaemonHarness()
        let results = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2014")
        #expect(results["source"] == "reference")
        #expect(results["minimum_participants"] == 5)
        #expect(results["national"] == ["right_after": .null, "one_year_after": 0.62])
        #expect(results["target"] == 0.7)
        #expect(results["districts"]?.arrayValue?.count == 15)
        #expect(Self.row(results, "frogner") == [
            "district": "frogner", "participants": 39, "share": 0.28, "suppressed": false, "below_national": .null,
            "one_year_after": ["participants": .null, "share": 0.33, "suppressed": false, "below_national": true],
        ])
        #expect(Self.row(results, "ullern")?["one_year_after"] == [
            "participants": .null, "share": .null, "suppressed": true, "below_national": .null,
        ], "u.off., never 0")
        #expect(results["city"]?["share"] == 0.43)
        #expect(results["city"]?["participants"] == 317)
        #expect(results["city"]?["one_year_after"]?["share"] == 0.56)
        let year2011 = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2011")
        #expect(Self.row(year2011, "st-hanshaugen")?["share"] == 0.8, "80 % of 5: published at the minimum")
        #expect(Self.row(year2011, "st-hanshaugen")?["below_national"] == false)
        #expect(Self.row(year2011, "grorud")?["below_national"] == true, "20 % against 47 %")
        #expect(Self.row(year2011, "grorud")?["one_year_after"] == .null, "the seed has no one-year figure for 2011")
    }

    @Test func aBadYearIsNamed() throws {
        let harness = try DaemonHarness()
        let viewer = try Session(harness, as: People.viewer)
        for query in ["", "?year=", "?year=20x4", "?year=1989", "?year=2101"] {
            expectError(try viewer.send("GET", "/v1/intro/results\(query)"), 400, "invalid_field", field: "year")
        }
        expectError(try viewer.send("GET", "/v1/intro/results?year=2014&district=alna"), 400, "invalid_field", field: "district")
    }

    /// Alna: 5 ended (work, upper secondary, qualification, social assistance, other → 2 of 5,
    /// 40 %), 4 followed up (work, education, education, other → 3 of 4, suppressed). Grorud: 4
    /// ended, all in work: suppressed, not 100 %. The city: 6 of 9.
    @Test func recordedProgrammesGiveKnownSharesAndFourIsSuppressedWhereFiveIsNot() throws {
        let harness = try DaemonHarness { $0.intro.nationalAverage[2026] = .init(rightAfter: 0.5, oneYearAfter: 0.6) }
        let caseworker = try Session(harness, as: People.caseworker)
        let alna: [(String, String?)] = [
            ("work", "work"), ("upper_secondary", "education"), ("qualification", "education"), ("social_assistance", "other"),
            ("other", nil),
        ]
        for (index, (reason, status)) in alna.enumerated() {
            _ = try Self.ended(caseworker, 6000 + index, "alna", reason, status: status)
        }
        for index in 0..<4 { _ = try Self.ended(caseworker, 6100 + index, "grorud", "work") }
        let results = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2026")
        #expect(results["source"] == "recorded")
        #expect(Self.row(results, "alna") == [
            "district": "alna", "participants": 5, "share": 0.4, "suppressed": false, "below_national": true,
            "one_year_after": ["participants": 4, "share": .null, "suppressed": true, "below_national": .null],
        ])
        #expect(Self.row(results, "grorud")?["participants"] == 4)
        #expect(Self.row(results, "grorud")?["share"] == .null)
        #expect(Self.row(results, "grorud")?["suppressed"] == true)
        #expect(Self.row(results, "bjerke")?["share"] == .null, "nobody: suppressed, not 0 %")
        #expect(results["city"]?["participants"] == 9)
        #expect(results["city"]?["share"]?.doubleValue.map { abs($0 - 6.0 / 9.0) < 1e-9 } == true)
        #expect(!results.serializedString().contains("person"), "aggregates only")

        // A fifth in Grorud: published.
        _ = try Self.ended(caseworker, 6104, "grorud", "social_assistance")
        let five = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2026")
        #expect(Self.row(five, "grorud")?["share"] == 0.8)
        #expect(Self.row(five, "grorud")?["below_national"] == false)
    }

    @Test func anErasureKeepsTheCountsAndTakesTheProgrammeAndItsNotes() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        var ids: [Int64] = []
        for index in 0..<5 { ids.append(try Self.ended(caseworker, 7000 + index, "bjerke", index < 3 ? "work" : "other")) }
        let id = ids[0]
        let followed = try caseworker.client.request(
            "POST", "/v1/persons/\(id)/intro", json: #"{"action":"follow_up","status":"work","note":"Fast jobb hos Ruter"}"#,
            headers: [("Idempotency-Key", "k-intro")])
        #expect(followed.status == 200, "\(followed.text)")
        let export = try caseworker.get("/v1/persons/\(id)/export")
        #expect(export["intro"]?["ended"]?["reason"] == "work")
        #expect(export["intro"]?["notes"]?.arrayValue?.map { $0["note"] } == ["Fast jobb hos Ruter"])
        let before = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2026")

        let admin = try Session(harness, as: People.admin)
        #expect(try admin.send("DELETE", "/v1/persons/\(id)", ["reason": "Begjæring om sletting"]).status == 200)
        expectError(try caseworker.send("GET", "/v1/persons/\(id)/intro"), 404, "not_found")
        #expect(try caseworker.get("/v1/persons/\(id)/export")["intro"] == .null)
        let after = try Session(harness, as: People.viewer).get("/v1/intro/results?year=2026")
        #expect(Self.row(after, "bjerke") == Self.row(before, "bjerke"))
        #expect(Self.row(after, "bjerke")?["share"] == 0.6)
        #expect(PersonPrivacyTests.traces(of: ["Fast jobb hos Ruter"], in: harness.directory) == [],
            "the note and the stored reply of the step are gone")
    }
}
