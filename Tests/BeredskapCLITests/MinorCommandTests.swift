import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `minor …`: what the command lines ask for, usage errors, help in both languages, and the
/// list, a case and the costs for people and for scripts.
@Suite struct MinorCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return command
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    func output(_ language: Language = .en, _ format: Output.Format = .human) -> (Output, DeadlineCommandTests.Written) {
        DeadlineCommandTests().output(language, format)
    }

    @Test func aPlacementAndAChoiceAreParsed() throws {
        let place = try parsed(["minor", "place", "12", "foster_home", "--from", "2026-09-01", "--cost", "650000", "-m", "Hos Berg"])
        #expect(try PersonCommands.personID(place) == 12)
        #expect(try MinorCommands.placement(place) == NewPlacement(type: .fosterHome, from: Self.day("2026-09-01"), annualCost: 650_000, note: "Hos Berg"))
        let school = try parsed(["minor", "place", "#12", "folk-high-school", "--from", "2027-08-15"])
        #expect(try PersonCommands.personID(school) == 12)
        #expect(try MinorCommands.placement(school) == NewPlacement(type: .folkHighSchool, from: Self.day("2027-08-15")))
        let choice = try parsed(["minor", "aftercare", "12", "move-on", "--date", "2027-04-01", "--until", "2030-12-31"])
        #expect(try MinorCommands.aftercare(choice) == Aftercare(choice: .moveOn, date: Self.day("2027-04-01"), followUpUntil: Self.day("2030-12-31")))
        #expect(try MinorCommands.aftercare(try parsed(["minor", "aftercare", "12", "stay", "--date", "2027-04-01"])).choice == .stay)
    }

    @Test func badCommandLinesAreUsageErrors() throws {
        for arguments in [
            ["minor", "place", "12", "castle", "--from", "2026-09-01"], ["minor", "place", "12", "foster_home"],
            ["minor", "place", "12", "foster_home", "--from", "2026-13-01"], ["minor", "place", "12", "foster_home", "--from", "2026-09-01", "--cost", "-1"],
            ["minor", "aftercare", "12", "leave", "--date", "2027-04-01"], ["minor", "aftercare", "12", "stay"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") {
                let command = try parsed(arguments)
                if arguments[1] == "place" { _ = try MinorCommands.placement(command) } else { _ = try MinorCommands.aftercare(command) }
            }
        }
        #expect(throws: UsageError.self) { try PersonCommands.personID(try parsed(["minor", "show", "tolv"])) }
        #expect(throws: UsageError.self) { try parsed(["minor", "place", "12"]) }
    }

    @Test func theHelpIsInBothLanguages() throws {
        for path in [["minor"], ["minor", "place"], ["minor", "aftercare"], ["minor", "costs"], ["minor", "list"], ["minor", "representative"]] {
            let english = CLI.parser.help(for: path, language: .en)
            let bokmål = CLI.parser.help(for: path, language: .nb)
            #expect(english != bokmål, "\(path)")
        }
        #expect(CLI.parser.help(for: ["minor", "place"], language: .en).contains("professional_family_home"))
        #expect(CLI.parser.help(for: ["minor", "aftercare"], language: .nb).contains("oppfølging"))
    }

    static let list = MinorList(date: day("2026-11-22"), minors: [
        MinorSummary(person: 7, district: "sagene", age: 16, turns18: day("2028-03-04"), placement: .fosterHome, service: .nav),
        MinorSummary(person: 12, district: nil, age: 17, turns18: day("2027-01-10"), placement: nil, service: .childWelfare),
    ])

    @Test func theListShowsNamesOfTypesAndServices() {
        let (output, written) = output(.nb)
        MinorPresentation.list(Self.list, output)
        #expect(written.text.contains("fosterhjem"), "\(written.text)")
        #expect(written.text.contains("NAV") && written.text.contains("barnevern"))
        #expect(written.text.contains("FYLLER 18"))
        let (csv, csvWritten) = self.output(.en, .csv)
        MinorPresentation.list(Self.list, csv)
        #expect(csvWritten.text == "person,district,age,turns_18,placement,service\r\n7,sagene,16,2028-03-04,foster_home,nav\r\n12,,17,2027-01-10,,childWelfare\r\n"
            || csvWritten.text == "person,district,age,turns_18,placement,service\n7,sagene,16,2028-03-04,foster_home,nav\n12,,17,2027-01-10,,childWelfare\n",
            "\(csvWritten.text)")
    }

    @Test func aCaseShowsItsPlacementsAndChoice() {
        let shown = MinorCase(
            person: 12,
            placements: [Placement(
                id: 1, type: .professionalFamilyHome, from: Self.day("2026-09-01"), to: Self.day("2028-03-03"), annualCost: 1_300_000,
                service: .childWelfare, district: "alna", note: "Hos Berg")],
            representative: Representative(name: "Kari Nordmann", appointed: Self.day("2026-08-20")),
            aftercare: nil, turns18: Self.day("2028-03-04"), followUpEnds: Self.day("2035-03-03"))
        let (output, written) = output(.en)
        MinorPresentation.show(shown, output)
        let text = written.text
        #expect(text.contains("Kari Nordmann, from 2026-08-20"), "\(text)")
        #expect(text.contains("not yet"))
        #expect(text.contains("professional_family_home"))
        #expect(text.contains("1 300 000"))
        #expect(text.contains("2026-09-01  2028-03-03"))
        #expect(!text.contains("Follow-up ends"), "no choice, no follow-up")
    }

    @Test func theCostsAreATableWithATotal() {
        let costs = MinorCosts(year: 2026, rows: [
            PlacementCostRow(district: "alna", type: .folkHighSchool, placements: 1, cost: 99_178),
            PlacementCostRow(district: "sagene", type: .fosterHome, placements: 2, cost: 548_000),
        ])
        let (output, written) = output(.nb)
        MinorPresentation.costs(costs, output)
        #expect(written.text.contains("Tiltak og kostnad i 2026 (kroner):"), "\(written.text)")
        #expect(written.text.contains("folkehøgskole"))
        #expect(written.text.contains("647 178"))
        #expect(written.text.contains("TOTALT"))
        let (json, jsonWritten) = self.output(.en, .json)
        MinorPresentation.costs(costs, json)
        #expect(jsonWritten.text.contains("647178"))
        #expect(MinorPresentation.money(0) == "0")
        #expect(MinorPresentation.money(999) == "999")
        #expect(MinorPresentation.money(1000) == "1 000")
    }
}
