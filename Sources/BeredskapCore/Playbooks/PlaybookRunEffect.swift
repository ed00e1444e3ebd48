import BeredskapJSON

/// What the owner of a step is told about.
public enum PlaybookStepNotice: String, JSONStringEnum {
    /// The step can be done now.
    case ready
    /// The step is past its `due_at` and still not done.
    case overdue
    /// An automatic step failed; the run waits until someone skips it.
    case failed
}

/// What a change to a run asks the outside world to do. The run only says that something is
/// due; texts, channels and which groups form the escalation are resolved by the caller.
public enum PlaybookRunEffect: Sendable, Equatable, Codable {
    /// Carry out automatic step `step`. `attempt` (1, 2, …) lets the executor tell a retry after
    /// a restart from the first try, and lets the caller key the work idempotently.
    case runAutomatic(step: String, attempt: Int)
    /// Tell the step's owner.
    case notifyOwner(step: String, owner: String, about: PlaybookStepNotice)
    /// Tell the escalation group that an overdue step is still not done; `count` is 1, 2, ….
    case escalateOverdue(step: String, count: Int)
    /// Every step is done or skipped.
    case finished
    /// Someone aborted the run; nothing more will come from it.
    case aborted
    /// A run of a higher surge card took over the open steps; this one has finished.
    case superseded(by: String)
}

/// Why an action on a run was refused. `unknownStep` is a 404 to the daemon, `invalidSteps` a
/// 422, and the rest are conflicts with the run's current state (409).
public enum PlaybookRunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step list or policy a run was to start with is unusable.
    case invalidSteps(FieldProblem)
    case unknownStep(String)
    /// Only an active run takes actions.
    case notActive(PlaybookRun.State)
    /// Only a ready task step can be completed.
    case notReady(step: String, state: PlaybookStepState)
    /// Automatic steps are completed by their executor's report, never by a person.
    case automaticStep(String)
    /// A done or skipped step cannot be skipped.
    case cannotSkip(step: String, state: PlaybookStepState)

    public var text: Text {
        switch self {
        case .invalidSteps(let problem):
            Text("\(problem.field): ", nb: "\(problem.field): ") + problem.problem
        case .unknownStep(let step):
            Text("the run has no step \"\(step)\"", nb: "kjøringen har ikke noe steg «\(step)»")
        case .notActive(let state):
            Text("the run is \(state.rawValue)", nb: "kjøringen er \(state.name.nb)")
        case .notReady(let step, let state):
            Text("the step \"\(step)\" is \(state.rawValue), not ready",
                 nb: "steget «\(step)» er \(state.name.nb), ikke klart")
        case .automaticStep(let step):
            Text("the step \"\(step)\" is automatic and completes by itself",
                 nb: "steget «\(step)» er automatisk og fullføres av seg selv")
        case .cannotSkip(let step, let state):
            Text("the step \"\(step)\" is already \(state.rawValue)", nb: "steget «\(step)» er allerede \(state.name.nb)")
        }
    }

    public var description: String { text.en }
}
