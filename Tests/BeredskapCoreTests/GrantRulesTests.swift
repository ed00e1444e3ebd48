import Testing

@testable import BeredskapCore

/// The grant rules without I/O (DOMAIN.md "Grants", the seed's 2016 rates): the five cohort
/// years, the minors' grant prorated in the settlement year and paid through the year the
/// person turns 20, the disability grants, and the rates of the latest earlier year.
@Suite struct GrantRulesTests {
    static let rates = GrantRates.rates2016

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0)
    }

    static func minor(born birth: PersonBirth, settled: CalendarDate) -> GrantPerson {
        GrantPerson(id: 1, district: "alna", settled: settled, birth: birth, unaccompanied: true)
    }

    @Test func theShippedCohortYearsSumToTheSeedsTotals() {
        for category in [GrantCategory.adult, .child, .unaccompaniedMinor] {
            #expect(Self.rates.integration[category]?.reduce(0, +) == 717_400)
        }
        #expect(Self.rates.integration[.singleAdult]?.reduce(0, +) == 767_400)
        #expect(Self.rates.problems().isEmpty)
    }

    @Test func theIntegrationGrantRunsFromTheSettlementYearThroughYearFour() {
        let adult = GrantPerson(id: 1, district: "alna", settled: Self.day(2012, 3, 1), birth: .estimatedYear(1980))
        #expect(GrantRules.integration(adult, year: 2016, rates: Self.rates) == 55_000, "Y−4: cohort year 5")
        var older = adult
        older.settled = Self.day(2011, 12, 31)
        #expect(GrantRules.integration(older, year: 2016, rates: Self.rates) == 0, "Y−5: the five years are over")
        var new = adult
        new.settled = Self.day(2016, 12, 31)
        #expect(GrantRules.integration(new, year: 2016, rates: Self.rates) == 180_000)
        #expect(GrantRules.integration(new, year: 2015, rates: Self.rates) == 0, "not yet settled")
        new.alone = true
        #expect(new.category == .singleAdult)
        #expect(GrantRules.integration(new, year: 2016, rates: Self.rates) == 230_000)
    }

    @Test func theCategoryIsTheOneOnTheSettlementDay() {
        let settled = Self.day(2016, 6, 1)
        #expect(GrantPerson(id: 1, district: "alna", settled: settled, birth: .date(Self.day(1998, 6, 2))).category == .child)
        #expect(GrantPerson(id: 1, district: "alna", settled: settled, birth: .date(Self.day(1998, 6, 1))).category == .adult)
        #expect(Self.minor(born: .date(Self.day(2000, 1, 1)), settled: settled).category == .unaccompaniedMinor)
        #expect(GrantPerson(id: 1, district: "alna", settled: settled, birth: nil, alone: true).category == .adult, "erased")
    }

    @Test func theMinorsGrantIsProratedInTheSettlementYearByDaysLeftInclusive() {
        let born = PersonBirth.date(Self.day(2002, 5, 5))
        func first(_ settled: CalendarDate) -> Int64 {
            GrantRules.minor(Self.minor(born: born, settled: settled), year: settled.year, rates: Self.rates)
        }
        #expect(first(Self.day(2016, 1, 1)) == 207_000, "1 January: the whole year")
        #expect(first(Self.day(2016, 12, 31)) == 566, "one day of 366: 565.57")
        #expect(first(Self.day(2017, 12, 31)) == 567, "one day of 365: 567.12")
        #expect(first(Self.day(2016, 3, 1)) == 173_066, "306 days of 366 in a leap year")
        #expect(first(Self.day(2017, 3, 1)) == 173_540, "306 days of 365: 173,539.73")
        #expect(GrantRules.daysLeft(inYearOf: Self.day(2016, 2, 29)) == 307)
        #expect(GrantRules.daysIn(year: 2016) == 366 && GrantRules.daysIn(year: 2100) == 365 && GrantRules.daysIn(year: 2000) == 366)
        #expect(GrantRules.minor(Self.minor(born: born, settled: Self.day(2016, 12, 31)), year: 2017, rates: Self.rates) == 207_000)
    }

    @Test func theMinorsGrantIsPaidThroughTheYearThePersonTurnsTwenty() {
        let settled = Self.day(2016, 6, 1)
        let december = Self.minor(born: .date(Self.day(2000, 12, 31)), settled: settled)
        #expect(GrantRules.minor(december, year: 2020, rates: Self.rates) == 207_000, "turns 20 on 31 December 2020")
        #expect(GrantRules.minor(december, year: 2021, rates: Self.rates) == 0)
        let january = Self.minor(born: .date(Self.day(2001, 1, 1)), settled: settled)
        #expect(GrantRules.minor(january, year: 2021, rates: Self.rates) == 207_000, "turns 20 on 1 January 2021")
        #expect(GrantRules.minor(january, year: 2022, rates: Self.rates) == 0)
        let estimated = Self.minor(born: .estimatedYear(2000), settled: settled)
        #expect(GrantRules.minor(estimated, year: 2020, rates: Self.rates) == 207_000)
        #expect(GrantRules.minor(estimated, year: 2021, rates: Self.rates) == 0)
        #expect(GrantRules.minor(estimated, year: 2015, rates: Self.rates) == 0, "before settlement")
        let adult = Self.minor(born: .date(Self.day(1998, 6, 1)), settled: settled)
        #expect(GrantRules.minor(adult, year: 2016, rates: Self.rates) == 0, "18 on the settlement day")
        var withFamily = Self.minor(born: .date(Self.day(2005, 1, 1)), settled: settled)
        withFamily.unaccompanied = false
        #expect(GrantRules.minor(withFamily, year: 2017, rates: Self.rates) == 0)
    }

    @Test func disabilityGrantsT1OnceT2YearlyForAtMostFiveYearsAndWhatIsUnclaimed() {
        var person = GrantPerson(id: 1, district: "alna", settled: Self.day(2015, 9, 1), birth: .estimatedYear(1980), disability: true)
        #expect(GrantRules.unclaimed(person, year: 2015, rates: Self.rates) == 181_000)
        #expect(GrantRules.unclaimed(person, year: 2016, rates: Self.rates) == 181_000, "settlement year 2")
        #expect(GrantRules.unclaimed(person, year: 2017, rates: Self.rates) == 0)
        #expect(GrantRules.disability(person, year: 2016, rates: Self.rates) == nil)

        person.application = .init(grant: .t1, applied: Self.day(2016, 3, 1))
        #expect(GrantRules.unclaimed(person, year: 2016, rates: Self.rates) == 0)
        #expect(GrantRules.disability(person, year: 2016, rates: Self.rates)?.amount == 181_000)
        #expect(GrantRules.disability(person, year: 2017, rates: Self.rates) == nil, "once")

        person.application = .init(grant: .t2, applied: Self.day(2016, 3, 1), amount: 400_000)
        #expect(GrantRules.disability(person, year: 2015, rates: Self.rates) == nil, "before the application")
        #expect(GrantRules.disability(person, year: 2019, rates: Self.rates)?.amount == 400_000, "cohort year 5")
        #expect(GrantRules.disability(person, year: 2020, rates: Self.rates) == nil)
        person.application = .init(grant: .t2, applied: Self.day(2016, 3, 1))
        #expect(GrantRules.disability(person, year: 2016, rates: Self.rates)?.amount == 1_111_000, "no amount: the cap")
        person.application = .init(grant: .t2, applied: Self.day(2016, 3, 1), amount: 2_000_000)
        #expect(GrantRules.disability(person, year: 2016, rates: Self.rates)?.amount == 1_111_000, "at most the cap")
    }

    @Test func aYearWithoutRatesUsesTheLatestEarlierYear() {
        var later = Self.rates
        later.minor = 210_000
        let table = GrantRateTable([2016: Self.rates, 2018: later])
        #expect(table.rates(for: 2016)?.year == 2016)
        #expect(table.rates(for: 2017)?.year == 2016)
        #expect(table.rates(for: 2019)?.year == 2018)
        #expect(table.rates(for: 2019)?.rates.minor == 210_000)
        #expect(table.rates(for: 2015) == nil)
    }

    @Test func everyBadRateIsNamedByItsField() {
        func field(_ change: (inout GrantRates) -> Void) -> String? {
            var rates = Self.rates
            change(&rates)
            return rates.problems().first?.field
        }
        #expect(field { $0.minor = 0 } == "minor")
        #expect(field { $0.disabilityT2Max = -1 } == "disability_t2_max")
        #expect(field { $0.integration[.child] = [1, 2, 3, 4] } == "integration.child")
        #expect(field { $0.integration[.adult]?[2] = 0 } == "integration.adult[2]")
        #expect(field { $0.integration[.singleAdult] = nil } == "integration.single_adult")
        #expect(field { $0.settlementYearSplit.educationAgency = 0 } == "settlement_year_split.education_agency")
        #expect(field { $0.settlementYearSplit.district = 170_000 } == "settlement_year_split")
    }

    @Test func theForecastSumsPerDistrictWithTheSettlementYearSplitAndTheUnclaimed() throws {
        let persons = [
            GrantPerson(id: 1, district: "alna", settled: Self.day(2016, 5, 1), birth: .estimatedYear(1980), disability: true),
            GrantPerson(id: 2, district: "alna", settled: Self.day(2014, 5, 1), birth: .estimatedYear(1980), alone: true),
            Self.minor(born: .date(Self.day(2000, 1, 1)), settled: Self.day(2016, 1, 1)),
            GrantPerson(id: 4, district: "grorud", settled: Self.day(2011, 5, 1), birth: .estimatedYear(1980)),
            GrantPerson(id: 5, district: "grorud", settled: Self.day(2017, 1, 1), birth: .estimatedYear(1980)),
        ]
        let forecast = try #require(GrantForecast(year: 2016, persons: persons, table: GrantRateTable([2016: Self.rates])))
        #expect(forecast.ratesYear == 2016)
        #expect(forecast.districts.map(\.district) == ["alna"], "Grorud has no one in the five years")
        let alna = try #require(forecast.districts.first)
        #expect(alna.lines[0] == .init(grant: .integration, persons: 3, nok: 180_000 + 166_000 + 180_000))
        #expect(alna.lines[1] == .init(grant: .minor, persons: 1, nok: 207_000))
        #expect(alna.settlementYearDistrict == 2 * 135_000 && alna.settlementYearEducation == 2 * 20_000)
        #expect(alna.unclaimed == .init(persons: 1, nok: 181_000))
        #expect(forecast.totals.total == 180_000 + 166_000 + 180_000 + 207_000)
        #expect(GrantForecast(year: 2015, persons: persons, table: GrantRateTable([2016: Self.rates])) == nil)
    }
}
