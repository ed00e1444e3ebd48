import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Foundation
import Testing

@testable import BeredskapCLI

/// `settlement year set|show`, `settlement history` and `settlement allocate`: what a command
/// line asks the daemon for, the usage errors, and what people read.
@Suite struct SettlementYearCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw Unexpected.notRun }
        return command
    }

    enum Unexpected: Error { case notRun }

    func request(_ options: [String], files: [String: String] = [:]) throws -> AllocationRequest {
        let command = try parsed(["settlement", "allocate", "2016"] + options)
        return try AllocationOptions.request(command) { files[$0].map { Data($0.utf8) } }
    }

    func usageMessage(_ options: [String], files: [String: String] = [:]) -> String? {
        do {
            _ = try request(options, files: files)
            return nil
        } catch let error as UsageError {
            return error.message.en
        } catch {
            return "\(error)"
        }
    }

    @Test func theSeedsWeightedModelIsTwoCriteriaFromReferenceData() throws {
        let weighted = try request(["--method", "weighted", "--criterion", "immigrant_share:2:less", "--criterion", "population:1"])
        #expect(weighted == AllocationRequest(method: .weighted, criteria: [
            .init(name: "immigrant_share", weight: 2, direction: .lessGetsMore),
            .init(name: "population", weight: 1, direction: .moreGetsMore),
        ]))
        let withYear = try request(["--method", "weighted", "--criterion", "refugees_per_1000:0,5:less_gets_more:2014", "--total", "850"])
        #expect(withYear.criteria == [.init(name: "refugees_per_1000", weight: 0.5, direction: .lessGetsMore, year: 2014)])
        #expect(withYear.total == 850)
        #expect(try request(["--method", "population", "--population-year", "2015"])
            == AllocationRequest(method: .population, populationYear: 2015))
    }

    @Test func valuesComeFromACSVOrJSONFile() throws {
        let csv = "district;capacity;intro_results\nalna;3,5;40\nullern;1;55\n"
        let fromCSV = try request(
            ["--method", "weighted", "--criterion", "capacity:1", "--criterion", "intro_results:1", "--values", "v.csv"], files: ["v.csv": csv])
        #expect(fromCSV.criteria?.map(\.values) == [["alna": 3.5, "ullern": 1], ["alna": 40, "ullern": 55]])
        let json = #"{"capacity": {"alna": 2, "ullern": 4}}"#
        let fromJSON = try request(
            ["--method", "weighted", "--criterion", "capacity:1", "--criterion", "population:1", "--values", "v.json"], files: ["v.json": json])
        #expect(fromJSON.criteria?.map(\.values) == [["alna": 2, "ullern": 4], nil])
    }

    @Test func badCommandLinesAreUsageErrorsNamingTheOption() {
        #expect(usageMessage([])?.hasPrefix("missing --method") == true)
        #expect(usageMessage(["--method", "lottery"])?.hasPrefix("--method: expected population or weighted") == true)
        #expect(usageMessage(["--method", "weighted"])?.hasPrefix("give at least one --criterion") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity"])?.contains("expected NAME:WEIGHT") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity:mye"])?.contains("is not a number") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity:1:sideways"])?.contains("expected less, more or a year") == true)
        #expect(usageMessage(["--method", "population", "--criterion", "capacity:1"])?.contains("go with --method weighted") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "population:1", "--population-year", "2016"])?
            .contains("goes with --method population") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity:1", "--values", "missing.csv"])?.contains("cannot read") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity:1", "--values", "v.csv"], files: ["v.csv": "bydel,capacity\nalna,1\n"])?
            .contains("needs a 'district' column") == true)
        #expect(usageMessage(["--method", "weighted", "--criterion", "capacity:1", "--values", "v.csv"], files: ["v.csv": "district,capacity\nalna,mye\n"])?
            .contains("line 2") == true)
        #expect(usageMessage(["--method", "population", "--total", "-1"]) != nil)
        #expect(usageMessage(["--method", "weighted", "--criterion", "intro_results:1"])?.contains("give its values with --values") == true)
        #expect(throws: UsageError.self) { try self.parsed(["settlement", "allocate", "twenty", "--method", "population"]).settlementYear() }
    }

    @Test func yearSetChangesOnlyTheGivenNumbers() throws {
        let existing = SettlementYearResource(SettlementYear(year: 2017, imdiRequest: 1150, note: "Antydning fra IMDi"))
        let changes = try YearChanges(try parsed(["settlement", "year", "set", "2017", "--decision", "850", "--decision-minors", "190"]))
        #expect(changes.applied(to: existing) == SettlementYearBody(
            imdiRequest: 1150, councilDecision: 850, councilDecisionMinors: 190, note: "Antydning fra IMDi"))
        let cleared = try YearChanges(try parsed(["settlement", "year", "set", "2017", "--note", ""]))
        #expect(cleared.applied(to: existing).note == nil)
        #expect(throws: UsageError.self) { try YearChanges(try self.parsed(["settlement", "year", "set", "2017"])) }
        #expect(throws: UsageError.self) { try YearChanges(try self.parsed(["settlement", "year", "set", "2017", "--request", "-3"])) }
    }

    static let history = SettlementYearList(years: [
        SettlementYear(year: 2006, imdiRequest: 360, councilDecision: 360),
        SettlementYear(year: 2007, imdiRequest: 480, councilDecision: 240),
        SettlementYear(year: 2008, imdiRequest: 480, councilDecision: 240),
        SettlementYear(year: 2018, imdiRequest: 300),
    ].map(SettlementYearResource.init))

    @Test func historyShowsRequestAgainstDecisionAndTheYearsDecidedFewer() {
        let printed = PlaybookFixture.Printed()
        SettlementHistory.print(Self.history, printed.output)
        #expect(printed.lines.first?.hasPrefix("YEAR  REQUEST  DECISION  DIFFERENCE") == true)
        #expect(printed.out.contains("2007      480       240        −240"))
        #expect(printed.lines.contains { $0.hasPrefix("2007 decision  240  ") && $0.hasSuffix("█") })
        #expect(printed.lines.contains("Years the council decided fewer than asked: 2007, 2008."))
        let bokmaal = PlaybookFixture.Printed(.nb)
        SettlementHistory.print(Self.history, bokmaal.output)
        #expect(bokmaal.lines.contains("År bystyret vedtok færre enn anmodet: 2007, 2008."))
    }

    static let allocation = AllocationResponse(
        year: 2016, method: .weighted, total: 10, totalSource: "request", tieBreak: "largest remainder first",
        criteria: [
            .init(name: "population", weight: 0.5, direction: .moreGetsMore, year: 2016, values: ["alna": 4, "ullern": 1]),
            .init(name: "capacity", weight: 0.5, direction: .lessGetsMore, year: nil, values: ["alna": 1, "ullern": 1]),
        ],
        districts: [
            .init(district: "alna", number: 12, name: "Alna", share: 0.65, exact: 6.5, quota: 7, contributions: ["population": 0.4, "capacity": 0.25]),
            .init(district: "ullern", number: 6, name: "Ullern", share: 0.35, exact: 3.5, quota: 3, contributions: ["population": 0.1, "capacity": 0.25]),
        ])

    @Test func anAllocationShowsSharesContributionsAndATotalLine() {
        let printed = PlaybookFixture.Printed()
        AllocationPresentation.print(Self.allocation, printed.output)
        #expect(printed.lines.first == "NO.  DISTRICT    SHARE  EXACT  QUOTA  POPULATION  CAPACITY")
        #expect(printed.lines.contains(" 12  Alna       65.0 %   6.50      7      40.0 %    25.0 %"))
        #expect(printed.lines.contains("     Total     100.0 %  10.00     10      50.0 %    50.0 %"))
        #expect(printed.lines.contains("Weights: population 2016 50.0 % (more gets more), capacity 50.0 % (less gets more)"))
    }

    @Test func aReAllocationShowsTheAdoptedQuotasAndTheChange() {
        var answer = Self.allocation
        answer.districts[0].adoptedQuota = 5
        answer.districts[0].differenceToAdopted = 2
        answer.districts[1].adoptedQuota = 5
        answer.districts[1].differenceToAdopted = -2
        answer.adoptedVersion = 2
        answer.adoptedTotal = 10
        let printed = PlaybookFixture.Printed()
        AllocationPresentation.print(answer, printed.output)
        #expect(printed.lines.first == "NO.  DISTRICT    SHARE  EXACT  QUOTA  POPULATION  CAPACITY  ADOPTED  CHANGE", "\(printed.lines)")
        #expect(printed.lines.contains(" 12  Alna       65.0 %   6.50      7      40.0 %    25.0 %        5      +2"))
        #expect(printed.lines.contains("  6  Ullern     35.0 %   3.50      3      10.0 %    25.0 %        5      −2"))
        #expect(printed.lines.contains { $0.hasPrefix("CHANGE: against the quotas in force (version 2)") })
    }
}

/// `district set`: read, change the given fields, store.
@Suite struct DistrictChangesTests {
    func changes(_ options: [String]) throws -> DistrictChanges {
        guard case .run(let command) = try CLI.parser.parse(["district", "set", "sagene"] + options) else { throw SettlementYearCommandTests.Unexpected.notRun }
        return try DistrictChanges(command)
    }

    static let sagene = District(
        id: "sagene", number: 3, name: "Sagene", population: ["2016": 41_566], immigrantShare: ["2015": 20.4],
        contact: DistrictContact(name: "Bosettingskontoret", email: "bosetting@bsa.oslo.kommune.no"), minorsService: .nav)

    @Test func onlyTheGivenFieldsChange() throws {
        let changed = try changes([
            "--population", "2020=45089", "--immigrant-share", "2016=20,9", "--contact-phone", "+47 21 80 21 80",
            "--minors-service", "child-welfare", "--housing-units", "40",
        ]).applied(to: Self.sagene)
        #expect(changed.population == ["2016": 41_566, "2020": 45_089])
        #expect(changed.immigrantShare == ["2015": 20.4, "2016": 20.9])
        #expect(changed.contact == DistrictContact(name: "Bosettingskontoret", email: "bosetting@bsa.oslo.kommune.no", phone: "+47 21 80 21 80"))
        #expect(changed.minorsService == .childWelfare)
        #expect(changed.municipalHousingUnits == 40)
        #expect(try changes(["--contact-name", "none"]).applied(to: Self.sagene).contact == nil)
        #expect(try changes(["--contact-email", ""]).applied(to: Self.sagene).contact?.email == nil)
    }

    @Test func badOptionsAreUsageErrors() {
        for options in [[], ["--population", "2016:1"], ["--immigrant-share", "2015=mye"], ["--minors-service", "barnevern"], ["--housing-units", "-1"]] {
            #expect(throws: UsageError.self, "\(options)") { try self.changes(options) }
        }
    }
}
