import Foundation
import Testing

/// Bokmål throughout: with `--lang nb` the values read in bokmål too (levels, kinds, states,
/// severities), one word for each thing, and numbers agree with their nouns.
@Suite struct BokmaalCLITests {
    @Test func valuesAndFiguresReadInBokmaal() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 300)).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "45", "--category", "family"]).code == 0)
        let nb = ["--lang", "nb"]

        let recorded = try daemon.cli(["departure", "record", "refstad", "1", "--reason", "settled"] + nb)
        #expect(recorded.stdout.contains("utflytting") && recorded.stdout.contains("(bosatt)"), "\(recorded.stdout)")
        let surge = try daemon.cli(["surge"] + nb).stdout
        #expect(surge.contains("Ankomstnivå: FORHØYET"), "\(surge)")
        #expect(surge.contains("Fordi: 45 ankomster siste døgn (terskel 40)"), "\(surge)")
        #expect(surge.contains("transittmottak"), "\(surge)")
        let list = try daemon.cli(["facility", "list"] + nb).stdout
        #expect(list.contains("transittmottak") && list.contains("åpent"), "\(list)")
        let status = try daemon.cli(["status"] + nb).stdout
        #expect(status.contains("Ankomstnivå"), "\(status)")
        #expect(status.contains("1 aktivt"), "\(status)")
        #expect(status.contains("1 ukvittert"), "one unacknowledged alert agrees in number: \(status)")
        let english = try daemon.cli(["status"]).stdout
        #expect(english.contains("1 firing") && english.contains("ELEVATED"), "\(english)")
    }

    /// Words the office does not use for these things: a departure from a facility is
    /// "utflytting", the surge level "ankomstnivå", overdue "over fristen".
    static let retired = ["utreise", "Utreise", "beredskapsnivå", "Beredskapsnivå", "forfalt", "Forfalt", "FORFALT"]

    @Test func noTextForPeopleUsesARetiredWord() throws {
        let checkout = ReadmeWalkTests.checkout
        let folders = ["Sources", "Playbooks"].map { checkout.appendingPathComponent($0).path }
        var found: [String] = []
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".json5") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for word in Self.retired where text.contains(word) { found.append("\(file): \(word)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
