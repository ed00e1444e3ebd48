import BeredskapJSON

/// What may be done to a programme; the `action` of `POST /v1/persons/{id}/intro`.
public enum IntroAction: String, JSONStringEnum {
    case start, interrupt, resume, extend, end
    case followUp = "follow_up"
}

/// A refused step: 409 with the state, or 400 naming the field.
public enum IntroError: Error, Sendable, Equatable {
    case notAllowed(IntroAction, from: IntroProgramme.State)
    /// A step the programme takes once (`extend`, `follow_up`), taken already.
    case done(IntroAction, in: IntroProgramme.State, Text)
    case invalid(FieldProblem)

    /// `details.state` of a 409.
    public var state: IntroProgramme.State? {
        switch self {
        case .notAllowed(_, let state), .done(_, let state, _): state
        case .invalid: nil
        }
    }

    public var text: Text {
        switch self {
        case .notAllowed(let action, let state):
            let allowed = IntroProgramme.allowed(from: state).map(\.rawValue).joined(separator: ", ")
            return Text(
                "cannot \(action.rawValue) a programme that is \(state.rawValue); from \(state.rawValue): \(allowed)",
                nb: "kan ikke \(action.rawValue) et program som er \(state.rawValue); fra \(state.rawValue): \(allowed)")
        case .done(_, _, let text):
            return text
        case .invalid(let problem):
            return Text("\(problem.field): ", nb: "\(problem.field): ") + problem.problem
        }
    }
}

/// The transitions. Each checks the state, then the dates (no step before the one it follows),
/// then changes the programme. Eligibility is decided by the caller (`IntroEligibility`), which
/// knows the person.
extension IntroProgramme {
    /// What may follow `state` (a follow-up only once, and `extend` only once: checked apart).
    public static func allowed(from state: State) -> [IntroAction] {
        switch state {
        case .active: [.interrupt, .extend, .end]
        case .interrupted: [.resume, .extend, .end]
        case .ended: [.followUp]
        }
    }

    /// A programme started on `date` towards `goal` for `months` (default: the longest the
    /// duration table allows for the goal).
    public static func start(
        person: Int64, district: String?, on date: CalendarDate, goal: IntroGoal, months: Int?, voluntary: Bool,
        settlementMode: SettlementMode?, durations: IntroDurations
    ) throws(IntroError) -> IntroProgramme {
        let plannable = durations.plannable(for: goal)
        let months = months ?? plannable.upperBound
        guard plannable.contains(months) else {
            throw .invalid(FieldProblem("months", Text(
                "expected \(plannable.lowerBound) to \(plannable.upperBound) months for the goal \(goal.rawValue)",
                nb: "forventet \(plannable.lowerBound) til \(plannable.upperBound) måneder for målet \(goal.rawValue)")))
        }
        return IntroProgramme(
            person: person, district: district, started: date, goal: goal, months: months, voluntary: voluntary,
            settlementMode: settlementMode)
    }

    public mutating func interrupt(on date: CalendarDate) throws(IntroError) {
        try check(.interrupt)
        try notBefore(date, latestStep, "date")
        interruptions.append(Interruption(from: date))
    }

    public mutating func resume(on date: CalendarDate) throws(IntroError) {
        try check(.resume)
        try notBefore(date, latestStep, "date")
        interruptions[interruptions.count - 1].to = date
    }

    /// The one extension, of 1 to `durations.extensionMonths` months.
    public mutating func extend(months: Int, durations: IntroDurations) throws(IntroError) {
        try check(.extend)
        if let granted = extensionMonths {
            throw .done(.extend, in: state, Text(
                "extended already, by \(granted) months: the programme has one extension",
                nb: "forlenget allerede, med \(granted) måneder: programmet har én forlengelse"))
        }
        guard durations.extensionMonths > 0, (1...durations.extensionMonths).contains(months) else {
            throw .invalid(FieldProblem("months", Text(
                "expected 1 to \(durations.extensionMonths) months", nb: "forventet 1 til \(durations.extensionMonths) måneder")))
        }
        extensionMonths = months
    }

    /// Ends the programme; an interruption that lasts ends with it.
    public mutating func end(on date: CalendarDate, reason: IntroEndReason) throws(IntroError) {
        try check(.end)
        try notBefore(date, latestStep, "date")
        if state == .interrupted { interruptions[interruptions.count - 1].to = date }
        ending = Ending(date: date, reason: reason)
    }

    /// The status one year after, recorded once, not before the end.
    public mutating func followUp(on date: CalendarDate, status: IntroFollowUpStatus) throws(IntroError) {
        try check(.followUp)
        if let recorded = followUp {
            throw .done(.followUp, in: state, Text(
                "the status after the programme is recorded already (\(recorded.status.rawValue), \(recorded.date))",
                nb: "statusen etter programmet er registrert allerede (\(recorded.status.rawValue), \(recorded.date))"))
        }
        try notBefore(date, latestStep, "date")
        followUp = FollowUp(date: date, status: status)
    }

    /// The day of the last step so far: nothing may be dated before it.
    var latestStep: CalendarDate {
        [started, interruptions.last?.from, interruptions.last?.to, ending?.date].compactMap { $0 }.max() ?? started
    }

    private func check(_ action: IntroAction) throws(IntroError) {
        guard Self.allowed(from: state).contains(action) else { throw .notAllowed(action, from: state) }
    }

    private func notBefore(_ date: CalendarDate, _ earliest: CalendarDate, _ field: String) throws(IntroError) {
        guard date >= earliest else {
            throw .invalid(FieldProblem(field, Text(
                "must not be before the programme's last step (\(earliest))",
                nb: "kan ikke være før programmets siste steg (\(earliest))")))
        }
    }
}
