import BeredskapCore
import BeredskapJSON
import Testing

/// Grading from events, and moving a scenario that starts before the copy's history.
struct ExerciseGradingTests {
    static let start = Timestamp(secondsSinceEpoch: 1_772_438_400)

    static func event<Payload: EventPayload>(_ type: EventType<Payload>, _ payload: Payload, minutes: Int64, seq: Int64) throws -> Event {
        Event(
            seq: seq, time: start.adding(milliseconds: minutes * 60_000), type: type.name, actor: .system, subject: nil,
            data: try JSONValueEncoder().encode(payload), exercise: true)
    }

    static func firing(_ rule: String, _ subject: String, _ severity: AlertSeverity, minutes: Int64, seq: Int64) throws -> Event {
        try event(AlertEvents.firing, AlertEvents.Snapshot(
            rule: rule, subject: subject, state: .firing, severity: severity, value: 1, threshold: 1, silenced: false), minutes: minutes, seq: seq)
    }

    @Test func anExpectationIsMetInTimeLateOrNeverAndNoAlertIsBrokenByAMatchingFiring() throws {
        let events = [
            try Self.event(PlaybookEvents.runStarted, PlaybookEvents.RunStarted(
                playbook: "surge-high", trigger: PlaybookRunTrigger(kind: .manual)), minutes: 30, seq: 1),
            try Self.firing("facility_utilization", "facility/a", .warning, minutes: 150, seq: 2),
            try Self.firing("facility_cap", "facility/b", .critical, minutes: 200, seq: 3),
        ]
        let expectations = [
            ExerciseExpectation(.runStarted("surge-high"), within: .seconds(3600)),
            ExerciseExpectation(.alertFired(ExerciseAlertMatch(rule: "facility_utilization", subject: "facility/*")), within: .seconds(7200)),
            ExerciseExpectation(.runStarted("cap-breach"), within: .seconds(7200)),
            ExerciseExpectation(.noAlert(ExerciseAlertMatch(rule: "facility_cap"))),
            ExerciseExpectation(.noAlert(ExerciseAlertMatch(rule: "*", severity: .critical))),
            ExerciseExpectation(.noAlert(ExerciseAlertMatch(rule: "kind_utilization"))),
        ]
        let results = ExerciseGrading.grade(expectations, events: events, firstInject: Self.start, end: Self.start.adding(milliseconds: 600 * 60_000))
        #expect(results.map(\.met) == [true, false, false, false, false, true])
        #expect(results[1].at == Self.start.adding(milliseconds: 150 * 60_000))
        #expect(results[1].deadline == Self.start.adding(milliseconds: 120 * 60_000))
        #expect(results[2].at == nil)
        #expect(results[3].deadline == nil && results[3].at == Self.start.adding(milliseconds: 200 * 60_000))
    }
}
