import BeredskapAPI
import BeredskapCore

/// What `beredskap top` shows: the capacity by kind, the surge level, the firing alerts, the
/// active playbook steps and the latest events — kept current by the event stream.
///
/// Why a value with `apply(_:)`: the screen must follow the daemon without asking it again for
/// everything on every event (a surge of 1000 arrivals is 1000 events). Most events carry what
/// changed (an arrival the facility's occupancy afterwards, an alert its state, a step its
/// owner and due time), so they are applied here directly; the few that do not say enough
/// (a run that just started, an event about something never loaded) return what must be
/// fetched again. Being a value without I/O, it is tested event by event.
struct Dashboard: Equatable {
    /// The facilities by id, with the figures the capacity picture is counted from.
    var facilities: [String: Facility] = [:]
    /// Places per facility (`GET /v1/capacity`).
    var cap: Int?
    var surge: Surge?
    /// Firing alerts by id.
    var alerts: [Int64: FiringAlert] = [:]
    /// Active runs by id.
    var runs: [Int64: ActiveRun] = [:]
    /// The latest events, newest last (at most `recentLimit`).
    var recent: [RecentEvent] = []
    /// The time of the state shown: the latest event or answer.
    var at: Timestamp?
    /// Set while the stream is lost and being resumed.
    var reconnecting = false

    static let recentLimit = 50

    struct Surge: Equatable {
        var level: SurgeLevel
        var since: Timestamp?
        var reason: String?
        var arrivals24h: Int
    }

    struct FiringAlert: Equatable {
        var id: Int64
        var rule: String
        var subject: String
        var severity: AlertSeverity
        var since: Timestamp
        var acknowledged: Bool
        var silenced: Bool
    }

    struct ActiveRun: Equatable {
        var id: Int64
        var playbook: String
        var title: PlaybookText
        /// In the card's order.
        var steps: [Step]
    }

    struct Step: Equatable {
        var id: String
        var title: PlaybookText
        var owner: String
        var state: PlaybookStepState
        var dueAt: Timestamp?
        var overdue: Bool

        /// Steps someone or the daemon is on: ready, running, or failed and waiting for a person.
        var isActive: Bool { state == .ready || state == .running || state == .failed }
    }

    struct RecentEvent: Equatable {
        var seq: Int64
        var time: Timestamp
        var type: String
        var subject: String?
        /// The figure or step it is about, in any language: `+5` people, `=212` counted, a step's id.
        var detail: String?
        var exercise: Bool
    }

    /// The parts of the state to fetch again, because an event did not carry enough.
    struct Refetch: Equatable {
        var facilities = false
        var surge = false
        var alerts = false
        var runs: Set<Int64> = []

        static let everything = Refetch(facilities: true, surge: true, alerts: true)

        var isEmpty: Bool { self == Refetch() }

        mutating func formUnion(_ other: Refetch) {
            facilities = facilities || other.facilities
            surge = surge || other.surge
            alerts = alerts || other.alerts
            runs.formUnion(other.runs)
        }
    }
}

// MARK: - Loading answers

extension Dashboard {
    mutating func load(facilities list: [FacilityResource]) {
        facilities = Dictionary(list.map { ($0.id, Facility($0)) }, uniquingKeysWith: { _, last in last })
    }

    mutating func load(capacity: CapacityResponse) {
        cap = capacity.cap
        note(capacity.at)
    }

    mutating func load(surge response: SurgeResponse) {
        surge = Surge(level: response.level, since: response.since, reason: response.reason, arrivals24h: response.arrivals24h)
        note(response.at)
    }

    mutating func load(alerts list: [AlertResource]) {
        alerts = Dictionary(
            list.filter { $0.state == .firing }.map { ($0.id, FiringAlert($0)) }, uniquingKeysWith: { _, last in last })
    }

    /// Every active run, replacing those shown.
    mutating func load(runs list: [RunResource]) {
        runs = [:]
        for run in list { load(run: run) }
    }

    /// One run as it is now; an ended one leaves the screen.
    mutating func load(run: RunResource) {
        guard run.state == .active else {
            runs[run.id] = nil
            return
        }
        runs[run.id] = ActiveRun(run)
    }

    private mutating func note(_ time: Timestamp) {
        if at.map({ time > $0 }) ?? true { at = time }
    }
}

// MARK: - Applying events

extension Dashboard {
    /// Applies one event from the stream; what it could not apply is returned to be fetched.
    @discardableResult
    mutating func apply(_ event: Event) -> Refetch {
        recent.append(RecentEvent(
            seq: event.seq, time: event.time, type: event.type, subject: event.subject, detail: Self.detail(of: event),
            exercise: event.exercise))
        if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
        note(event.time)
        guard let topic = event.kind?.topic else { return Refetch() }
        switch topic {
        case .facility, .arrival, .departure, .occupancy: return applyCapacity(event)
        case .surge: return applySurge(event)
        case .alert: return applyAlert(event)
        case .run: return applyRun(event)
        default: return Refetch()
        }
    }

    private mutating func applyCapacity(_ event: Event) -> Refetch {
        // Arrivals move the surge figures (the 24 h count) even when the level stays.
        let surge = event.kind?.topic == .arrival
        if let defined = event.payload(CapacityEvents.facilityCreated) ?? event.payload(CapacityEvents.facilityUpdated),
            let id = Self.id(event.subject, prefix: "facility/")
        {
            if var facility = facilities[id] {
                facility.definition = FacilityDefinition(defined, note: facility.note)
                facility.updatedAt = event.time
                facilities[id] = facility
            } else {
                facilities[id] = Facility(
                    id: id, definition: FacilityDefinition(defined, note: nil), createdAt: event.time, updatedAt: event.time)
            }
            return Refetch()
        }
        guard let (id, occupied) = Self.occupancy(after: event) else { return Refetch() }
        guard facilities[id] != nil else { return Refetch(facilities: true, surge: surge) }
        facilities[id]?.occupied = occupied
        facilities[id]?.lastChangeAt = event.time
        return Refetch(surge: surge)
    }

    /// What the event's line shows after its subject: people who came or left, a head count, a step.
    private static func detail(of event: Event) -> String? {
        if let arrival = event.payload(CapacityEvents.arrivalRecorded) { return "+\(arrival.count)" }
        if let departure = event.payload(CapacityEvents.departureRecorded) { return "−\(departure.count)" }
        if let count = event.payload(CapacityEvents.headCountReported) { return "=\(count.counted)" }
        return event.kind?.topic == .run ? event.data["step"]?.stringValue : nil
    }

    /// The facility and its occupancy afterwards, from any record or correction.
    private static func occupancy(after event: Event) -> (String, Int)? {
        if let arrival = event.payload(CapacityEvents.arrivalRecorded) { return (arrival.facility, arrival.occupied) }
        if let departure = event.payload(CapacityEvents.departureRecorded) { return (departure.facility, departure.occupied) }
        if let count = event.payload(CapacityEvents.headCountReported) { return (count.facility, count.occupied) }
        for correction in [
            CapacityEvents.arrivalVoided, CapacityEvents.departureVoided, CapacityEvents.headCountVoided,
            CapacityEvents.arrivalAmended, CapacityEvents.departureAmended, CapacityEvents.headCountAmended,
        ] {
            if let corrected = event.payload(correction) { return (corrected.facility, corrected.occupied) }
        }
        return nil
    }

    private mutating func applySurge(_ event: Event) -> Refetch {
        guard let changed = event.payload(SurgeEvents.levelChanged) else { return Refetch() }
        surge = Surge(
            level: changed.to, since: changed.to == .normal ? nil : event.time, reason: changed.reason,
            arrivals24h: changed.arrivals24h)
        return Refetch()
    }

    private mutating func applyAlert(_ event: Event) -> Refetch {
        guard let id = Self.id(event.subject, prefix: "alert/").flatMap(Int64.init) else { return Refetch() }
        if let acknowledged = event.payload(AlertEvents.acknowledged) {
            guard alerts[id] != nil else { return Refetch() }
            alerts[id]?.acknowledged = acknowledged.expiresAt.map { $0 > event.time } ?? true
            return Refetch()
        }
        guard let snapshot = Self.snapshot(of: event) else { return Refetch() }
        guard snapshot.state == .firing else {
            alerts[id] = nil
            return Refetch()
        }
        let known = alerts[id]
        alerts[id] = FiringAlert(
            id: id, rule: snapshot.rule, subject: snapshot.subject, severity: snapshot.severity,
            since: known?.since ?? event.time, acknowledged: known?.acknowledged ?? false, silenced: snapshot.silenced)
        // Firing from before the dashboard started: its start (and acknowledgement) is the daemon's.
        return known == nil && !event.is(AlertEvents.firing) ? Refetch(alerts: true) : Refetch()
    }

    private static func snapshot(of event: Event) -> AlertEvents.Snapshot? {
        for type in [
            AlertEvents.opened, AlertEvents.firing, AlertEvents.severityChanged, AlertEvents.resolved, AlertEvents.closed,
            AlertEvents.flapping, AlertEvents.flapSettled, AlertEvents.silenced, AlertEvents.unsilenced,
        ] {
            if let snapshot = event.payload(type) { return snapshot }
        }
        return nil
    }

    private mutating func applyRun(_ event: Event) -> Refetch {
        guard let id = Self.id(event.subject, prefix: "run/").flatMap(Int64.init) else { return Refetch() }
        let fetch = Refetch(runs: [id])
        if event.is(PlaybookEvents.runStarted) { return fetch }
        if event.is(PlaybookEvents.runFinished) || event.is(PlaybookEvents.runAborted) || event.is(PlaybookEvents.runSuperseded) {
            runs[id] = nil
            return Refetch()
        }
        guard let change = StepChange(event) else { return Refetch() }
        // A step of a run never loaded, or one the loaded run does not have: the run as it is now.
        guard let index = runs[id]?.steps.firstIndex(where: { $0.id == change.step }) else { return fetch }
        runs[id]?.steps[index].apply(change)
        return Refetch()
    }

    /// `refstad` from `facility/refstad`.
    private static func id(_ subject: String?, prefix: String) -> String? {
        guard let subject, subject.hasPrefix(prefix) else { return nil }
        return String(subject.dropFirst(prefix.count))
    }
}

/// What a step event says about its step.
private struct StepChange {
    var step: String
    var state: PlaybookStepState?
    var owner: String?
    var dueAt: Timestamp??
    var overdue: Bool?

    init?(_ event: Event) {
        if let due = event.payload(PlaybookEvents.stepReady) {
            self.init(step: due.step, state: .ready, owner: due.owner, dueAt: .some(due.dueAt), overdue: false)
        } else if let due = event.payload(PlaybookEvents.stepOverdue) {
            self.init(step: due.step, owner: due.owner, dueAt: .some(due.dueAt), overdue: true)
        } else if let running = event.payload(PlaybookEvents.stepRunning) {
            self.init(step: running.step, state: .running)
        } else if let done = event.payload(PlaybookEvents.stepCompleted) {
            self.init(step: done.step, state: .done)
        } else if let skipped = event.payload(PlaybookEvents.stepSkipped) {
            self.init(step: skipped.step, state: .skipped)
        } else if let failed = event.payload(PlaybookEvents.stepFailed) {
            self.init(step: failed.step, state: .failed)
        } else if let escalated = event.payload(PlaybookEvents.stepEscalated) {
            self.init(step: escalated.step, overdue: true)
        } else {
            return nil
        }
    }

    private init(
        step: String, state: PlaybookStepState? = nil, owner: String? = nil, dueAt: Timestamp?? = nil, overdue: Bool? = nil
    ) {
        self.step = step
        self.state = state
        self.owner = owner
        self.dueAt = dueAt
        self.overdue = overdue
    }
}

extension Dashboard.Step {
    fileprivate mutating func apply(_ change: StepChange) {
        if let state = change.state { self.state = state }
        if let owner = change.owner { self.owner = owner }
        if let dueAt = change.dueAt { self.dueAt = dueAt }
        if let overdue = change.overdue { self.overdue = overdue }
    }
}

// MARK: - From the API's resources

extension Facility {
    init(_ resource: FacilityResource) {
        self.init(
            id: resource.id, name: resource.name, kind: resource.kind, status: resource.status, operatorName: resource.operator,
            district: resource.district, authority: resource.authority, capacity: resource.capacity,
            expansionCapacity: resource.expansionCapacity, blocked: resource.blocked, note: nil, occupied: resource.occupied,
            lastReportAt: resource.lastReportAt, lastChangeAt: resource.lastChangeAt, createdAt: resource.createdAt,
            updatedAt: resource.updatedAt)
    }
}

extension FacilityDefinition {
    /// A definition as its event carries it (the note is the row's, never in an event).
    init(_ defined: CapacityEvents.FacilityDefined, note: String?) {
        self.init(
            name: defined.name, kind: defined.kind, status: defined.status, operatorName: defined.operator,
            district: defined.district, authority: defined.authority, capacity: defined.capacity,
            expansionCapacity: defined.expansionCapacity, blocked: defined.blocked, note: note)
    }
}

extension Dashboard.FiringAlert {
    init(_ alert: AlertResource) {
        self.init(
            id: alert.id, rule: alert.rule, subject: alert.subject, severity: alert.severity,
            since: alert.firedAt ?? alert.startedAt, acknowledged: alert.acknowledged, silenced: alert.silenced)
    }
}

extension Dashboard.ActiveRun {
    init(_ run: RunResource) {
        self.init(
            id: run.id, playbook: run.playbook, title: run.title,
            steps: run.steps.map { step in
                Dashboard.Step(
                    id: step.id, title: step.title, owner: step.owner, state: step.state, dueAt: step.dueAt,
                    overdue: step.overdue)
            })
    }
}
