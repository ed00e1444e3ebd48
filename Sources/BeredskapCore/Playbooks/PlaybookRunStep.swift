import BeredskapJSON

/// One step of a playbook as a run needs it: what it waits for, how long it may take once it
/// can start, whether the daemon does it or a person, and who answers for it.
///
/// Why a separate, small type rather than the definition format: a run must finish the steps
/// it started with whatever the definition files later say, and keeping its input this narrow
/// lets the state machine be built and tested without the loader.
public struct PlaybookRunStepSpec: Sendable, Equatable, Codable {
    public var id: String
    /// Steps that must be done or skipped before this one can start.
    public var dependsOn: [String]
    /// How long after the step becomes ready it is due.
    public var due: FixedDuration
    /// True when the daemon carries the step out (`running` until it reports); false when a
    /// person does it and marks it complete.
    public var automatic: Bool
    /// The user or group told when the step is ready, overdue or failed.
    public var owner: String
    /// True for an automatic step that only waits for a condition (`wait_for`): nothing is
    /// lost when the daemon stops while it runs, so a restart checks the condition again
    /// instead of counting an attempt (see `PlaybookRun.recoverAfterRestart`).
    public var waitsForCondition: Bool

    public init(
        id: String, dependsOn: [String] = [], due: FixedDuration, automatic: Bool = false, owner: String,
        waitsForCondition: Bool = false
    ) {
        self.id = id
        self.dependsOn = dependsOn
        self.due = due
        self.automatic = automatic || waitsForCondition
        self.owner = owner
        self.waitsForCondition = waitsForCondition
    }
}

/// Where a step is (see API.md, "Playbooks"). `overdue` is not a state but a flag on a ready
/// step, so that an overdue step can still be completed or skipped like any ready one.
public enum PlaybookStepState: String, JSONStringEnum {
    /// Some dependency is neither done nor skipped.
    case waiting
    /// A task step a person can complete now.
    case ready
    /// An automatic step the daemon has been asked to carry out.
    case running
    case done
    case skipped
    /// An automatic step that reported failure or was interrupted; its dependents wait until a
    /// person skips it.
    case failed

    /// True when dependents may go on: a skipped step counts as done for them, since skipping
    /// is a person's decision that the step is not needed this time.
    public var letsDependentsStart: Bool { self == .done || self == .skipped }
}

/// One step inside a run, with who did what to it and when.
///
/// Every transition a person makes carries its actor and instant (`completedBy/At`,
/// `skippedBy/At`); automatic outcomes carry the instant and `PlaybookRun.automaticActor`.
/// Together they are the step's record, so no separate history is kept.
public struct PlaybookRunStep: Sendable, Equatable, Codable {
    public let id: String
    public let dependsOn: [String]
    public let due: FixedDuration
    public let automatic: Bool
    public let owner: String
    /// See `PlaybookRunStepSpec.waitsForCondition`.
    public let waitsForCondition: Bool

    public internal(set) var state: PlaybookStepState
    /// When the last dependency was settled (for a step without dependencies, the run's start).
    public internal(set) var readyAt: Timestamp?
    /// `readyAt + due`.
    public internal(set) var dueAt: Timestamp?
    /// True while the step is ready and `dueAt` has passed. Cleared when the step leaves
    /// `ready`; that it was late stays visible as `completedAt > dueAt` and in `escalations`.
    public internal(set) var overdue: Bool
    /// Escalations sent for this step so far.
    public internal(set) var escalations: Int
    /// When the next escalation is due while the step stays overdue; nil when none is.
    public internal(set) var nextEscalationAt: Timestamp?
    /// How many times the daemon has been asked to run an automatic step (0 for task steps).
    public internal(set) var attempts: Int
    public internal(set) var completedBy: String?
    public internal(set) var completedAt: Timestamp?
    public internal(set) var note: String?
    public internal(set) var skippedBy: String?
    public internal(set) var skippedAt: Timestamp?
    public internal(set) var skipReason: String?
    public internal(set) var failedAt: Timestamp?
    public internal(set) var failureReason: String?

    init(_ spec: PlaybookRunStepSpec) {
        id = spec.id
        dependsOn = spec.dependsOn
        due = spec.due
        automatic = spec.automatic
        owner = spec.owner
        waitsForCondition = spec.waitsForCondition
        state = .waiting
        overdue = false
        escalations = 0
        attempts = 0
    }

    /// The instant `advance` next has something to do for this step: the due time of a ready
    /// step, then its next escalation once it is overdue.
    var reminderDeadline: Timestamp? {
        guard state == .ready else { return nil }
        return overdue ? nextEscalationAt : dueAt
    }

    /// Done, by a person or (`PlaybookRun.automaticActor`) by its executor.
    mutating func markDone(by actor: String, at now: Timestamp, note: String?) {
        settle(as: .done)
        completedBy = actor
        completedAt = now
        self.note = note
    }

    /// The step leaves `ready` (or never reaches it): nobody is reminded of it any more.
    mutating func settle(as newState: PlaybookStepState) {
        state = newState
        overdue = false
        nextEscalationAt = nil
    }
}
