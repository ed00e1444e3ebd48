import BeredskapJSON

/// An exercise (øvelse) as written in `Playbooks/exercises/<id>.json5`: where the simulated
/// clock starts, how fast it runs, the facilities to set up, and the injects — what happens
/// and when — with the expectations the response is graded against.
///
/// Decoding is strict, as for playbooks (unknown fields are errors with their path); the
/// rules that need more than one field or knowledge of the state (facilities, playbooks,
/// rules, time order) are in `ExerciseValidation`. Running a scenario — the second world on a
/// copy of the state, the simulated clock — is the runner's; this is only what it reads.
public struct ExerciseScenario: Sendable, Equatable, Codable {
    /// A slug, the file's name without `.json5`: `quick-drill`.
    public var id: String
    public var title: PlaybookText
    public var description: PlaybookText
    /// Where the simulated clock starts: a local time or an instant, never an offset.
    public var start: ExerciseTime
    /// The speed unless `beredskap exercise run --speed` says otherwise.
    public var speed: ExerciseSpeed
    /// Facilities created or changed on the copy before the first inject, in this order.
    public var facilities: [ExerciseFacility]
    /// In time order.
    public var injects: [ExerciseInject]
    public var expectations: [ExerciseExpectation]

    public init(id: String, title: PlaybookText, description: PlaybookText, start: ExerciseTime, speed: ExerciseSpeed,
                facilities: [ExerciseFacility] = [], injects: [ExerciseInject], expectations: [ExerciseExpectation] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.start = start
        self.speed = speed
        self.facilities = facilities
        self.injects = injects
        self.expectations = expectations
    }

    private enum CodingKeys: String, CodingKey { case id, title, description, start, speed, facilities, injects, expectations }

    /// `facilities` and `expectations` may be left out (a scenario against the live
    /// facilities; a run only to watch).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(PlaybookText.self, forKey: .title)
        description = try container.decode(PlaybookText.self, forKey: .description)
        start = try container.decode(ExerciseTime.self, forKey: .start)
        speed = try container.decode(ExerciseSpeed.self, forKey: .speed)
        facilities = try container.decodeIfPresent([ExerciseFacility].self, forKey: .facilities) ?? []
        injects = try container.decode([ExerciseInject].self, forKey: .injects)
        expectations = try container.decodeIfPresent([ExerciseExpectation].self, forKey: .expectations) ?? []
    }
}

/// A facility in a scenario: the fields of `PUT /v1/facilities/{id}`, each optional. With
/// `name`, `kind`, `status`, `operator`, `authority` and `capacity` all given it is a whole
/// definition (a new facility, or one that replaces the live one on the copy); with fewer it
/// changes a facility that exists (`{ id: "refstad", status: "closing" }`), as a merge patch.
/// In `facilities` (the setup) it may also set the starting head count, `occupied`.
public struct ExerciseFacility: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    public var kind: FacilityKind?
    public var status: FacilityStatus?
    public var operatorName: String?
    public var district: String?
    public var authority: Authority?
    public var capacity: Int?
    public var expansionCapacity: Int?
    public var blocked: Int?
    public var note: String?
    /// The head count to report at the start (setup only; an inject uses `head_count`).
    public var occupied: Int?

    public init(id: String, name: String? = nil, kind: FacilityKind? = nil, status: FacilityStatus? = nil,
                operatorName: String? = nil, district: String? = nil, authority: Authority? = nil, capacity: Int? = nil,
                expansionCapacity: Int? = nil, blocked: Int? = nil, note: String? = nil, occupied: Int? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.status = status
        self.operatorName = operatorName
        self.district = district
        self.authority = authority
        self.capacity = capacity
        self.expansionCapacity = expansionCapacity
        self.blocked = blocked
        self.note = note
        self.occupied = occupied
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, kind, status, operatorName = "operator", district, authority, capacity, expansionCapacity,
             blocked, note, occupied
    }

    /// The fields a whole definition needs, in JSON spelling, that this one leaves out.
    public var missingForDefinition: [String] {
        [("name", name == nil), ("kind", kind == nil), ("status", status == nil), ("operator", operatorName == nil),
         ("authority", authority == nil), ("capacity", capacity == nil)].filter(\.1).map(\.0)
    }

    /// The whole definition, or nil when a required field is left out (a change).
    public var definition: FacilityDefinition? {
        guard let name, let kind, let status, let operatorName, let authority, let capacity else { return nil }
        return FacilityDefinition(
            name: name, kind: kind, status: status, operatorName: operatorName, district: district, authority: authority,
            capacity: capacity, expansionCapacity: expansionCapacity, blocked: blocked ?? 0, note: note)
    }

    /// `existing` with the fields given here: what the runner sends as the `PUT` of a change.
    public func applied(to existing: FacilityDefinition) -> FacilityDefinition {
        var changed = existing
        if let name { changed.name = name }
        if let kind { changed.kind = kind }
        if let status { changed.status = status }
        if let operatorName { changed.operatorName = operatorName }
        if let district { changed.district = district }
        if let authority { changed.authority = authority }
        if let capacity { changed.capacity = capacity }
        if let expansionCapacity { changed.expansionCapacity = expansionCapacity }
        if let blocked { changed.blocked = blocked }
        if let note { changed.note = note }
        return changed
    }
}

/// One thing that happens at a time: `{ at: "PT6H", arrivals: { facility, count, category } }`
/// — `at` and exactly one member naming what happens.
public struct ExerciseInject: Sendable, Equatable {
    /// Who a simulated operator acts as when `by` is left out.
    public static let defaultOperator = "exercise"

    /// People arriving, as `POST /v1/arrivals`.
    public struct Arrivals: Sendable, Equatable, Codable {
        public var facility: String
        public var count: Int
        public var category: ArrivalCategory

        public init(facility: String, count: Int, category: ArrivalCategory) {
            self.facility = facility
            self.count = count
            self.category = category
        }
    }

    /// People leaving, as `POST /v1/departures`; with `to` (reason `transferred`) the same
    /// people arrive there as a transfer, which the surge level leaves out.
    public struct Departures: Sendable, Equatable, Codable {
        public var facility: String
        public var count: Int
        public var reason: DepartureReason
        public var to: String?

        public init(facility: String, count: Int, reason: DepartureReason, to: String? = nil) {
            self.facility = facility
            self.count = count
            self.reason = reason
            self.to = to
        }
    }

    /// An absolute head count, as `POST /v1/facilities/{id}/occupancy`.
    public struct HeadCount: Sendable, Equatable, Codable {
        public var facility: String
        public var occupied: Int

        public init(facility: String, occupied: Int) {
            self.facility = facility
            self.occupied = occupied
        }
    }

    /// A silence from this time for `duration`, as `POST /v1/silences` (patterns as there).
    public struct SilenceAlerts: Sendable, Equatable, Codable {
        public var rule: String
        public var subject: String
        public var duration: FixedDuration

        public init(rule: String, subject: String, duration: FixedDuration) {
            self.rule = rule
            self.subject = subject
            self.duration = duration
        }
    }

    /// A simulated operator acknowledging the alert `rule` on `subject`, `delay` after it is
    /// firing (and not before this inject's time): the time to acknowledge the report grades.
    public struct Acknowledge: Sendable, Equatable, Codable {
        public var rule: String
        public var subject: String
        public var delay: FixedDuration
        public var by: String

        public init(rule: String, subject: String, delay: FixedDuration = FixedDuration(milliseconds: 0),
                    by: String = ExerciseInject.defaultOperator) {
            self.rule = rule
            self.subject = subject
            self.delay = delay
            self.by = by
        }

        private enum CodingKeys: String, CodingKey { case rule, subject, delay, by }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rule = try container.decode(String.self, forKey: .rule)
            subject = try container.decode(String.self, forKey: .subject)
            delay = try container.decodeIfPresent(FixedDuration.self, forKey: .delay) ?? FixedDuration(milliseconds: 0)
            by = try container.decodeIfPresent(String.self, forKey: .by) ?? ExerciseInject.defaultOperator
        }
    }

    /// A simulated operator marking a step of a run done, `delay` after it became ready (and
    /// not before this inject's time). The run is the latest active run of `playbook`, or of
    /// the run about `subject` when one is given (a near-full card runs per facility).
    public struct CompleteStep: Sendable, Equatable, Codable {
        public var playbook: String
        public var step: String
        public var subject: String?
        public var delay: FixedDuration
        public var by: String

        public init(playbook: String, step: String, subject: String? = nil, delay: FixedDuration = FixedDuration(milliseconds: 0),
                    by: String = ExerciseInject.defaultOperator) {
            self.playbook = playbook
            self.step = step
            self.subject = subject
            self.delay = delay
            self.by = by
        }

        private enum CodingKeys: String, CodingKey { case playbook, step, subject, delay, by }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            playbook = try container.decode(String.self, forKey: .playbook)
            step = try container.decode(String.self, forKey: .step)
            subject = try container.decodeIfPresent(String.self, forKey: .subject)
            delay = try container.decodeIfPresent(FixedDuration.self, forKey: .delay) ?? FixedDuration(milliseconds: 0)
            by = try container.decodeIfPresent(String.self, forKey: .by) ?? ExerciseInject.defaultOperator
        }
    }

    public enum Action: Sendable, Equatable {
        case arrivals(Arrivals)
        case departures(Departures)
        case headCount(HeadCount)
        /// A facility created or changed (`ExerciseFacility`, without `occupied`).
        case facility(ExerciseFacility)
        case silence(SilenceAlerts)
        case acknowledge(Acknowledge)
        case completeStep(CompleteStep)
        /// The simulated clock runs this long with nothing injected (no inject may fall in it).
        case pause(FixedDuration)
    }

    public var at: ExerciseTime
    public var action: Action

    public init(at: ExerciseTime, _ action: Action) {
        self.at = at
        self.action = action
    }

    /// When a simulated operator acts on an inject armed at `armedAt` (its time) for
    /// something that began at `since` (the alert firing, the step becoming ready): `delay`
    /// after the later of the two. nil for injects that are not a response.
    public func responseTime(armedAt: Timestamp, since: Timestamp) -> Timestamp? {
        let delay: FixedDuration
        switch action {
        case .acknowledge(let acknowledge): delay = acknowledge.delay
        case .completeStep(let complete): delay = complete.delay
        default: return nil
        }
        return max(armedAt, since).adding(milliseconds: delay.milliseconds)
    }

    /// How long after its time the scenario must run for this inject: a pause's length, a
    /// response's delay (at least); zero otherwise. A silence's end is not waited for.
    public var lasts: FixedDuration {
        switch action {
        case .pause(let duration): duration
        case .acknowledge(let acknowledge): acknowledge.delay
        case .completeStep(let complete): complete.delay
        default: FixedDuration(milliseconds: 0)
        }
    }
}

extension ExerciseInject: Codable {
    private enum TimeKey: String, CodingKey { case at }
    private enum ActionKeys: String, CodingKey, CaseIterable {
        case arrivals, departures, headCount, facility, silence, acknowledge, completeStep, pause
    }

    public init(from decoder: any Decoder) throws {
        at = try decoder.container(keyedBy: TimeKey.self).decode(ExerciseTime.self, forKey: .at)
        let container = try decoder.container(keyedBy: ActionKeys.self)
        switch try PlaybookChoice.single(in: container, at: decoder) {
        case .arrivals: action = .arrivals(try container.decode(Arrivals.self, forKey: .arrivals))
        case .departures: action = .departures(try container.decode(Departures.self, forKey: .departures))
        case .headCount: action = .headCount(try container.decode(HeadCount.self, forKey: .headCount))
        case .facility: action = .facility(try container.decode(ExerciseFacility.self, forKey: .facility))
        case .silence: action = .silence(try container.decode(SilenceAlerts.self, forKey: .silence))
        case .acknowledge: action = .acknowledge(try container.decode(Acknowledge.self, forKey: .acknowledge))
        case .completeStep: action = .completeStep(try container.decode(CompleteStep.self, forKey: .completeStep))
        case .pause: action = .pause(try container.decode(FixedDuration.self, forKey: .pause))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var time = encoder.container(keyedBy: TimeKey.self)
        try time.encode(at, forKey: .at)
        var container = encoder.container(keyedBy: ActionKeys.self)
        switch action {
        case .arrivals(let value): try container.encode(value, forKey: .arrivals)
        case .departures(let value): try container.encode(value, forKey: .departures)
        case .headCount(let value): try container.encode(value, forKey: .headCount)
        case .facility(let value): try container.encode(value, forKey: .facility)
        case .silence(let value): try container.encode(value, forKey: .silence)
        case .acknowledge(let value): try container.encode(value, forKey: .acknowledge)
        case .completeStep(let value): try container.encode(value, forKey: .completeStep)
        case .pause(let value): try container.encode(value, forKey: .pause)
        }
    }
}

/// Alerts an expectation is about: a rule (or `*`), a subject pattern as in silences
/// (`facility/*`, `city`; default `*`) and a minimum severity (default any).
public struct ExerciseAlertMatch: Sendable, Equatable, Codable {
    public var rule: String
    public var subject: String
    public var severity: AlertSeverity?

    public init(rule: String, subject: String = AlertKeyPattern.any, severity: AlertSeverity? = nil) {
        self.rule = rule
        self.subject = subject
        self.severity = severity
    }

    private enum CodingKeys: String, CodingKey { case rule, subject, severity }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        subject = try container.decodeIfPresent(String.self, forKey: .subject) ?? AlertKeyPattern.any
        severity = try container.decodeIfPresent(AlertSeverity.self, forKey: .severity)
    }

    public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool {
        AlertKeyPattern.matches(rule: rule, subject: subject, key) && self.severity.map { severity >= $0 } ?? true
    }
}

/// What the response should achieve, graded in the report: `{ surge_level: "high", within:
/// "PT6H" }`, `{ run_started: "cap-breach", within: "P2D" }`, `{ alert_fired: { rule,
/// subject, severity? }, within }`, `{ no_alert: { rule, subject, severity? } }`. `within` is
/// counted from the first inject; `no_alert` holds for the whole exercise and takes none.
public struct ExerciseExpectation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The assessed surge level reaches at least this level.
        case surgeLevel(SurgeLevel)
        /// A run of this playbook starts (by its trigger).
        case runStarted(String)
        case alertFired(ExerciseAlertMatch)
        case noAlert(ExerciseAlertMatch)
    }

    public var kind: Kind
    /// Required except for `no_alert`, where it must be left out (checked by validation).
    public var within: FixedDuration?

    public init(_ kind: Kind, within: FixedDuration? = nil) {
        self.kind = kind
        self.within = within
    }

    /// By when it must be met in a run whose first inject is at `firstInject`; nil for
    /// `no_alert`, which is met only if nothing matches until the end.
    public func deadline(firstInject: Timestamp) -> Timestamp? {
        guard case .noAlert = kind else { return within.map { firstInject.adding(milliseconds: $0.milliseconds) } }
        return nil
    }
}

extension ExerciseExpectation: Codable {
    private enum WithinKey: String, CodingKey { case within }
    private enum KindKeys: String, CodingKey, CaseIterable { case surgeLevel, runStarted, alertFired, noAlert }

    public init(from decoder: any Decoder) throws {
        within = try decoder.container(keyedBy: WithinKey.self).decodeIfPresent(FixedDuration.self, forKey: .within)
        let container = try decoder.container(keyedBy: KindKeys.self)
        switch try PlaybookChoice.single(in: container, at: decoder) {
        case .surgeLevel: kind = .surgeLevel(try container.decode(SurgeLevel.self, forKey: .surgeLevel))
        case .runStarted: kind = .runStarted(try container.decode(String.self, forKey: .runStarted))
        case .alertFired: kind = .alertFired(try container.decode(ExerciseAlertMatch.self, forKey: .alertFired))
        case .noAlert: kind = .noAlert(try container.decode(ExerciseAlertMatch.self, forKey: .noAlert))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var time = encoder.container(keyedBy: WithinKey.self)
        try time.encodeIfPresent(within, forKey: .within)
        var container = encoder.container(keyedBy: KindKeys.self)
        switch kind {
        case .surgeLevel(let level): try container.encode(level, forKey: .surgeLevel)
        case .runStarted(let playbook): try container.encode(playbook, forKey: .runStarted)
        case .alertFired(let match): try container.encode(match, forKey: .alertFired)
        case .noAlert(let match): try container.encode(match, forKey: .noAlert)
        }
    }
}
