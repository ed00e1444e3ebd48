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
public final class AlertEngine: Sendable, Engine {
    struct Settings: Sendable {
        var rules: [String: any AlertRule]
        var alerts: DaemonConfiguration.Alerts
        var notifications: DaemonConfiguration.Notifications
        var cap: Int
        /// The daemon's time zone: the settlement rule's days.
        var calendar: LocalCalendar
    }

    private struct State {
        var settings: Settings
        var pendingKeys: Set<AlertKey> = []
    }

    private let state: Mutex<State>
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let commands = EngineWriter()
    private let evaluation: CoalescedCommand<EngineWriter>

    public init(configuration: DaemonConfiguration, calendar: LocalCalendar, scheduler: Scheduler, readPool: ReadPool) {
        self.scheduler = scheduler
        self.readPool = readPool
        evaluation = CoalescedCommand(submitter: commands, scheduler: scheduler)
        state = Mutex(State(settings: Self.settings(configuration, calendar: calendar)))
    }

    static func settings(_ configuration: DaemonConfiguration, calendar: LocalCalendar) -> Settings {
        let rules = AlertRules.all(configuration.alerts, staleAfter: configuration.capacity.staleAfter)
        return Settings(
            rules: Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) }), alerts: configuration.alerts,
            notifications: configuration.notifications, cap: configuration.capacity.cap, calendar: calendar)
    }

    /// Starts evaluating: schedules the clocks of every open alert and re-evaluates every
    /// subject once, since anything may have changed while the daemon was not running.
    public func start() {
        do {
            let rules = state.withLock { Array($0.settings.rules.keys) }
            let (open, keys) = try readPool.read { connection in
                (try connection.openAlerts(), try Self.allKeys(connection: connection, rules: rules))
            }
            for alert in open { schedule(alert) }
            queue(keys)
        } catch {
            DaemonLog.error("could not schedule the open alerts: \(error)")
        }
    }

    public func attach(writer: Writer) {
        commands.attach(writer)
    }

    /// New settings on reload (of the rules, the notifications or the capacity they read);
    /// open alerts keep the policy they started with.
    func reconfigure(_ change: Reconfiguration) {
        guard change.changed(\.alerts) || change.changed(\.notifications) || change.changed(\.capacity)
            || change.changed(\.timeZone)
        else { return }
        let settings = Self.settings(change.new, calendar: change.calendar)
        state.withLock { $0.settings = settings }
        do {
            queue(try readPool.read { try Self.allKeys(connection: $0, rules: Array(settings.rules.keys)) })
        } catch {
            DaemonLog.error("could not apply the alert settings after a reload: \(error)")
        }
    }

    /// Called on the writer thread after each commit: which rules and subjects to look at.
    public func observe(_ events: [Event]) {
        if events.contains(where: { $0.kind?.topic == .silence }) { reviewSilences() }
        let rules = state.withLock { Array($0.settings.rules.values) }
        var keys: Set<AlertKey> = []
        // The alerts' own events are what evaluating wrote: no rule reads them.
        for event in events where event.kind?.topic != .alert {
            for rule in rules {
                for subject in rule.subjects(touchedBy: event) { keys.insert(AlertKey(rule: rule.id, subject: subject)) }
            }
        }
        if !keys.isEmpty { queue(keys) }
    }

    // MARK: - Commands

    private func queue(_ keys: Set<AlertKey>) {
        let pending = state.withLock { state -> Bool in
            state.pendingKeys.formUnion(keys)
            return !state.pendingKeys.isEmpty
        }
        if pending { evaluation.request { evaluationCommand() } }
    }

    /// Keys evaluated in one transaction at most.
    ///
    /// Why a bound: one command evaluates every key queued by the time it runs, so a burst of
    /// arrivals costs one evaluation per batch rather than one per arrival; but 10,000 alerts
    /// at once (a mass head-count import) would make one transaction of seconds that every
    /// API write waits behind. In chunks, writes interleave with the drain.
    static let evaluationChunk = 200

    /// Evaluates a chunk of the pending keys; once it has committed, schedules what it
    /// planned and asks for the next chunk. If it is not committed, its keys are pending again
    /// (and `CoalescedCommand` tries again after a pause).
    private func evaluationCommand() -> EngineCommand<WriteTransaction> {
        let plan = Mutex<[Scheduled]>([])
        let taken = Mutex<Set<AlertKey>>([])
        return EngineCommand(
            name: "alerts/evaluation",
            body: { [self] transaction in
                let (keys, settings) = state.withLock { state -> (Set<AlertKey>, Settings) in
                    let keys = Set(state.pendingKeys.prefix(Self.evaluationChunk))
                    state.pendingKeys.subtract(keys)
                    return (keys, state.settings)
                }
                taken.withLock { $0 = keys }
                var run = EvaluationRun(settings: settings, transaction: transaction)
                let scheduled = try run.evaluate(keys, in: &transaction)
                plan.withLock { $0 = scheduled }
            },
            committed: { [self] in
                for item in plan.withLock({ $0 }) { schedule(item) }
                queue([])
            },
            notCommitted: { [self] in
                let keys = taken.withLock { taken in
                    defer { taken = [] }
                    return taken
                }
                state.withLock { $0.pendingKeys.formUnion(keys) }
            })
    }

    /// Applies the alert's time-based transitions that are due and reschedules its clocks
    /// (also after an acknowledgement, which moves them).
    func advance(alert id: Int64) {
        submit("alert/\(id)") { run, transaction in try run.advance(alert: id, in: &transaction) }
    }

    /// Runs `body` as a system command and schedules what it planned once it has committed.
    private func submit(
        _ name: String, _ body: @escaping @Sendable (inout EvaluationRun, inout WriteTransaction) throws -> [Scheduled]
    ) {
        let plan = Mutex<[Scheduled]>([])
        let command = EngineCommand<WriteTransaction>(
            name: "alerts/\(name)",
            body: { [self] transaction in
                var run = EvaluationRun(settings: state.withLock { $0.settings }, transaction: transaction)
                let scheduled = try body(&run, &transaction)
                plan.withLock { $0 = scheduled }
            },
            committed: { [self] in for item in plan.withLock({ $0 }) { schedule(item) } })
        commands.submit(command, on: scheduler, again: nil)
    }

    /// Brings the silenced flags up to date and tells the groups about alerts whose silence
    /// ended while they still fire.
    func reviewSilences() {
        submit("silences") { run, transaction in try run.reviewSilences(in: &transaction) }
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

    /// Every subject each rule covers today: facilities, kinds, the city, dead notifications,
    /// districts, and the deadline and grant-application counts committed.
    static func allKeys(connection: SQLiteConnection, rules: [String]) throws -> Set<AlertKey> {
        let subjects = try connection.facilities().map(\.subject) + FacilityKind.allCases.map { "kind/\($0.rawValue)" }
            + ["city"] + connection.notifications(state: .dead, limit: 1000).map { "notification/\($0.id)" }
            + connection.districts().map { "district/\($0.id)" } + connection.deadlineOverdueCounts().keys.map(\.subject)
            + connection.grantApplicationsDue().keys.map(GrantSubject.subject(district:))
        var keys = Set(try connection.openAlerts().map(\.key))
        for rule in rules {
            for subject in subjects where AlertRules.covers(rule, subject) { keys.insert(AlertKey(rule: rule, subject: subject)) }
        }
        return keys
    }
}
