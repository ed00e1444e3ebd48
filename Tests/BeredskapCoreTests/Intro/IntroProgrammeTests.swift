import Testing

@testable import BeredskapCore

private func day(_ text: String) -> CalendarDate {
    CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0)
}

private func started(goal: IntroGoal = .work, months: Int? = nil, on date: String = "2026-01-31") throws -> IntroProgramme {
    try IntroProgramme.start(
        person: 7, district: "alna", on: day(date), goal: goal, months: months, voluntary: false, settlementMode: nil,
        durations: IntroDurations())
}

@Suite struct IntroProgrammeTests {
    @Test func theDurationTableBoundsThePlannedMonthsByGoal() throws {
        #expect(try started().months == 24, "the standard maximum by default")
        #expect(try started(goal: .upperSecondary).months == 36, "towards upper secondary: three years")
        #expect(try started(months: 3).months == 3)
        #expect(try started(months: 24).plannedEnd == day("2028-01-31"))
        for months in [2, 25] {
            #expect(throws: IntroError.invalid(FieldProblem("months", Text(
                "expected 3 to 24 months for the goal work", nb: "forventet 3 til 24 måneder for målet work")))) {
                _ = try started(months: months)
            }
        }
        #expect(try started(goal: .upperSecondary, months: 36).months == 36)
        #expect(throws: IntroError.self) { _ = try started(goal: .upperSecondary, months: 37) }
        // Calendar months: 31 January + 1 month would be 31 February, so the month's last day.
        #expect(try started(months: 13, on: "2027-01-31").plannedEnd == day("2028-02-29"))
    }

    @Test func aConfiguredTableIsTheOneThatCounts() throws {
        let durations = IntroDurations(minimumMonths: 6, standardMaximumMonths: 12, upperSecondaryMaximumMonths: 18, extensionMonths: 6)
        #expect(durations.plannable(for: .work) == 6...12)
        #expect(durations.plannable(for: .upperSecondary) == 6...18)
        var programme = try IntroProgramme.start(
            person: 1, district: nil, on: day("2026-03-01"), goal: .work, months: nil, voluntary: false, settlementMode: nil,
            durations: durations)
        #expect(programme.months == 12)
        #expect(throws: IntroError.self) { try programme.extend(months: 7, durations: durations) }
        try programme.extend(months: 6, durations: durations)
        #expect(programme.plannedEnd == day("2027-09-01"))
    }

    @Test func theDurationTableNamesEachBadField() {
        #expect(IntroDurations().problems().isEmpty)
        let bad = IntroDurations(minimumMonths: 0, standardMaximumMonths: 24, upperSecondaryMaximumMonths: 12, extensionMonths: 61)
        #expect(bad.problems().map(\.field) == ["minimum_months", "upper_secondary_maximum_months", "extension_months"])
        let inverted = IntroDurations(minimumMonths: 12, standardMaximumMonths: 6, upperSecondaryMaximumMonths: 36, extensionMonths: 12)
        #expect(inverted.problems().map(\.field) == ["standard_maximum_months"])
    }

    @Test func oneExtensionOfUpToTwelveMonthsMovesThePlannedEnd() throws {
        var programme = try started()
        #expect(throws: IntroError.self) { try programme.extend(months: 0, durations: IntroDurations()) }
        #expect(throws: IntroError.self) { try programme.extend(months: 13, durations: IntroDurations()) }
        try programme.extend(months: 12, durations: IntroDurations())
        #expect(programme.extensionMonths == 12)
        #expect(programme.plannedEnd == day("2029-01-31"))
        do {
            try programme.extend(months: 1, durations: IntroDurations())
            Issue.record("a second extension was allowed")
        } catch {
            #expect(error.state == .active)
            if case .done(.extend, _, _) = error {} else { Issue.record("expected done(extend), got \(error)") }
        }
    }

    @Test func interruptionsMoveThePlannedEndByTheDaysPaused() throws {
        var programme = try started(months: 12, on: "2026-01-01")
        #expect(programme.plannedEnd == day("2027-01-01"))
        try programme.interrupt(on: day("2026-03-01"))
        #expect(programme.state == .interrupted)
        #expect(throws: IntroError.notAllowed(.interrupt, from: .interrupted)) { try programme.interrupt(on: day("2026-03-02")) }
        #expect(throws: IntroError.self) { try programme.resume(on: day("2026-02-28")) }
        try programme.resume(on: day("2026-03-11"))
        #expect(programme.state == .active)
        #expect(programme.pausedDays == 10)
        #expect(programme.plannedEnd == day("2027-01-11"))
        #expect(throws: IntroError.notAllowed(.resume, from: .active)) { try programme.resume(on: day("2026-04-01")) }
        try programme.interrupt(on: day("2026-05-01"))
        try programme.resume(on: day("2026-05-06"))
        #expect(programme.pausedDays == 15)
        #expect(programme.plannedEnd == day("2027-01-16"))
    }

    @Test func anEndClosesAnInterruptionAndOnlyAFollowUpMayComeAfter() throws {
        var programme = try started(on: "2026-01-01")
        try programme.interrupt(on: day("2026-06-01"))
        #expect(throws: IntroError.self) { try programme.end(on: day("2026-05-31"), reason: .work) }
        try programme.end(on: day("2026-06-21"), reason: .qualification)
        #expect(programme.state == .ended)
        #expect(programme.interruptions == [IntroProgramme.Interruption(from: day("2026-06-01"), to: day("2026-06-21"))])
        #expect(programme.ending == IntroProgramme.Ending(date: day("2026-06-21"), reason: .qualification))
        for action in [IntroAction.interrupt, .resume, .extend, .end] {
            #expect(!IntroProgramme.allowed(from: .ended).contains(action))
        }
        #expect(throws: IntroError.notAllowed(.end, from: .ended)) { try programme.end(on: day("2026-07-01"), reason: .work) }
        #expect(throws: IntroError.self) { try programme.followUp(on: day("2026-06-20"), status: .work) }
        try programme.followUp(on: day("2027-06-21"), status: .education)
        #expect(programme.followUp == IntroProgramme.FollowUp(date: day("2027-06-21"), status: .education))
        #expect(throws: IntroError.self) { try programme.followUp(on: day("2027-07-01"), status: .work) }
    }

    @Test func aFollowUpNeedsAnEnd() throws {
        var programme = try started()
        #expect(throws: IntroError.notAllowed(.followUp, from: .active)) { try programme.followUp(on: day("2027-01-01"), status: .work) }
    }

    @Test func workOrEducationIsWorkAndTheSchools() {
        #expect(IntroEndReason.allCases.filter(IntroWorkOrEducation.counts) == [.work, .upperSecondary, .primarySchool])
        #expect(IntroFollowUpStatus.allCases.filter(IntroWorkOrEducation.counts) == [.work, .education])
    }

    /// A table whose bounds are out of order or too large is refused field by field, never
    /// trapped building a range from them (the configuration is read again on every reload).
    @Test func aTableOutOfBoundsHasProblemsNotATrap() {
        let tooLong = IntroDurations(minimumMonths: 3, standardMaximumMonths: 121, upperSecondaryMaximumMonths: 36, extensionMonths: 12)
        #expect(tooLong.problems().map(\.field) == ["standard_maximum_months", "upper_secondary_maximum_months"])
        let minimum = IntroDurations(minimumMonths: 121, standardMaximumMonths: 24, upperSecondaryMaximumMonths: 36, extensionMonths: 12)
        #expect(minimum.problems().map(\.field) == ["minimum_months", "standard_maximum_months"])
        #expect(IntroDurations().problems().isEmpty)
    }
}
