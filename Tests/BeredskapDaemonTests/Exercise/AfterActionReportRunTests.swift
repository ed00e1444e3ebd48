import BeredskapCore
import BeredskapStore
import Foundation
import Testing

@testable import BeredskapDaemon

/// The after-action report of a scenario with known answers, run through the runner on a
/// copy: a transit centre of 100 places, 40, 30 and 35 arrivals on three days, the surge
/// threshold (40 in 24 h) crossed by the second inject, and a head count confirmed an hour
/// after it was due.
@Suite(.serialized) struct AfterActionReportRunTests {
    static let calendar = LocalCalendar(identifier: "Europe/Oslo")

    /// Monday 23 November 2026, 08:00 in Oslo: after the live fixture's history, so never moved.
    static let scenario = ExerciseScenario(
        id: "report-test", title: PlaybookText(nb: "Rapporttest", en: "Report test"),
        description: PlaybookText(nb: "Kjente svar", en: "Known answers"),
        start: .local(CalendarDate(year: 2026, month: 11, day: 23)!, secondsOfDay: 8 * 3600), speed: .maximum,
        facilities: [ExerciseFacility(
            id: "ovelse-test", name: "Øvelse test", kind: .transit, status: .open, operatorName: "Øvelse", district: "bjerke",
            authority: .udi, capacity: 100, occupied: 0)],
        injects: [
            ExerciseInject(at: .offset(.seconds(0)), .arrivals(.init(facility: "ovelse-test", count: 15, category: .adult))),
            ExerciseInject(at: .offset(.seconds(2 * 3600)), .arrivals(.init(facility: "ovelse-test", count: 25, category: .family))),
            ExerciseInject(at: .offset(.seconds(24 * 3600)), .arrivals(.init(facility: "ovelse-test", count: 30, category: .adult))),
            ExerciseInject(at: .offset(.seconds(25 * 3600)), .departures(.init(facility: "ovelse-test", count: 10, reason: .settled))),
            ExerciseInject(at: .offset(.seconds(48 * 3600)), .arrivals(.init(facility: "ovelse-test", count: 30, category: .adult))),
            ExerciseInject(at: .offset(.seconds(48 * 3600 + 20 * 60)), .completeStep(.init(
                playbook: "facility-near-full", step: "head-count", subject: "facility/ovelse-test", delay: .seconds(3 * 3600)))),
            ExerciseInject(at: .offset(.seconds(49 * 3600)), .arrivals(.init(facility: "ovelse-test", count: 5, category: .adult))),
            ExerciseInject(at: .offset(.seconds(52 * 3600)), .pause(.seconds(2 * 3600))),
        ],
        expectations: [
            ExerciseExpectation(.surgeLevel(.elevated), within: .seconds(2 * 3600)),
            ExerciseExpectation(.surgeLevel(.high), within: .seconds(24 * 3600)),
        ])

    static func run(_ live: WorldFixture) throws -> ExerciseRunner.Outcome {
        let calendar = try #require(Self.calendar)
        return try ExerciseRunner(
            scenario: scenario, speed: .maximum, configuration: live.configuration, calendar: calendar,
            livePath: live.directory + "/state.db").run()
    }

    @Test func theFiguresAreTheScenariosKnownAnswers() throws {
        let live = try WorldFixture(playbooks: ExerciseRunnerTests.playbooksDirectory)
        let outcome = try Self.run(live)
        let report = outcome.report
        let first = try #require(report.firstInject)
        let hours = { (hours: Int64) in first.adding(milliseconds: hours * 3_600_000) }
        #expect(outcome.refused.isEmpty, "\(outcome.refused)")
        #expect(first == report.start && first == Timestamp(rfc3339: "2026-11-23T07:00:00Z"))
        #expect(report.end == hours(54))
        #expect(!report.stopped)

        // The second inject makes 40 in 24 hours: elevated, two hours after the first.
        #expect(report.timeToSurgeLevel == AfterActionReport.Delay(at: hours(2), after: .seconds(2 * 3600)))
        // The window's end drops it at 24 h as the third inject raises it again; at 48 h it clears (30 < 40).
        #expect(report.surge == [
            AfterActionReport.SurgePeriod(level: .normal, from: report.start, to: hours(2)),
            AfterActionReport.SurgePeriod(level: .elevated, from: hours(2), to: hours(48)),
            AfterActionReport.SurgePeriod(level: .normal, from: hours(48), to: report.end),
        ])
        #expect(report.expectations.map(\.met) == [true, false])

        #expect(report.arrivalsPerDay.map(\.arrivals) == [40, 30, 35])
        #expect(report.arrivalsPerDay.map(\.date.description) == ["2026-11-23", "2026-11-24", "2026-11-25"])

        let transit = try #require(report.capacity.first { $0.kind == .transit })
        #expect(report.capacity.map(\.kind) == [.transit])
        #expect(transit.worst == AfterActionReport.CapacityPoint(at: hours(49), occupied: 95, capacity: 100))
        #expect(transit.days.map(\.occupied) == [40, 70, 95])
        #expect(transit.days.map(\.capacity) == [100, 100, 100])

        // 90 of 100 places at 48 h: the utilisation alert fires after its ten minutes and starts the card.
        let alert = try #require(report.alerts.first { $0.rule == "facility_utilization" })
        #expect(alert.subject == "facility/ovelse-test" && alert.firedAt == first.adding(milliseconds: (48 * 60 + 10) * 60_000))
        #expect(report.timeToAlert?.at == report.alerts.map(\.firedAt).min())
        let run = try #require(report.runs.first { $0.playbook == "facility-near-full" })
        let headCount = try #require(run.steps.first { $0.step == "head-count" })
        #expect(headCount.dueAt == headCount.readyAt.adding(milliseconds: 2 * 3_600_000))
        // Armed at 48 h 20 min, the operator acts three hours later: an hour and ten minutes late.
        #expect(headCount.doneAt == first.adding(milliseconds: (51 * 60 + 20) * 60_000))
        #expect(headCount.late)
        // Nobody answers the elevated card's UDI step (due in 24 h) in either of its two runs.
        #expect(report.lateSteps.map { "\($0.run.playbook) \($0.step.step)" } == [
            "surge-elevated udi-status", "surge-elevated udi-status", "facility-near-full head-count",
        ])
        #expect(report.stepsLate == 3)
        // The automatic steps are there too, done as they became ready.
        let notify = try #require(run.steps.first { $0.step == "notify-district" })
        #expect(notify.readyAt == notify.doneAt && !notify.late)
    }
}
