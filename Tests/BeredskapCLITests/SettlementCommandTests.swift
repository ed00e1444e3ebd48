import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapCLI

/// `settlement quotas|record|import|progress`: the quota and record files, the arguments, and
/// the progress table for people.
@Suite struct SettlementCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return command
    }

    func problems(_ body: () throws(ImportFailure) -> Void) -> [ImportProblem] {
        do {
            try body()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func quotasComeFromCSVJSONOrArguments() throws {
        #expect(try QuotaFile.quotas("district;quota\nullern;50\nalna;76\n") == ["ullern": 50, "alna": 76])
        #expect(try QuotaFile.quotas("\u{FEFF}{ \"ullern\": 50, alna: 76, }") == ["ullern": 50, "alna": 76])
        let twice = problems { () throws(ImportFailure) in _ = try QuotaFile.quotas("district,quota\nullern,50\nullern,51\n") }
        #expect(twice.map(\.line) == [3])
        let negative = problems { () throws(ImportFailure) in _ = try QuotaFile.quotas("district,quota\nullern,-5\n") }
        #expect(negative.map(\.field) == ["quota"])
        let command = try parsed(["settlement", "quotas", "adopt", "2016", "ullern=50", "alna=0"])
        #expect(try QuotaCommands.quotasGiven(command) == ["ullern": 50, "alna": 0])
        #expect(throws: UsageError.self) { try QuotaCommands.quotasGiven(try parsed(["settlement", "quotas", "adopt", "2016", "ullern:50"])) }
        #expect(throws: UsageError.self) { try QuotaCommands.quotasGiven(try parsed(["settlement", "quotas", "adopt", "2016"])) }
        #expect(throws: UsageError.self) { try parsed(["settlement", "quotas", "adopt", "16"]).settlementYear() }
    }

    @Test func aSettlementFileIsCheckedLineByLine() throws {
        let rows = try SettlementRecordCommands.records(
            "district;date;count;mode;year\nullern;2016-09-01;4;ordinary;\nalna;2017-01-03;2;familyReunification;2016\n")
        #expect(rows.rows == [
            SettlementRecordBody(district: "ullern", date: try #require(CalendarDate(parsing: "2016-09-01")), count: 4, mode: .ordinary),
            SettlementRecordBody(
                district: "alna", date: try #require(CalendarDate(parsing: "2017-01-03")), count: 2, mode: .familyReunification,
                year: 2016),
        ])
        let bad = problems { () throws(ImportFailure) in _ = try SettlementRecordCommands.records("district,date,count,mode\nullern,1.9.2016,0,quota\n") }
        #expect(bad.map(\.field) == ["date", "count", "mode"])
        #expect(bad.allSatisfy { $0.line == 2 })
        let header = problems { () throws(ImportFailure) in _ = try SettlementRecordCommands.records("district,count\nullern,4\n") }
        #expect(!header.isEmpty)
    }

    @Test func recordNeedsItsOptions() throws {
        #expect(throws: UsageError.self) { try parsed(["settlement", "record", "--district", "ullern"]).required("date") }
        #expect(throws: UsageError.self) { try parsed(["settlement", "record", "--mode", "quota"]).enumValue("mode", SettlementMode.self) }
    }

    @Test func theProgressTableMarksTheDistrictsBehindWithABar() {
        let thresholds = SettlementLagThresholds.defaults
        let at = CalendarDate(parsing: "2016-09-01") ?? CalendarDate(daysSinceEpoch: 0)
        let progress = SettlementProgress(
            year: 2016, at: at, quotas: ["vestre-aker": 75, "st-hanshaugen": 58, "ostensjo": 77],
            settled: ["st-hanshaugen": 53, "ostensjo": 33], districts: ["st-hanshaugen", "vestre-aker", "ostensjo"],
            thresholds: thresholds)
        let response = SettlementProgressResponse(
            progress, quotaVersion: 1, thresholds: thresholds,
            names: ["vestre-aker": "Vestre Aker", "st-hanshaugen": "St. Hanshaugen", "ostensjo": "Østensjø"])
        let output = Output(language: .nb, style: TextStyle(enabled: false), format: .human, width: 200, write: { _ in }, writeError: { _ in })
        let lines = ProgressCommand.lines(response, output).joined(separator: "\n").split(separator: "\n").map(String.init)
        #expect(lines[0] == "Bosetting 2016 per 2016-09-01: dag 245 av 366 (kvoteversjon 1)")
        let vestreAker = lines.first { $0.hasPrefix("Vestre Aker") } ?? ""
        let ostensjo = lines.first { $0.hasPrefix("Østensjø") } ?? ""
        #expect(vestreAker.hasSuffix("◀ etter"))
        #expect(ostensjo.hasSuffix("◀ etter"))
        // Aligned by display width (Ø is one column): the quotas end in the same column.
        func quotaEnd(_ line: String, _ quota: String) -> Int? {
            line.range(of: " \(quota) ").map { displayWidth(String(line[..<$0.upperBound])) }
        }
        #expect(quotaEnd(vestreAker, "75") != nil && quotaEnd(vestreAker, "75") == quotaEnd(ostensjo, "77"))
        #expect(lines.first { $0.hasPrefix("St. Hanshaugen") }?.contains("etter") == false)
        #expect(lines.last == "Etter (mer enn 10 personer og 25 % av det ventede): Vestre Aker, Østensjø")
        #expect(ProgressCommand.bar(response.districts[1]).hasSuffix("│"), "nothing settled: an empty bar up to the expected")
        #expect(ProgressCommand.bar(response.districts[0]).count > ProgressCommand.barCells, "ahead: past the expected")
    }
}
