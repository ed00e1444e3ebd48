import BeredskapJSON

/// The after-action report (evaluering) of an exercise run: what happened in the run's world
/// and how fast the response was, as figures — the timeline, the times to detect and to the
/// first notification, the steps that were late, the expectations met and missed, the
/// capacity at its worst, arrivals and occupancy per day, the surge level over time.
///
/// Why a value of its own, built once when the run ends: the run's copy of the state is
/// deleted then, and its events with it; the report is what is kept (`exercise_reports`),
/// rendered as Markdown, HTML or JSON whenever it is asked for. It holds ids, numbers,
/// instants and rule and step ids — no text people wrote (the scenario's title is looked up
/// when it is rendered: `title`).
public struct AfterActionReport: Sendable, Equatable, Codable {
    public var scenario: String
    /// The scenario's title from its file, set when the report is rendered; never stored.
    public var title: PlaybookText?
    public var speed: ExerciseSpeed
    /// Stopped before the end of its timeline: the report covers what happened until the stop.
    public var stopped: Bool
    /// The simulated clock: where it started and where it stood at the end (or the stop).
    public var start: Timestamp
    public var end: Timestamp
    /// From which the times to detect and the expectations count; nil without injects.
    public var firstInject: Timestamp?
    /// First inject → the first surge level change, the first alert that fired, the first
    /// notification queued (each the first at or after the first inject).
    public var timeToSurgeLevel: Delay?
    public var timeToAlert: Delay?
    public var timeToNotification: Delay?
    /// Notifications queued in the run's world (delivered nowhere: the run's own outbox).
    public var notifications: Int
    public var surge: [SurgePeriod]
    /// The alerts that fired, in the order they did.
    public var alerts: [AlertTiming]
    /// The playbook runs started, in the order they were, with their steps.
    public var runs: [RunTiming]
    public var stepsLate: Int
    public var expectations: [ExerciseExpectationResult]
    /// Per kind of facility present in the run, in the order of `FacilityKind.allCases`.
    public var capacity: [KindCapacity]
    /// Each local day from the start's to the end's, new arrivals (transfers left out).
    public var arrivalsPerDay: [DayArrivals]

    /// An instant and how long after the first inject it came.
    public struct Delay: Sendable, Equatable, Codable {
        public var at: Timestamp
        public var after: FixedDuration

        public init(at: Timestamp, after: FixedDuration) {
            self.at = at
            self.after = after
        }
    }

    /// The surge level from `from` until `to`.
    public struct SurgePeriod: Sendable, Equatable, Codable {
        public var level: SurgeLevel
        public var from: Timestamp
        public var to: Timestamp

        public init(level: SurgeLevel, from: Timestamp, to: Timestamp) {
            self.level = level
            self.from = from
            self.to = to
        }
    }

    /// An alert (`alert/<id>`): when it fired, was acknowledged and resolved; its highest severity.
    public struct AlertTiming: Sendable, Equatable, Codable {
        public var id: Int64
        public var rule: String
        public var subject: String
        public var severity: AlertSeverity
        public var firedAt: Timestamp
        public var acknowledgedAt: Timestamp?
        public var resolvedAt: Timestamp?

        public init(id: Int64, rule: String, subject: String, severity: AlertSeverity, firedAt: Timestamp,
                    acknowledgedAt: Timestamp? = nil, resolvedAt: Timestamp? = nil) {
            self.id = id
            self.rule = rule
            self.subject = subject
            self.severity = severity
            self.firedAt = firedAt
            self.acknowledgedAt = acknowledgedAt
            self.resolvedAt = resolvedAt
        }
    }

    /// How a run ended: `finished`, `aborted` or `superseded` (by a higher surge card's run).
    public enum RunEnding: String, JSONStringEnum {
        case finished, aborted, superseded
    }

    /// A playbook run (`run/<id>`) of the exercise and its steps.
    public struct RunTiming: Sendable, Equatable, Codable {
        public var id: Int64
        public var playbook: String
        /// What started it: the alert's subject, or nil for a surge card.
        public var subject: String?
        public var startedAt: Timestamp
        public var endedAt: Timestamp?
        public var ending: RunEnding?
        public var steps: [StepTiming]

        public init(id: Int64, playbook: String, subject: String?, startedAt: Timestamp, endedAt: Timestamp? = nil,
                    ending: RunEnding? = nil, steps: [StepTiming] = []) {
            self.id = id
            self.playbook = playbook
            self.subject = subject
            self.startedAt = startedAt
            self.endedAt = endedAt
            self.ending = ending
            self.steps = steps
        }
    }

    /// A step: when it became ready, by when it was due, when it was done (or skipped), and
    /// whether it was late — done after its due time, or still open past it when the run
    /// (or the exercise) ended.
    public struct StepTiming: Sendable, Equatable, Codable {
        public var step: String
        public var readyAt: Timestamp
        public var dueAt: Timestamp?
        public var doneAt: Timestamp?
        public var skipped: Bool
        public var late: Bool

        public init(step: String, readyAt: Timestamp, dueAt: Timestamp?, doneAt: Timestamp? = nil, skipped: Bool = false,
                    late: Bool = false) {
            self.step = step
            self.readyAt = readyAt
            self.dueAt = dueAt
            self.doneAt = doneAt
            self.skipped = skipped
            self.late = late
        }
    }

    /// The people in facilities of one kind against their places (`available`: capacity less
    /// places out of use, in operating facilities only).
    public struct KindCapacity: Sendable, Equatable, Codable {
        public var kind: FacilityKind
        /// The highest occupancy against capacity in the run: the first time it was reached.
        public var worst: CapacityPoint
        public var days: [KindDay]

        public init(kind: FacilityKind, worst: CapacityPoint, days: [KindDay]) {
            self.kind = kind
            self.worst = worst
            self.days = days
        }
    }

    public struct CapacityPoint: Sendable, Equatable, Codable {
        public var at: Timestamp
        public var occupied: Int
        public var capacity: Int

        public init(at: Timestamp, occupied: Int, capacity: Int) {
            self.at = at
            self.occupied = occupied
            self.capacity = capacity
        }

        /// Occupied over capacity; nil when there were no places.
        public var utilization: Double? { capacity > 0 ? Double(occupied) / Double(capacity) : nil }
    }

    /// A local day's highest occupancy of a kind, and the places there were at that moment.
    public struct KindDay: Sendable, Equatable, Codable {
        public var date: CalendarDate
        public var occupied: Int
        public var capacity: Int

        public init(date: CalendarDate, occupied: Int, capacity: Int) {
            self.date = date
            self.occupied = occupied
            self.capacity = capacity
        }
    }

    public struct DayArrivals: Sendable, Equatable, Codable {
        public var date: CalendarDate
        public var arrivals: Int

        public init(date: CalendarDate, arrivals: Int) {
            self.date = date
            self.arrivals = arrivals
        }
    }

    /// Every step of every run, with its run.
    public var steps: [(run: RunTiming, step: StepTiming)] { runs.flatMap { run in run.steps.map { (run, $0) } } }

    /// The steps that were late, in the order of their runs.
    public var lateSteps: [(run: RunTiming, step: StepTiming)] { steps.filter(\.step.late) }
}
