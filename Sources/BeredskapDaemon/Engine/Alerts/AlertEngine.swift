import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Synchronization

/// Evaluates the alert rules when their inputs change and when their clocks come due, and
/// writes every transition — with the outbox rows it causes — through the writer.
///
/// Why event-driven: after a commit, only the rules whose inputs changed are evaluated, for
/// the subjects the events touched (an arrival at Refstad re-evaluates Refstad, its kind and
/// the city — not 300 facilities). Time-based transitions (`for`, `keep_firing_for`, repeats,
/// escalations, staleness, flapping settling) are scheduled at their exact instants on the
/// shared `Scheduler`; nothing polls. Why through the writer: an alert transition and the
/// notification rows it causes commit in one transaction, so a crash can delay a
/// notification but never lose it, and a restart resumes every clock from the stored state.
public final class AlertEngine: Sendable {
    struct Settings: Sendable {
        var rules: [String: any AlertRule]
        var alerts: DaemonConfiguration.Alerts
        var notifications: DaemonConfiguration.Notifications
        var cap: Int
    }

    private struct State {
        var settings: Settings
        var pendingKeys: Set<AlertKey> = []
        var evaluationQueued = false
    }

    private let state: Mutex<State>
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let writerBox = Mutex<Writer?>(nil)

    public init(configuration: DaemonConfiguration, clock: any WallClock, scheduler: Scheduler) {
        self.clock = clock
        self.scheduler = scheduler
        state = Mutex(State(settings: Self.settings(configuration)))
    }

    static func settings(_ configuration: DaemonConfiguration) -> Settings {
        let rules = AlertRules.all(configuration.alerts, staleAfter: configuration.capacity.staleAfter)
        return Settings(
            rules: Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) }), alerts: configuration.alerts,
            notifications: configuration.notifications, cap: configuration.capacity.cap)
    }

    /// Starts evaluating: schedules the clocks of every open alert and re-evaluates every
    /// subject once, since anything may have changed while the daemon was not running.
    public func start(connection: SQLiteConnection) throws {
        for alert in try connection.openAlerts() { schedule(alert) }
        let keys = try Self.allKeys(connection: connection, rules: state.withLock { Array($0.settings.rules.keys) })
        queue(keys)
    }

    /// The writer, before anything can commit (see `RunningDaemon`): an evaluation queued by
    /// an event observed before `start` must find it, or its queued flag would stay set.
    public func attach(writer: Writer) {
        writerBox.withLock { $0 = writer }
    }

    /// New settings on reload; open alerts keep the policy they started with.
    public func reconfigure(_ configuration: DaemonConfiguration, connection: SQLiteConnection) throws {
        state.withLock { $0.settings = Self.settings(configuration) }
        queue(try Self.allKeys(connection: connection, rules: state.withLock { Array($0.settings.rules.keys) }))
    }

    /// Called on the writer thread after each commit: which rules and subjects to look at.
    public func observe(_ events: [Event]) {
        if events.contains(where: { $0.type.hasPrefix("silence.") }) { reviewSilences() }
        let rules = state.withLock { Array($0.settings.rules.values) }
        var keys: Set<AlertKey> = []
        for event in events where !event.type.hasPrefix("alert.") {
            for rule in rules {
                for subject in rule.subjects(touchedBy: event) { keys.insert(AlertKey(rule: rule.id, subject: subject)) }
            }
        }
        if !keys.isEmpty { queue(keys) }
    }

    // MARK: - Commands

    private func queue(_ keys: Set<AlertKey>) {
        let submit = state.withLock { state -> Bool in
            state.pendingKeys.formUnion(keys)
            guard !state.evaluationQueued, !state.pendingKeys.isEmpty else { return false }
            state.evaluationQueued = true
            return true
        }
        if submit { submitEvaluation() }
    }

    /// Keys evaluated in one transaction at most.
    ///
    /// Why a bound: one command evaluates every key queued by the time it runs, so a burst of
    /// arrivals costs one evaluation per batch rather than one per arrival; but 10,000 alerts
    /// at once (a mass head-count import) would make one transaction of seconds that every
    /// API write waits behind. In chunks, writes interleave with the drain.
    static let evaluationChunk = 200

    private func submitEvaluation() {
        guard let writer = writerBox.withLock({ $0 }) else { return }
        let plan = Mutex<[Scheduled]>([])
        let taken = Mutex<Set<AlertKey>>([])
        writer.submit(WriteCommand(actor: .system) { [self] transaction in
            let (keys, settings) = state.withLock { state -> (Set<AlertKey>, Settings) in
                let keys = Set(state.pendingKeys.prefix(Self.evaluationChunk))
                state.pendingKeys.subtract(keys)
                return (keys, state.settings)
            }
            taken.withLock { $0 = keys }
            var run = EvaluationRun(settings: settings, transaction: transaction)
            let scheduled = try run.evaluate(keys, in: &transaction)
            plan.withLock { $0 = scheduled }
            return CommandReply(status: 204, body: [])
        }) { [self] outcome in
            guard case .committed = outcome else {
                // Nothing of it was written: those keys are evaluated again, after a pause
                // (the store may be full or failing; do not spin).
                let keys = taken.withLock { $0 }
                state.withLock { state in
                    state.pendingKeys.formUnion(keys)
                    state.evaluationQueued = false
                }
                if case .closed = outcome { return }
                scheduler.schedule("alerts/retry", at: clock.now().adding(milliseconds: 5000)) { [weak self] in self?.queue([]) }
                return
            }
            for item in plan.withLock({ $0 }) { schedule(item) }
            let more = state.withLock { state -> Bool in
                if state.pendingKeys.isEmpty { state.evaluationQueued = false }
                return state.evaluationQueued
            }
            if more { submitEvaluation() }
        }
    }

    /// Applies the alert's time-based transitions that are due and reschedules its clocks
    /// (also after an acknowledgement, which moves them).
    func advance(alert id: Int64) {
        submit { run, transaction in try run.advance(alert: id, in: &transaction) }
    }

    /// Runs `body` as a system command and schedules what it planned once it has committed.
    private func submit(_ body: @escaping @Sendable (inout EvaluationRun, inout WriteTransaction) throws -> [Scheduled]) {
        guard let writer = writerBox.withLock({ $0 }) else { return }
        let plan = Mutex<[Scheduled]>([])
        writer.submit(WriteCommand(actor: .system) { [self] transaction in
            var run = EvaluationRun(settings: state.withLock { $0.settings }, transaction: transaction)
            let scheduled = try body(&run, &transaction)
            plan.withLock { $0 = scheduled }
            return CommandReply(status: 204, body: [])
        }) { [self] outcome in
            if case .committed = outcome { for item in plan.withLock({ $0 }) { schedule(item) } }
        }
    }

    /// Brings the silenced flags up to date and tells the groups about alerts whose silence
    /// ended while they still fire.
    func reviewSilences() {
        submit { run, transaction in try run.reviewSilences(in: &transaction) }
    }

    // MARK: - Scheduling

    enum Scheduled {
        case alert(id: Int64, at: Timestamp)
        case recheck(AlertKey, at: Timestamp)
        /// A silence starts or ends.
        case silences(at: Timestamp)
    }

    private func schedule(_ alert: StoredAlert) {
        if let due = EvaluationRun.deadline(of: alert) { schedule(.alert(id: alert.id, at: due)) }
    }

    private func schedule(_ item: Scheduled) {
        switch item {
        case .alert(let id, let at):
            scheduler.schedule("alert/\(id)", at: at) { [weak self] in self?.advance(alert: id) }
        case .recheck(let key, let at):
            scheduler.schedule("recheck/\(key.rule)/\(key.subject)", at: at) { [weak self] in self?.queue([key]) }
        case .silences(let at):
            scheduler.schedule("silences", at: at) { [weak self] in self?.reviewSilences() }
        }
    }

    /// Every subject each rule covers today: facilities, kinds, the city, dead notifications.
    static func allKeys(connection: SQLiteConnection, rules: [String]) throws -> Set<AlertKey> {
        let subjects = try connection.facilities().map(\.subject) + FacilityKind.allCases.map { "kind/\($0.rawValue)" }
            + ["city"] + connection.notifications(state: .dead, limit: 1000).map { "notification/\($0.id)" }
        var keys = Set(try connection.openAlerts().map(\.key))
        for rule in rules {
            for subject in subjects where AlertRules.covers(rule, subject) { keys.insert(AlertKey(rule: rule, subject: subject)) }
        }
        return keys
    }
}
