import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `grants …`: the application's arguments, usage errors, help in both languages, and the
/// forecast with NOK grouped as each language writes it.
@Suite struct GrantCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return command
    }

    func output(_ language: Language = .en, _ format: Output.Format = .human) -> (Output, DeadlineCommandTests.Written) {
        DeadlineCommandTests().output(language, format)
    }

    static let day = CalendarDate(year: 2026, month: 11, day: 20) ?? CalendarDate(daysSinceEpoch: 0)

    @Test func anApplicationsArgumentsBecomeTheBody() throws {
        let (person, body) = try GrantCommands.application(try parsed(["grants", "apply", "12", "t2", "--date", "2026-11-20", "--amount", "450000"]))
        #expect(person == 12)
        #expect(body == GrantApplicationBody(grant: .t2, applied: Self.day, amount: 450_000))
        let (_, one) = try GrantCommands.application(try parsed(["grants", "apply", "#12", "disability_t1", "--date", "2026-11-20"]))
        #expect(one == GrantApplicationBody(grant: .t1, applied: Self.day))
        #expect(try GrantCommands.year(try parsed(["grants", "forecast", "2026"])) == 2026)
    }

    @Test func badArgumentsAreUsageErrors() throws {
        for arguments in [
            ["grants", "apply", "12", "t3", "--date", "2026-11-20"], ["grants", "apply", "x", "t1", "--date", "2026-11-20"],
            ["grants", "apply", "12", "t1"], ["grants", "apply", "12", "t1", "--date", "2026-11-20", "--amount", "5"],
            ["grants", "apply", "12", "t2", "--date", "2026-11-20", "--amount", "0"], ["grants", "apply", "12", "t2", "--date", "20.11.2026"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") { try GrantCommands.application(try parsed(arguments)) }
        }
        for year in ["1999", "twenty", "20260"] {
            #expect(throws: UsageError.self, "\(year)") { try GrantCommands.year(try parsed(["grants", "forecast", year])) }
        }
        #expect(throws: UsageError.self) { try CLI.parser.parse(["grants", "forecast"]) }
    }

    @Test func theHelpIsInBothLanguages() {
        for path in [["grants", "forecast"], ["grants", "missing"], ["grants", "apply"]] {
            let english = CLI.parser.help(for: path, language: .en)
            let bokmål = CLI.parser.help(for: path, language: .nb)
            #expect(english.contains("beredskap \(path.joined(separator: " "))"), "\(path)")
            #expect(english != bokmål, "\(path)")
        }
        #expect(CLI.parser.help(for: ["grants", "missing"], language: .nb).contains("lesingen logges"))
    }

    @Test func amountsAreGroupedAsTheLanguageWritesThem() {
        #expect(NOK.text(717_400, .en) == "717,400")
        #expect(NOK.text(717_400, .nb) == "717 400")
        #expect(NOK.text(1_111_000, .nb) == "1 111 000")
        #expect(NOK.text(566, .en) == "566")
        #expect(NOK.text(0, .en) == "0")
        #expect(NOK.text(-181_000, .en) == "-181,000")
    }

    static let forecast: GrantForecastResource = {
        var alna = GrantForecast.Row(district: "alna")
        alna.lines[0] = GrantForecast.Line(grant: .integration, persons: 3, nok: 415_000)
        alna.lines[1] = GrantForecast.Line(grant: .minor, persons: 1, nok: 104_351)
        alna.settlementYearDistrict = 270_000
        alna.settlementYearEducation = 40_000
        alna.unclaimed = GrantForecast.Amount(persons: 1, nok: 181_000)
        var grorud = GrantForecast.Row(district: "grorud")
        grorud.lines[3] = GrantForecast.Line(grant: .disabilityT2, persons: 1, nok: 1_111_000)
        var totals = GrantForecast.Row(district: nil)
        totals.lines = zip(alna.lines, grorud.lines).map { GrantForecast.Line(grant: $0.grant, persons: $0.persons + $1.persons, nok: $0.nok + $1.nok) }
        totals.settlementYearDistrict = 270_000
        totals.settlementYearEducation = 40_000
        totals.unclaimed = alna.unclaimed
        return GrantForecastResource(
            year: 2026, ratesYear: 2016, districts: [GrantForecastRow(alna), GrantForecastRow(grorud)], totals: GrantForecastRow(totals))
    }()

    @Test func theForecastAlignsNOKAndSaysWhichRates() {
        let (output, lines) = output(.nb)
        GrantPresentation.forecast(Self.forecast, output)
        let text = lines.text
        #expect(text.contains("Ingen satser for 2026: satsene for 2016 er brukt."), "\(text)")
        #expect(text.contains("alna    415 000 (3)  104 351 (1)           –              –    519 351   181 000 (1)"), "\(text)")
        #expect(text.contains("Oslo    415 000 (3)  104 351 (1)           –  1 111 000 (1)  1 630 351   181 000 (1)"), "\(text)")
        #expect(text.contains("Bosettingsåret: 270 000 til bydelene, 40 000 til Utdanningsetaten."))
        let (english, englishLines) = self.output(.en)
        GrantPresentation.forecast(Self.forecast, english)
        #expect(englishLines.text.contains("1,630,351"), "\(englishLines.text)")

        let (csv, csvLines) = self.output(.en, .csv)
        GrantPresentation.forecast(Self.forecast, csv)
        let rows = csvLines.text.split(separator: "\n").map(String.init)
        #expect(rows.first == "year,rates_year,district,grant,persons,nok")
        #expect(rows.contains("2026,2016,alna,integration,3,415000"))
        #expect(rows.contains("2026,2016,,unclaimed,1,181000"))
        #expect(rows.count == 1 + 3 * 5)
    }

    @Test func theMissingListIsOverdueFirstAndSaysWhatToDo() {
        let list = MissingGrantApplicationList(date: Self.day, within: 60, persons: [
            MissingGrantApplication(person: 7, district: "alna", dueDate: Self.day.adding(days: -19), state: .overdue),
            MissingGrantApplication(person: 12, district: nil, dueDate: Self.day.adding(days: 15), state: .dueSoon),
        ])
        let (output, lines) = output(.en)
        GrantPresentation.missing(list, output)
        #expect(lines.text.contains("    #7  alna      2026-11-01  overdue"), "\(lines.text)")
        #expect(lines.text.contains("beredskap grants apply PERSON t1 --date DATE"))
        let (csv, csvLines) = self.output(.en, .csv)
        GrantPresentation.missing(list, csv)
        #expect(csvLines.text == "person,district,due_date,state\n7,alna,2026-11-01,overdue\n12,,2026-12-05,due_soon\n")
        let (empty, emptyLines) = self.output(.nb)
        GrantPresentation.missing(MissingGrantApplicationList(date: Self.day, within: 60, persons: []), empty)
        #expect(emptyLines.text.contains("Ingen søknad"))
    }
}
