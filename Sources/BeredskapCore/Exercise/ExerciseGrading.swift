/// How one expectation of a scenario came out in a run: met or missed, and when.
public struct ExerciseExpectationResult: Sendable, Equatable, Codable {
    /// Its position in the scenario's `expectations`.
    public var index: Int
    public var expectation: ExerciseExpectation
    public var met: Bool
    /// When it was met (the first event that meets it, even after the deadline, which is then
    /// missed); for `no_alert`, when it was broken. nil when nothing happened.
    public var at: Timestamp?
    /// By when it had to be met; nil for `no_alert` (the whole run).
    public var deadline: Timestamp?

    public init(index: Int, expectation: ExerciseExpectation, met: Bool, at: Timestamp?, deadline: Timestamp?) {
        self.index = index
        self.expectation = expectation
        self.met = met
        self.at = at
        self.deadline = deadline
    }
}

/// Grades a run's expectations from the events of the exercise's world.
///
/// Why from the events and not from the tables: the events are the record of what happened
/// and when (an alert that fired and resolved is no longer open; a surge level that rose and
/// fell is only in the log), so the same grading works on any copy, during a run and after.
public enum ExerciseGrading {
    /// Each expectation, in order: an expectation with `within` is met when its first matching
    /// event is at or before `firstInject + within`; `no_alert` is met when no matching alert
    /// fired up to `end`.
    public static func grade(
        _ expectations: [ExerciseExpectation], events: [Event], firstInject: Timestamp, end: Timestamp
    ) -> [ExerciseExpectationResult] {
        expectations.enumerated().map { index, expectation in
            let first = events.first { $0.time <= end && meets(expectation.kind, $0) }?.time
            let deadline = expectation.deadline(firstInject: firstInject)
            let met: Bool
            if case .noAlert = expectation.kind {
                met = first == nil
            } else {
                met = first.map { at in deadline.map { at <= $0 } ?? true } ?? false
            }
            return ExerciseExpectationResult(index: index, expectation: expectation, met: met, at: first, deadline: deadline)
        }
    }

    /// Whether `event` is what `kind` waits for (for `no_alert`: what breaks it).
    static func meets(_ kind: ExerciseExpectation.Kind, _ event: Event) -> Bool {
        switch kind {
        case .surgeLevel(let level):
            return event.payload(SurgeEvents.levelChanged).map { $0.to >= level } ?? false
        case .runStarted(let playbook):
            return event.payload(PlaybookEvents.runStarted)?.playbook == playbook
        case .alertFired(let match), .noAlert(let match):
            guard let alert = event.payload(AlertEvents.firing) ?? event.payload(AlertEvents.severityChanged),
                alert.state == .firing
            else { return false }
            return match.matches(AlertKey(rule: alert.rule, subject: alert.subject), severity: alert.severity)
        }
    }
}
