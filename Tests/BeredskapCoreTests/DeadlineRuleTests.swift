import Testing

@testable import BeredskapCore

/// Each default rule at its boundaries, whom it applies to, and how its due date is counted.
@Suite struct DeadlineRuleTests {
    /// One person each default rule applies to, its start day and the due day it gives.
    struct Boundary: Sendable, CustomTestStringConvertible {
        var rule: String
        var facts: PersonFacts
        var due: String
        var testDescription: String { rule }
    }

    static func boundaries() throws -> [Boundary] {
        let child = "2015-05-05", minor = "2010-01-01", adult = "1990-01-01"
        return [
            // 00:00 CET on 1 March (the day only is known) + 48 hours.
            Boundary(rule: "arrival_centre_stay", facts: try person(born: adult, [.arrivedArrivalCentre: "2026-03-01"]), due: "2026-03-03"),
            Boundary(rule: "tb_screening", facts: try person(born: adult, [.arrivedNorway: "2026-03-01"]), due: "2026-03-15"),
            Boundary(rule: "health_exam", facts: try person(born: adult, [.arrivedNorway: "2026-03-01"]), due: "2026-06-01"),
            // 31 January + 1 month: the last day of February.
            Boundary(rule: "school_offer", facts: try person(born: child, [.arrivedMunicipality: "2026-01-31"]), due: "2026-02-28"),
            Boundary(
                rule: "representative", facts: try person(born: minor, unaccompanied: true, [.arrivedNorway: "2026-03-01"]),
                due: "2026-03-02"),
            Boundary(
                rule: "minor_settled", facts: try person(born: minor, unaccompanied: true, [.residenceGranted: "2026-11-30"]),
                due: "2027-02-28"),
            Boundary(rule: "adult_settled", facts: try person(born: adult, [.residenceGranted: "2026-08-31"]), due: "2027-02-28"),
            // Into a leap February.
            Boundary(rule: "intro_start", facts: try person(born: adult, [.settled: "2027-11-30"]), due: "2028-02-29"),
            // No programme start yet: at the latest the programme's own deadline.
            Boundary(rule: "skills_mapping", facts: try person(born: adult, [.settled: "2026-03-01"]), due: "2026-06-01"),
            Boundary(
                rule: "disability_grant", facts: try person(born: adult, disability: true, [.settled: "2026-01-31"]),
                due: "2027-03-31"),
            // Born on 29 February: 18 on 1 March in a year without one.
            Boundary(
                rule: "minor_turns_18", facts: try person(born: "2008-02-29", unaccompanied: true, [.settled: "2025-06-01"]),
                due: "2026-03-01"),
        ]
    }

    @Test func everyDefaultRuleHasItsBoundaryCase() throws {
        #expect(try Self.boundaries().map(\.rule) == DeadlineRule.defaults.map(\.id))
        #expect(Set(DeadlineRule.defaults.map(\.id)).count == DeadlineRule.defaults.count)
    }

    @Test("Due through the last day, overdue the day after; due soon from the warning days", arguments: try boundaries())
    func boundary(_ boundary: Boundary) throws {
        let rule = try defaultRule(boundary.rule)
        let due = try date(boundary.due)
        func state(_ offset: Int) throws -> DeadlineState {
            try evaluate(rule, boundary.facts, on: due.adding(days: offset).description).state
        }
        #expect(try evaluate(rule, boundary.facts, on: boundary.due).dueDate == due)
        #expect(try state(-rule.dueSoonDays) == .due)
        #expect(try state(1 - rule.dueSoonDays) == .dueSoon)
        #expect(try state(-1) == (rule.dueSoonDays > 1 ? .dueSoon : .due))
        #expect(try state(0) == .dueSoon)
        #expect(try state(1) == .overdue)
        #expect(try evaluate(rule, boundary.facts, on: boundary.due).nextChange == due.adding(days: 1))
        #expect(try evaluate(rule, boundary.facts, on: due.adding(days: 1).description).nextChange == nil)
    }

    @Test("Met on the due day is on time; the day after is met late", arguments: try boundaries())
    func metOnTimeOrLate(_ boundary: Boundary) throws {
        let rule = try defaultRule(boundary.rule)
        let due = try date(boundary.due)
        for (offset, late) in [(0, false), (1, true)] {
            var facts = boundary.facts
            facts.milestones[rule.metBy] = MilestoneTime(date: due.adding(days: offset))
            let later = try evaluate(rule, facts, on: due.adding(days: 30).description)
            #expect(later.state == .met)
            #expect(later.late == late)
            #expect(later.dueDate == due)
            #expect(later.nextChange == nil)
        }
    }

    @Test("The meeting milestone counts from its own day, so a day before it the rule is still open")
    func metCountsFromItsDay() throws {
        let rule = try defaultRule("tb_screening")
        let facts = try person(born: "1990-01-01", [.arrivedNorway: "2026-03-01", .tbScreening: "2026-03-16"])
        let before = try evaluate(rule, facts, on: "2026-03-15")
        #expect(before.state == .dueSoon)
        #expect(before.nextChange == (try date("2026-03-16")))
        let after = try evaluate(rule, facts, on: "2026-03-16")
        #expect((after.state, after.late) == (.met, true))
    }

    @Test("Not applicable without the start milestone, and from the start milestone's day on")
    func startMilestone() throws {
        let rule = try defaultRule("tb_screening")
        let none = try evaluate(rule, try person(born: "1990-01-01"), on: "2026-03-01")
        #expect((none.state, none.dueDate, none.late, none.nextChange) == (.notApplicable, nil, false, nil))
        let arriving = try person(born: "1990-01-01", [.arrivedNorway: "2026-03-01"])
        let dayBefore = try evaluate(rule, arriving, on: "2026-02-28")
        #expect(dayBefore.state == .notApplicable)
        #expect(dayBefore.nextChange == (try date("2026-03-01")))
        #expect(try evaluate(rule, arriving, on: "2026-03-01").state == .due)
    }

    @Test("Age is taken on the start day", arguments: [
        // (rule, born, start day, applies)
        ("school_offer", "2020-03-02", "2026-03-01", false),  // turns 6 the day after arrival
        ("school_offer", "2020-03-01", "2026-03-01", true),  // 6 on the day
        ("school_offer", "2010-03-01", "2026-03-01", true),  // 16 on the day
        ("school_offer", "2009-03-01", "2026-03-01", false),  // 17 on the day
        ("school_offer", "2009-03-02", "2026-03-01", true),  // 16 until the day after
        ("minor_settled", "2008-03-02", "2026-03-01", true),  // 17, 18 the day after
        ("minor_settled", "2008-03-01", "2026-03-01", false),  // 18 on the day
        ("adult_settled", "2008-03-01", "2026-03-01", true),
        ("adult_settled", "2008-03-02", "2026-03-01", false),
        ("intro_start", "1970-03-02", "2026-03-01", true),  // 55
        ("intro_start", "1970-03-01", "2026-03-01", false),  // 56 on the day
        ("skills_mapping", "2008-03-01", "2026-03-01", true),  // 18 on the day
        ("skills_mapping", "2008-03-02", "2026-03-01", false),
    ])
    func ageOnTheStartDay(ruleID: String, born: String, start: String, applies: Bool) throws {
        let rule = try defaultRule(ruleID)
        let facts = try person(born: born, unaccompanied: true, [rule.start: start])
        // Later birthdays change nothing: the age on the start day decides.
        for day in [start, try date(start).adding(days: 20).description] {
            let evaluation = try evaluate(rule, facts, on: day)
            #expect((evaluation.state != .notApplicable) == applies, "on \(day)")
        }
    }

    @Test("An estimated year of birth is counted from 1 July")
    func estimatedBirthYear() throws {
        let rule = try defaultRule("school_offer")
        for (arrival, applies) in [("2026-06-30", false), ("2026-07-01", true)] {
            let facts = PersonFacts(
                birth: .estimatedYear(2020), milestones: [.arrivedMunicipality: MilestoneTime(date: try date(arrival))])
            #expect((try evaluate(rule, facts, on: arrival).state != .notApplicable) == applies, "arrival \(arrival)")
        }
    }

    @Test("Representatives and minors' settlement are for unaccompanied minors only; the grant for a disability")
    func flags() throws {
        let arrived: [Milestone: String] = [.arrivedNorway: "2026-03-01", .residenceGranted: "2026-03-01", .settled: "2026-03-01"]
        let accompanied = try person(born: "2012-01-01", arrived)
        let unaccompanied = try person(born: "2012-01-01", unaccompanied: true, arrived)
        for id in ["representative", "minor_settled"] {
            #expect(try evaluate(try defaultRule(id), accompanied, on: "2026-03-01").state == .notApplicable)
            #expect(try evaluate(try defaultRule(id), unaccompanied, on: "2026-03-01").state != .notApplicable)
        }
        let grant = try defaultRule("disability_grant")
        #expect(try evaluate(grant, try person(born: "1990-01-01", arrived), on: "2026-03-01").state == .notApplicable)
        #expect(try evaluate(grant, try person(born: "1990-01-01", disability: true, arrived), on: "2026-03-01").state == .due)
    }

    @Test("Skills mapping is due the day before the programme starts, and never later than its deadline")
    func skillsMappingBeforeTheProgramme() throws {
        let rule = try defaultRule("skills_mapping")
        let starting = try person(born: "1990-01-01", [.settled: "2026-03-01", .introStarted: "2026-04-10"])
        let waiting = try evaluate(rule, starting, on: "2026-04-05")
        #expect((waiting.state, waiting.dueDate) == (.due, try date("2026-06-01")))
        // The programme's start makes it overdue at once: its due day was the day before.
        #expect(waiting.nextChange == (try date("2026-04-10")))
        let started = try evaluate(rule, starting, on: "2026-04-10")
        #expect((started.state, started.dueDate) == (.overdue, try date("2026-04-09")))

        var mapped = starting
        mapped.milestones[.skillsMapping] = MilestoneTime(date: try date("2026-04-09"))
        let onTime = try evaluate(rule, mapped, on: "2026-05-01")
        #expect((onTime.state, onTime.dueDate, onTime.late, onTime.nextChange) == (.met, try date("2026-04-09"), false, nil))
        mapped.milestones[.skillsMapping] = MilestoneTime(date: try date("2026-04-10"))
        let sameDay = try evaluate(rule, mapped, on: "2026-05-01")
        #expect((sameDay.state, sameDay.late) == (.met, true))

        // A programme that starts late does not postpone the mapping.
        let late = try person(born: "1990-01-01", [.settled: "2026-03-01", .introStarted: "2026-07-01"])
        #expect(try evaluate(rule, late, on: "2026-07-01").dueDate == (try date("2026-06-01")))
    }

    @Test("Months are added on the calendar, clamped to the month's last day", arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2028-02-29", 12, "2029-02-28"),
        ("2026-03-31", 3, "2026-06-30"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2027-11-29", 3, "2028-02-29"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-12-31", 14, "2028-02-29"),
        ("2026-01-15", 0, "2026-01-15"),
    ])
    func calendarMonths(start: String, months: Int, end: String) throws {
        #expect(DeadlineDuration.adding(months: months, to: try date(start)) == (try date(end)))
    }
}
