import BeredskapCore
import BeredskapJSON

/// `GET /v1/playbooks`: the loaded action cards, in id order.
public struct PlaybookList: Sendable, Codable, Equatable {
    /// One action card in brief; `GET /v1/playbooks/{id}` gives the whole definition.
    public struct Summary: Sendable, Codable, Equatable {
        public var id: String
        public var title: PlaybookText
        public var trigger: PlaybookTrigger
        public var steps: Int
        /// Runs of it that are active now.
        public var activeRuns: Int

        public init(_ playbook: PlaybookDefinition, activeRuns: Int) {
            id = playbook.id
            title = playbook.title
            trigger = playbook.trigger
            steps = playbook.steps.count
            self.activeRuns = activeRuns
        }
    }

    /// Where the daemon reads them from.
    public var directory: String
    public var playbooks: [Summary]
    /// Set when none are loaded, saying from where and that nothing will start by itself.
    @NullEncoded public var warning: String?

    public init(directory: String, playbooks: [Summary], warning: String? = nil) {
        self.directory = directory
        self.playbooks = playbooks
        self.warning = warning
    }
}

/// The answer to `POST /v1/playbooks/reload`.
public struct PlaybooksReloaded: Sendable, Codable, Equatable {
    public var loaded: Int
    public var eventSeq: Int64

    public init(loaded: Int, eventSeq: Int64) {
        self.loaded = loaded
        self.eventSeq = eventSeq
    }
}

/// `POST /v1/playbooks/{id}/runs`: a manual start.
public struct StartRunBody: Sendable, Codable, Equatable {
    /// Why the run is started: 1–500 characters.
    public var reason: String
    /// Optionally, the alert the run is about (its subject, district and resolution then count
    /// as for a run the alert started). At most one run of a playbook per alert.
    public var alert: Int64?
    /// Optionally, what the run is about without an alert (`facility/refstad`, `kind/transit`,
    /// `city`): its name and district fill the card's texts and owners. A card whose texts name
    /// the subject or the alert must be started with `alert` or `subject`; not both.
    public var subject: String?

    public init(reason: String, alert: Int64? = nil, subject: String? = nil) {
        self.reason = reason
        self.alert = alert
        self.subject = subject
    }
}

/// `POST /v1/runs/{id}/steps/{step}/complete`.
public struct CompleteStepBody: Sendable, Codable, Equatable {
    /// What was done (optional, at most 2000 characters).
    public var note: String?

    public init(note: String? = nil) { self.note = note }
}

/// `POST /v1/runs/{id}/steps/{step}/skip` and `POST /v1/runs/{id}/abort`.
public struct ReasonBody: Sendable, Codable, Equatable {
    /// Why: 1–500 characters.
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// What started a run and what it is about (defined in the core, where the engine uses it).
public typealias RunTrigger = PlaybookRunTrigger
public typealias RunTriggerKind = PlaybookRunTrigger.Kind

/// How a step is carried out, as the API names it (`task` is done by a person, the rest by
/// the daemon).
public enum RunStepAction: String, JSONStringEnum {
    case task, notify
    case setFacilityStatus = "set_facility_status"
    case waitFor = "wait_for"
    case log
}

/// One step of a run, with who did what and when (API.md, "Playbooks": step states).
public struct RunStepResource: Sendable, Codable, Equatable {
    public var id: String
    public var title: PlaybookText
    /// The group that answers for it, resolved for this run (`bydel:grorud`).
    public var owner: String
    public var action: RunStepAction
    public var state: PlaybookStepState
    /// A ready step past its `due_at`.
    public var overdue: Bool
    public var dependsOn: [String]
    public var due: FixedDuration
    @NullEncoded public var readyAt: Timestamp?
    @NullEncoded public var dueAt: Timestamp?
    @NullEncoded public var completedBy: String?
    @NullEncoded public var completedAt: Timestamp?
    @NullEncoded public var note: String?
    @NullEncoded public var skippedBy: String?
    @NullEncoded public var skippedAt: Timestamp?
    @NullEncoded public var skipReason: String?
    @NullEncoded public var failedAt: Timestamp?
    @NullEncoded public var failureReason: String?
    public var escalations: Int
    public var attempts: Int

    public init(_ step: PlaybookRunStep, title: PlaybookText, action: RunStepAction) {
        id = step.id
        self.title = title
        owner = step.owner
        self.action = action
        state = step.state
        overdue = step.overdue
        dependsOn = step.dependsOn
        due = step.due
        readyAt = step.readyAt
        dueAt = step.dueAt
        completedBy = step.completedBy
        completedAt = step.completedAt
        note = step.note
        skippedBy = step.skippedBy
        skippedAt = step.skippedAt
        skipReason = step.skipReason
        failedAt = step.failedAt
        failureReason = step.failureReason
        escalations = step.escalations
        attempts = step.attempts
    }
}

/// One run of a playbook (`GET /v1/runs/{id}`, and the answer to every action on a run).
public struct RunResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var playbook: String
    public var title: PlaybookText
    public var state: PlaybookRun.State
    /// Active, but held up by a failed step until someone skips it or aborts the run.
    public var blocked: Bool
    public var trigger: RunTrigger
    public var reason: String
    public var startedAt: Timestamp
    public var startedBy: String
    @NullEncoded public var endedAt: Timestamp?
    @NullEncoded public var abortedBy: String?
    @NullEncoded public var abortReason: String?
    /// The run of a higher surge card that took over this one's open steps (it then finished).
    @NullEncoded public var supersededBy: Int64?
    /// When the next reminder (overdue notice or escalation) is due, if any.
    @NullEncoded public var nextDeadline: Timestamp?
    /// Steps done or skipped, of all.
    public var progress: RunProgress
    public var exercise: Bool
    public var steps: [RunStepResource]

    public init(
        id: Int64, run: PlaybookRun, definition: PlaybookDefinition, trigger: RunTrigger, exercise: Bool
    ) {
        self.id = id
        playbook = run.playbook
        title = definition.title
        state = run.state
        blocked = run.isBlocked
        self.trigger = trigger
        reason = run.reason
        startedAt = run.startedAt
        startedBy = run.startedBy
        endedAt = run.endedAt
        abortedBy = run.abortedBy
        abortReason = run.abortReason
        supersededBy = run.supersededBy.flatMap(Int64.init)
        nextDeadline = run.nextDeadline()
        progress = RunProgress(
            settled: run.steps.filter(\.state.letsDependentsStart).count, total: run.steps.count,
            overdue: run.steps.filter(\.overdue).count)
        self.exercise = exercise
        steps = run.steps.map { step in
            let definitionStep = definition.step(step.id)
            return RunStepResource(
                step, title: definitionStep?.title ?? PlaybookText(nb: step.id, en: step.id),
                action: definitionStep.map { RunStepAction($0.action) } ?? .task)
        }
    }
}

/// How far a run has come.
public struct RunProgress: Sendable, Codable, Equatable {
    /// Steps done or skipped.
    public var settled: Int
    public var total: Int
    /// Ready steps past their due time.
    public var overdue: Int

    public init(settled: Int, total: Int, overdue: Int) {
        self.settled = settled
        self.total = total
        self.overdue = overdue
    }
}

/// `GET /v1/runs`: newest first.
public struct RunList: Sendable, Codable, Equatable {
    public var runs: [RunResource]

    public init(runs: [RunResource]) { self.runs = runs }
}

/// Which runs `GET /v1/runs?state=` lists: `active`, or `finished` (finished and aborted:
/// every run that has ended).
public enum RunStateFilter: String, JSONStringEnum {
    case active, finished
}

extension RunStepAction {
    public init(_ action: PlaybookAction) {
        switch action {
        case .task: self = .task
        case .notify: self = .notify
        case .setFacilityStatus: self = .setFacilityStatus
        case .waitFor: self = .waitFor
        case .log: self = .log
        }
    }
}
