import BeredskapJSON

/// The events of playbook runs (subject `run/<id>`) and of the loaded set of action cards.
///
/// What people write in a run — the reason they started or aborted it, a step's note, why
/// they skipped it — is kept in the run (`playbook_runs`); the events name the run and step.
public enum PlaybookEvents {
    public static let runStarted = EventType<RunStarted>(.run, "started")
    public static let stepReady = EventType<StepDue>(.run, "step_ready")
    public static let stepRunning = EventType<StepRunning>(.run, "step_running")
    public static let stepCompleted = EventType<StepDone>(.run, "step_completed")
    public static let stepSkipped = EventType<StepDone>(.run, "step_skipped")
    public static let stepFailed = EventType<StepFailed>(.run, "step_failed")
    public static let stepOverdue = EventType<StepDue>(.run, "step_overdue")
    public static let stepEscalated = EventType<StepEscalated>(.run, "escalated")
    public static let runFinished = EventType<RunEnded>(.run, "finished")
    public static let runAborted = EventType<RunEnded>(.run, "aborted")
    /// A higher surge card's run took over the open steps (`by`); the run has ended.
    public static let runSuperseded = EventType<RunEnded>(.run, "superseded")
    /// A trigger's run could not be started (subject: the triggering alert or `city`).
    public static let startFailed = EventType<RunFailure>(.run, "start_failed")
    /// An active run could not be recovered at start; it stays as it was stored.
    public static let recoveryFailed = EventType<RunFailure>(.run, "recovery_failed")

    public static let reloaded = EventType<Reloaded>(.playbooks, "reloaded")
    /// A reload (SIGHUP) was refused; the running set stays.
    public static let reloadFailed = EventType<ReloadFailed>(.playbooks, "reload_failed")

    public static let all: [EventKind] = [
        runStarted.kind, stepReady.kind, stepRunning.kind, stepCompleted.kind, stepSkipped.kind, stepFailed.kind,
        stepOverdue.kind, stepEscalated.kind, runFinished.kind, runAborted.kind, runSuperseded.kind, startFailed.kind,
        recoveryFailed.kind, reloaded.kind, reloadFailed.kind,
    ]

    /// The card and what started the run; the reason is the run's.
    public struct RunStarted: EventPayload, Equatable {
        public var playbook: String
        public var trigger: PlaybookRunTrigger

        public init(playbook: String, trigger: PlaybookRunTrigger) {
            self.playbook = playbook
            self.trigger = trigger
        }

        public static let identifiers: Set<String> = ["playbook", "trigger.rule", "trigger.subject", "trigger.district"]
    }

    /// A step that is ready (or overdue): whose it is and by when.
    public struct StepDue: EventPayload, Equatable {
        public var step: String
        public var owner: String
        @NullEncoded public var dueAt: Timestamp?

        public init(step: String, owner: String, dueAt: Timestamp?) {
            self.step = step
            self.owner = owner
            self.dueAt = dueAt
        }

        public static let identifiers: Set<String> = ["step", "owner"]
    }

    /// An automatic step started (or started again).
    public struct StepRunning: EventPayload, Equatable {
        public var step: String
        public var attempt: Int

        public init(step: String, attempt: Int) {
            self.step = step
            self.attempt = attempt
        }

        public static let identifiers: Set<String> = ["step"]
    }

    /// A step done or skipped, and by whom; a note or a skip reason is the run's.
    public struct StepDone: EventPayload, Equatable {
        public var step: String
        public var by: String

        public init(step: String, by: String) {
            self.step = step
            self.by = by
        }

        public static let identifiers: Set<String> = ["step", "by"]
    }

    public struct StepFailed: EventPayload, Equatable {
        public var step: String
        public var reason: String

        public init(step: String, reason: String) {
            self.step = step
            self.reason = reason
        }

        public static let identifiers: Set<String> = ["step"]
        public static let annotatedText = [
            "reason": "why an automatic step failed, in the daemon's own words (no facility refstad); people do not write it",
        ]
    }

    public struct StepEscalated: EventPayload, Equatable {
        public var step: String
        /// Escalations of the step so far.
        public var count: Int

        public init(step: String, count: Int) {
            self.step = step
            self.count = count
        }

        public static let identifiers: Set<String> = ["step"]
    }

    /// A run ended: finished, aborted, or superseded by run `by`.
    public struct RunEnded: EventPayload, Equatable {
        public var playbook: String
        public var by: Int64?

        public init(playbook: String, by: Int64? = nil) {
            self.playbook = playbook
            self.by = by
        }

        public static let identifiers: Set<String> = ["playbook"]
    }

    public struct RunFailure: EventPayload, Equatable {
        public var playbook: String?
        public var error: String

        public init(playbook: String?, error: String) {
            self.playbook = playbook
            self.error = error
        }

        public static let identifiers: Set<String> = ["playbook"]
        public static let annotatedText = ["error": "the daemon's description of what went wrong, for whoever reads its log"]
    }

    public struct Reloaded: EventPayload, Equatable {
        public var playbooks: [String]

        public init(playbooks: [String]) { self.playbooks = playbooks }

        public static let identifiers: Set<String> = ["playbooks"]
    }

    public struct ReloadFailed: EventPayload, Equatable {
        public var problems: [String]

        public init(problems: [String]) { self.problems = problems }

        public static let annotatedText = [
            "problems": "the validation's messages about the card files (file, field, what was expected)",
        ]
    }
}
