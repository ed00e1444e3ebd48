import BeredskapAPI
import BeredskapCore
import Foundation
import Testing

@testable import BeredskapCLI

@Suite struct SeedFilesTests {
    static let districts = """
        // Two districts, JSON5 as the real file.
        {
          districts: [
            { id: "bjerke", number: 9, name: "Bjerke", population: { "2016": 30937, "2020": 33422 } },
            { id: "sagene", number: 3, name: "Sagene" },
          ],
        }
        """

    static let facilities = """
        {
          facilities: [
            { id: "refstad", name: "Refstad transittmottak", kind: "transit", status: "open", operator: "Hero",
              district: "bjerke", authority: "UDI", capacity: 300 },
            { id: "oslo-mottak", name: "Oslo mottak", kind: "ordinary", status: "open", operator: "Oslo kommune",
              district: null, authority: "UDI", capacity: 150, expansion_capacity: 180, blocked: 10, note: "Østensjø" },
          ],
        }
        """

    /// A fresh directory holding `files` (name → contents); removed by the caller.
    func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "seed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    /// The problems loading `files` gives, as English text.
    func problems(_ files: [String: String]) throws -> [String] {
        let path = try directory(files)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SeedFiles.load(directory: path)
            return []
        } catch {
            return error.problems.map(\.en)
        }
    }

    @Test func bothFilesDecodeIntoDistrictsAndFacilityBodies() throws {
        let path = try directory(["districts.json5": Self.districts, "facilities.json5": Self.facilities])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try #require(try SeedFiles.load(directory: path))
        #expect(loaded.skipped == ["settlement-years.json5"])
        #expect(loaded.districts?.map(\.body) == [
            DistrictBody(number: 9, name: "Bjerke", population: ["2016": 30937, "2020": 33422]),
            DistrictBody(number: 3, name: "Sagene"),
        ])
        #expect(loaded.facilities?.map(\.id) == ["refstad", "oslo-mottak"])
        #expect(loaded.facilities?.last?.body == FacilityBody(
            name: "Oslo mottak", kind: .ordinary, status: .open, operator: "Oslo kommune", district: nil, authority: .udi,
            capacity: 150, expansionCapacity: 180, blocked: 10, note: "Østensjø"))
    }

    @Test func settlementYearsAreCheckedBeforeAnythingIsSent() throws {
        let good = try directory(["settlement-years.json5": "{ years: [{ year: 2007, imdi_request: 480, council_decision: 240, note: \"000\" }] }"])
        defer { try? FileManager.default.removeItem(atPath: good) }
        let loaded = try #require(try SeedFiles.load(directory: good))
        #expect(loaded.years?.map(\.body) == [SettlementYearBody(imdiRequest: 480, councilDecision: 240, note: "000")])
        #expect(try problems(["settlement-years.json5": "{ years: [{ year: 2007 }, { year: 2007 }] }"])
            == ["settlement-years.json5: years[1].year: '2007' appears twice"])
        #expect(try problems(["settlement-years.json5": "{ years: [{ year: 2016, council_decision: 10, council_decision_minors: 11 }] }"])
            .first?.hasPrefix("settlement-years.json5: years[0].council_decision_minors: the minors (11)") == true)
    }

    @Test func theShippedOsloFilesLoad() throws {
        let oslo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config/oslo").path
        let loaded = try #require(try SeedFiles.load(directory: oslo))
        #expect(loaded.years?.map(\.year) == Array(2004...2021))
        #expect(loaded.districts?.filter { $0.minorsService == .nav }.map(\.id) == ["grunerlokka", "sagene"])
        #expect(loaded.districts?.allSatisfy { $0.immigrantShare?["2015"] != nil && $0.refugeesPer1000?["2014"] != nil } == true)
    }

    @Test func aMissingFileIsSkippedAndNeitherIsNothing() throws {
        let onlyFacilities = try directory(["facilities.json5": Self.facilities])
        defer { try? FileManager.default.removeItem(atPath: onlyFacilities) }
        let loaded = try #require(try SeedFiles.load(directory: onlyFacilities))
        #expect(loaded.districts == nil)
        #expect(loaded.skipped == ["districts.json5", "settlement-years.json5"])
        let empty = try directory(["README.md": "nothing here"])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try SeedFiles.load(directory: empty) == nil)
    }

    @Test func unknownKeysAreErrorsNamingTheFileAndField() throws {
        let typo = Self.facilities.replacingOccurrences(of: "expansion_capacity", with: "expansion_capacty")
        let found = try problems(["facilities.json5": typo])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("facilities.json5: facilities[1].expansion_capacty: unknown field"))
        let top = try problems(["districts.json5": "{ districts: [], extra: 1 }"])
        #expect(top.first?.hasPrefix("districts.json5: extra: unknown field") == true)
    }

    @Test func wrongValuesAndSyntaxNameWhereTheyAre() throws {
        let kind = try problems(["facilities.json5": Self.facilities.replacingOccurrences(of: "\"transit\"", with: "\"transito\"")])
        #expect(kind.first?.hasPrefix("facilities.json5: facilities[0].kind: expected one of: arrival, transit") == true)
        let missing = try problems(["districts.json5": "{ districts: [{ id: \"bjerke\", name: \"Bjerke\" }] }"])
        #expect(missing.first?.hasPrefix("districts.json5: districts[0].number: ") == true)
        let syntax = try problems(["districts.json5": "{\n  districts: [\n    { id: 'bjerke' number: 9 },\n  ]\n}"])
        #expect(syntax.first?.hasPrefix("districts.json5: line 3, column ") == true)
        // Both files are checked, so one run shows every file's problem.
        let both = try problems(["districts.json5": "{", "facilities.json5": "{ facilities: 3 }"])
        #expect(both.count == 2)
    }

    @Test func duplicateIdsAndBrokenRulesAreFoundBeforeAnythingIsSent() throws {
        let twice = Self.facilities.replacingOccurrences(of: "\"oslo-mottak\"", with: "\"refstad\"")
        #expect(try problems(["facilities.json5": twice]) == ["facilities.json5: facilities[1].id: 'refstad' appears twice"])
        let broken = Self.facilities.replacingOccurrences(of: "blocked: 10", with: "blocked: 200")
            .replacingOccurrences(of: "capacity: 300", with: "capacity: -1")
        #expect(try problems(["facilities.json5": broken]) == [
            "facilities.json5: facilities[0].capacity: expected an integer between 0 and 100000",
            "facilities.json5: facilities[1].blocked: must not exceed capacity (150)",
        ])
    }

    @Test func districtsMustExistAndCapacitiesFitTheCap() throws {
        let facilities = try SeedFiles.facilities(Self.facilities)
        try SeedFiles.check(facilities, knownDistricts: ["bjerke"], cap: 1000)
        #expect(throws: SeedFailure.self) { try SeedFiles.check(facilities, knownDistricts: [], cap: 1000) }
        do {
            try SeedFiles.check(facilities, knownDistricts: ["sagene"], cap: 170)
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.en) == [
                "facilities.json5: facilities[0].district: unknown district 'bjerke'",
                "facilities.json5: facilities[0].capacity: 300 is above the cap of 170 places; an administrator must set it with `beredskap facility add refstad … --cap-override REASON`",
                "facilities.json5: facilities[1].expansion_capacity: 180 is above the cap of 170 places; an administrator must set it with `beredskap facility add oslo-mottak … --cap-override REASON`",
            ])
        }
    }

    @Test func anExistingFacilityComparesEqualToItsFileDefinition() throws {
        let seed = try #require(try SeedFiles.facilities(Self.facilities).last)
        let stored = Facility(
            id: seed.id, name: seed.name, kind: seed.kind, status: seed.status, operatorName: seed.operator,
            district: seed.district, authority: seed.authority, capacity: seed.capacity,
            expansionCapacity: seed.expansionCapacity, blocked: seed.blocked ?? 0, note: seed.note, occupied: 42,
            createdAt: Timestamp(secondsSinceEpoch: 0), updatedAt: Timestamp(secondsSinceEpoch: 0))
        var resource = FacilityResource(stored, cap: 1000, stale: false)
        #expect(SeedCommand.definition(of: resource) == seed.body.definition)
        resource.capacity = 160
        #expect(SeedCommand.definition(of: resource) != seed.body.definition)
    }
}
