import Testing

@testable import BeredskapCore

/// The results against a small data set whose answers are worked out by hand.
@Suite struct IntroResultsTests {
    static let districts = ["alna", "grorud", "bjerke"]

    /// Alna: 5 ended in 2024 — work, upper secondary, primary school (3 count), qualification,
    /// social assistance — 4 followed up (work, education, other, social assistance: 2 count).
    /// Grorud: 4 ended in 2024, all in work (below the minimum). Bjerke: one ended in 2023.
    static let outcomes: [IntroOutcome] = [
        IntroOutcome(district: "alna", endYear: 2024, reason: .work, status: .work),
        IntroOutcome(district: "alna", endYear: 2024, reason: .upperSecondary, status: .education),
        IntroOutcome(district: "alna", endYear: 2024, reason: .primarySchool, status: .other),
        IntroOutcome(district: "alna", endYear: 2024, reason: .qualification, status: .socialAssistance),
        IntroOutcome(district: "alna", endYear: 2024, reason: .socialAssistance, status: nil),
        IntroOutcome(district: "grorud", endYear: 2024, reason: .work, status: .work),
        IntroOutcome(district: "grorud", endYear: 2024, reason: .work, status: .work),
        IntroOutcome(district: "grorud", endYear: 2024, reason: .work, status: nil),
        IntroOutcome(district: "grorud", endYear: 2024, reason: .work, status: nil),
        IntroOutcome(district: "bjerke", endYear: 2023, reason: .work, status: .work),
    ]

    static func compute(_ year: Int, minimum: Int = 5, national: IntroNationalAverage = IntroNationalAverage(rightAfter: 0.65, oneYearAfter: 0.62))
        -> IntroResults
    {
        IntroResults.compute(
            year: year, districts: districts, outcomes: outcomes, minimum: minimum, national: national,
            reference: IntroReference.year(year))
    }

    @Test func sharesAreCountedPerDistrictAndSuppressedBelowTheMinimum() {
        let results = Self.compute(2024)
        #expect(results.source == .recorded)
        #expect(results.districts.map(\.district) == Self.districts)
        let alna = results.districts[0]
        #expect(alna.rightAfter == IntroShare(participants: 5, share: 0.6, suppressed: false, belowNational: true))
        #expect(alna.oneYearAfter == IntroShare(participants: 4, share: nil, suppressed: true, belowNational: nil))
        let grorud = results.districts[1]
        #expect(grorud.rightAfter == IntroShare(participants: 4, share: nil, suppressed: true, belowNational: nil),
            "4 in work is not published as 100 %")
        #expect(results.districts[2].rightAfter == IntroShare(participants: 0, share: nil, suppressed: false, belowNational: nil),
            "no participants: no share (never 0 %), and nothing to suppress")
        #expect(results.city.rightAfter == IntroShare(participants: 9, share: 7.0 / 9.0, suppressed: false, belowNational: false))
        #expect(results.city.oneYearAfter == IntroShare(participants: 6, share: 4.0 / 6.0, suppressed: false, belowNational: false))
    }

    @Test func theBoundaryIsFourSuppressedAndFivePublished() {
        #expect(IntroShare.of(4, participants: 4, minimum: 5, national: nil).suppressed)
        #expect(IntroShare.of(0, participants: 5, minimum: 5, national: 0.5)
            == IntroShare(participants: 5, share: 0, suppressed: false, belowNational: true), "0 of 5 is a real 0 %")
        let lower = Self.compute(2024, minimum: 4)
        #expect(lower.districts[1].rightAfter == IntroShare(participants: 4, share: 1, suppressed: false, belowNational: false))
        #expect(lower.districts[0].oneYearAfter == IntroShare(participants: 4, share: 0.5, suppressed: false, belowNational: true))
    }

    @Test func withoutANationalAverageNothingIsMarked() {
        let results = Self.compute(2024, national: IntroNationalAverage())
        #expect(results.districts[0].rightAfter.belowNational == nil)
        #expect(results.districts[0].rightAfter.share == 0.6)
    }

    @Test func aReferenceYearAnswersFromTheSeedsTablesUntilOneOfItsProgrammesIsRecorded() {
        let reference = IntroResults.compute(
            year: 2014, districts: ["frogner", "ullern", "sondre-nordstrand", "st-hanshaugen"], outcomes: [], minimum: 5,
            national: IntroNationalAverage(oneYearAfter: 0.62), reference: IntroReference.year(2014))
        #expect(reference.source == .reference)
        #expect(reference.districts[0].rightAfter == IntroShare(participants: 39, share: 0.28, suppressed: false, belowNational: nil))
        #expect(reference.districts[0].oneYearAfter == IntroShare(participants: nil, share: 0.33, suppressed: false, belowNational: true))
        #expect(reference.districts[1].oneYearAfter == .notPublished, "Ullern: u.off.")
        #expect(reference.districts[2].oneYearAfter == .notPublished, "Søndre Nordstrand: u.off.")
        #expect(reference.city.rightAfter.share == 0.43)
        #expect(reference.city.rightAfter.participants == 317)
        #expect(reference.city.oneYearAfter?.share == 0.56)

        let recorded = IntroResults.compute(
            year: 2014, districts: ["frogner"], outcomes: [IntroOutcome(district: "frogner", endYear: 2014, reason: .work, status: nil)],
            minimum: 5, national: IntroNationalAverage(), reference: IntroReference.year(2014))
        #expect(recorded.source == .recorded)
        #expect(recorded.districts[0].rightAfter.participants == 1)
    }

    @Test func theReferenceHas2010To2015AndItsUOffAndFive() {
        #expect(IntroReference.year(2009) == nil)
        #expect(IntroReference.year(2016) == nil)
        let year2010 = IntroResults.compute(
            year: 2010, districts: ["ullern", "nordre-aker", "gamle-oslo"], outcomes: [], minimum: 5,
            national: IntroNationalAverage(), reference: IntroReference.year(2010))
        #expect(year2010.districts[0].rightAfter == .notPublished)
        #expect(year2010.districts[1].rightAfter == .notPublished)
        #expect(year2010.districts[2].rightAfter.share == 0.48)
        #expect(year2010.districts[2].oneYearAfter == nil, "no one-year table for 2010")
        // St. Hanshaugen 2011: 80 % of 5, published at the minimum of 5 — and suppressed at 6.
        let sthanshaugen = { (minimum: Int) in
            IntroResults.compute(
                year: 2011, districts: ["st-hanshaugen"], outcomes: [], minimum: minimum,
                national: IntroNationalAverage(rightAfter: 0.47), reference: IntroReference.year(2011)
            ).districts[0].rightAfter
        }
        #expect(sthanshaugen(5) == IntroShare(participants: 5, share: 0.8, suppressed: false, belowNational: false))
        #expect(sthanshaugen(6) == IntroShare(participants: 5, share: nil, suppressed: true, belowNational: nil))
    }

    @Test func everyDistrictOfTheReferenceIsInEveryYear() {
        let ids = [
            "gamle-oslo", "grunerlokka", "sagene", "st-hanshaugen", "frogner", "ullern", "vestre-aker", "nordre-aker", "bjerke",
            "grorud", "stovner", "alna", "ostensjo", "nordstrand", "sondre-nordstrand",
        ]
        for year in IntroReference.years {
            let reference = IntroReference.year(year)
            #expect(Set(reference?.rightAfter.keys.map { $0 } ?? []) == Set(ids), "\(year)")
        }
        #expect(Set(IntroReference.year(2014)?.oneYearAfter.keys.map { $0 } ?? []) == Set(ids))
    }
}
