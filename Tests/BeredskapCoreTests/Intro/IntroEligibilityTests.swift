import Testing

@testable import BeredskapCore

private func day(_ text: String) -> CalendarDate {
    CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0)
}

/// The right is decided by the age on the day of the residence permit, counted as
/// `PersonBirth.age(on:)` counts it.
@Suite struct IntroEligibilityTests {
    private func right(born: String, permit: String, mode: SettlementMode? = nil) -> IntroEligibility {
        IntroEligibility.evaluate(birth: .date(day(born)), permit: day(permit), mode: mode)
    }

    @Test func eighteenOnThePermitsDayHasTheRightAndTheDayBeforeDoesNot() {
        #expect(right(born: "2008-03-10", permit: "2026-03-10") == .right, "the 18th birthday is the permit's day")
        #expect(right(born: "2008-03-11", permit: "2026-03-10") == .noRight(.age(17, on: day("2026-03-10"))),
            "18 the day after the permit: no right, even if 18 at the start")
        #expect(right(born: "2008-03-09", permit: "2026-03-10") == .right)
    }

    @Test func fiftyFiveHasTheRightUntilTheFiftySixthBirthday() {
        #expect(right(born: "1970-03-11", permit: "2026-03-10") == .right, "55, turning 56 the day after")
        #expect(right(born: "1970-03-10", permit: "2026-03-10") == .noRight(.age(56, on: day("2026-03-10"))))
        #expect(right(born: "1970-03-09", permit: "2026-03-10") == .noRight(.age(56, on: day("2026-03-10"))))
    }

    @Test func bornOnTwentyNinthFebruaryTurnsEighteenOnFirstMarchInACommonYear() {
        #expect(right(born: "2008-02-29", permit: "2026-02-28") == .noRight(.age(17, on: day("2026-02-28"))))
        #expect(right(born: "2008-02-29", permit: "2026-03-01") == .right)
        #expect(right(born: "2012-02-29", permit: "2030-02-28") == .noRight(.age(17, on: day("2030-02-28"))))
        // In a leap year the birthday is the day itself: 56 on 29 February 2028.
        #expect(right(born: "1972-02-29", permit: "2028-02-28") == .right)
        #expect(right(born: "1972-02-29", permit: "2028-02-29") == .noRight(.age(56, on: day("2028-02-29"))))
        #expect(right(born: "2012-02-29", permit: "2030-03-01") == .right)
    }

    @Test func ownInitiativeSettlementHasNoRightAndNoPermitLeavesTheAgeUnknown() {
        #expect(right(born: "1990-01-01", permit: "2026-01-01", mode: .ownInitiative) == .noRight(.ownInitiative))
        #expect(right(born: "1990-01-01", permit: "2026-01-01", mode: .ordinary) == .right)
        #expect(IntroEligibility.evaluate(birth: .date(day("1990-01-01")), permit: nil, mode: nil) == .noRight(.noResidencePermit))
        #expect(IntroEligibility.noRight(.ownInitiative).state == "own_initiative")
        #expect(IntroEligibility.right.refusal == nil)
        #expect(IntroEligibility.noRight(.age(17, on: day("2026-03-10"))).refusal?.en.contains("aged 17") == true)
    }

    @Test func anEstimatedYearCountsFromFirstJuly() {
        let birth = PersonBirth.estimatedYear(2008)
        #expect(IntroEligibility.evaluate(birth: birth, permit: day("2026-06-30"), mode: nil) == .noRight(.age(17, on: day("2026-06-30"))))
        #expect(IntroEligibility.evaluate(birth: birth, permit: day("2026-07-01"), mode: nil) == .right)
    }
}
