import BeredskapJSON
import Foundation
import Testing

/// Settlement progress with the real binaries: the Oslo seed loads the 2015/2016 reference
/// figures, and progress on 1 September 2016 shows the districts the seed says were behind.
@Suite struct SettlementCLITests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config/oslo").path

    @Test func theSeedShowsVestreAkerAndUllernBehindOnTheFirstOfSeptember2016() throws {
        let daemon = try DaemonProcess()
        let seeded = try daemon.cli(["seed", Self.seed])
        #expect(seeded.code == 0, "\(seeded.stderr)")
        let again = try daemon.cli(["seed", Self.seed, "--json"])
        let settlement = (try JSONParser.parse(Array(again.stdout.utf8)))["settlement"]?.arrayValue
        #expect(settlement?.compactMap { $0["result"]?.stringValue } == ["unchanged", "unchanged"], "\(again.stdout)")

        let table = try daemon.cli(["settlement", "progress", "2016", "--at", "2016-09-01"])
        #expect(table.code == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let vestreAker = try #require(lines.first { $0.hasPrefix("Vestre Aker") })
        let ullern = try #require(lines.first { $0.hasPrefix("Ullern") })
        #expect(vestreAker.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["Vestre", "Aker", "75", "0"])
        #expect(ullern.split(separator: " ", omittingEmptySubsequences: true).prefix(3) == ["Ullern", "50", "4"])
        #expect(vestreAker.hasSuffix("◀ behind") && ullern.hasSuffix("◀ behind"))
        #expect(lines.first { $0.hasPrefix("St. Hanshaugen") }?.contains("behind") == false)
        #expect(lines.last?.contains("Ullern, Vestre Aker") == true)

        let json = try JSONParser.parse(Array(try daemon.cli(["settlement", "progress", "2016", "--at", "2016-09-01", "--json"]).stdout.utf8))
        #expect(json["total"]?["settled"]?.intValue == 488)
        #expect(json["days_in_year"]?.intValue == 366)
        let csv = try daemon.cli(["settlement", "progress", "2015", "--at", "2015-12-31", "--csv"])
        #expect(csv.stdout.split(separator: "\n").last?.hasPrefix("2015,2015-12-31,city,811,746,811.0,65.0,") == true, "\(csv.stdout)")

        let records = try daemon.cli(["settlement", "records", "2016", "--district", "ullern"])
        #expect(records.code == 0, "\(records.stderr)")
        #expect(records.stdout.contains("2016-09-01") && records.stdout.contains("reference"), "\(records.stdout)")
        #expect(records.stdout.contains("4 persons settled towards the 2016 quota."))
        let recordsCSV = try daemon.cli(["settlement", "records", "2015", "--csv"])
        #expect(recordsCSV.stdout.split(separator: "\n").count == 16, "a header and the 15 districts' reference records")
        #expect(try daemon.cli(["settlement", "records", "2016", "--district", "ulern"]).code == 2)

        let usage = try daemon.cli(["settlement", "progress", "16"])
        #expect(usage.code == 2)
        let missing = try daemon.cli(["settlement", "progress", "2014"])
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("settlement quotas adopt 2014"))
    }
}
