import Testing

@testable import BeredskapCore

/// `minor_turns_18`: an unaccompanied minor's 18th birthday as a deadline, announced 90 days ahead.
@Suite struct MinorTurns18DeadlineTests {
    @Test("Due on the 18th birthday; a 29 February birth turns 18 on 1 March (18 years on is never a leap year)", arguments: [
        ("2010-02-28", "2028-02-28"), ("2008-02-29", "2026-03-01"), ("2012-02-29", "2030-03-01"), ("2009-12-31", "2027-12-31"),
    ])
    func dueOnTheBirthday(_ born: String, _ due: String) throws {
        let facts = try person(born: born, unaccompanied: true, [.settled: "2025-01-10"])
        let evaluation = try evaluate(try defaultRule("minor_turns_18"), facts, on: "2025-01-10")
        #expect(evaluation.dueDate == (try date(due)))
        // The day the rule falls due is the day `age(on:)` first says 18.
        let birth = PersonBirth.date(try date(born))
        #expect(birth.age(on: try date(due)) == 18)
        #expect(birth.age(on: try date(due).adding(days: -1)) == 17)
    }

    @Test func aLeapDayBirthdayFallsOnTheLeapDayInLeapYears() throws {
        let birth = PersonBirth.date(try date("2008-02-29"))
        #expect(birth.birthday(turning: 20) == (try date("2028-02-29")))
        #expect(birth.birthday(turning: 17) == (try date("2025-03-01")))
        #expect(birth.birthday(turning: 25) == (try date("2033-03-01")))
    }

    @Test func announcedNinetyDaysAheadAndOverdueTheDayAfter() throws {
        let rule = try defaultRule("minor_turns_18")
        let facts = try person(born: "2009-06-15", unaccompanied: true, [.settled: "2025-03-01"])
        // 90 days up to and including 15 June 2027: from 18 March.
        #expect(try evaluate(rule, facts, on: "2027-03-17").state == .due)
        #expect(try evaluate(rule, facts, on: "2027-03-17").nextChange == (try date("2027-03-18")))
        #expect(try evaluate(rule, facts, on: "2027-03-18").state == .dueSoon)
        #expect(try evaluate(rule, facts, on: "2027-06-15").state == .dueSoon)
        #expect(try evaluate(rule, facts, on: "2027-06-16").state == .overdue)
    }

    @Test func metByTheChoiceEvenWhenMadeAhead() throws {
        let rule = try defaultRule("minor_turns_18")
        let facts = try person(born: "2009-06-15", unaccompanied: true, [.settled: "2025-03-01", .aftercareChosen: "2027-05-02"])
        let met = try evaluate(rule, facts, on: "2027-05-02")
        #expect(met.state == .met)
        #expect(!met.late)
        let late = try person(born: "2009-06-15", unaccompanied: true, [.settled: "2025-03-01", .aftercareChosen: "2027-07-01"])
        #expect(try evaluate(rule, late, on: "2027-07-01").late)
    }

    @Test("Only unaccompanied persons settled as minors (age on the settlement day)", arguments: [
        (true, "2027-06-14", DeadlineState.overdue), (true, "2027-06-15", .notApplicable), (false, "2025-03-01", .notApplicable),
    ])
    func whomItConcerns(_ unaccompanied: Bool, _ settled: String, _ expected: DeadlineState) throws {
        let facts = try person(born: "2009-06-15", unaccompanied: unaccompanied, [.settled: settled])
        #expect(try evaluate(try defaultRule("minor_turns_18"), facts, on: "2027-06-20").state == expected)
    }

    @Test func anEstimatedYearTurns18OnFirstJuly() throws {
        let facts = PersonFacts(
            birth: .estimatedYear(2009), unaccompanied: true, milestones: [.settled: MilestoneTime(date: try date("2025-03-01"))])
        #expect(try evaluate(try defaultRule("minor_turns_18"), facts, on: "2025-03-01").dueDate == (try date("2027-07-01")))
    }
}
