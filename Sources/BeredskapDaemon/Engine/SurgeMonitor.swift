import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Synchronization

/// Watches arrivals and keeps the surge level: an in-memory window of recent arrivals,
/// updated from committed events (records, and voids and amendments taking them back), and the level machine run after each commit and whenever
/// the scheduler says the window's figures change by themselves.
///
/// Why in memory and event-driven: evaluating after an arrival must cost the same with 3 or
/// 300 facilities and with a week or ten years of history, so the window is a fixed ring of
/// hours (`SurgeWindow`) rebuilt from the store at start. Why level changes go through the
/// writer: a level change is an event like any other, durable before anyone is told. The
/// command decides again inside the transaction from the latest figures, so two queued
/// decisions can never write contradicting levels.
public final class SurgeMonitor: Sendable, Engine {
    public struct Snapshot: Sendable {
        public var state: SurgeState
        public var figures: SurgeFigures
        public var netInflowPerDay: [FacilityKind: Double]
        public var configuration: DaemonConfiguration.Surge
    }

    private struct State {
        var configuration: DaemonConfiguration.Surge
        /// The language of the incident-log entries (`notifications.language`).
        var language: Language
        var window: SurgeWindow
        /// The level as last committed.
        var persisted: SurgeState
        /// The start of the earliest hour after now holding an arrival dated ahead (within the
        /// future tolerance): the figures change when it begins, though no window moves, so
        /// `SurgeWindow.nextChange` does not name it.
        var arrivalHourAhead: Timestamp?
    }

    private let state: Mutex<State>
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let commands = EngineWriter()
    private let levelChange: CoalescedCommand<EngineWriter>
    static let scheduleKey = "surge"

    /// Loads the window and the persisted level from the store (on the write connection,
    /// before the writer owns it).
    public init(
        configuration: DaemonConfiguration.Surge, language: Language, connection: SQLiteConnection, clock: any WallClock,
        scheduler: Scheduler, readPool: ReadPool
    ) throws {
        self.clock = clock
        self.scheduler = scheduler
        self.readPool = readPool
        levelChange = CoalescedCommand(submitter: commands, scheduler: scheduler)
        let (window, ahead) = try Self.loadWindow(configuration, connection: connection, now: clock.now())
        state = Mutex(State(
            configuration: configuration, language: language, window: window, persisted: try connection.surgeState(),
            arrivalHourAhead: ahead))
    }

    /// Starts deciding: from now on level changes are written through the writer. Decides
    /// once at once, since the level may have changed while the daemon was not running.
    public func start() {
        evaluate()
    }

    public func attach(writer: Writer) {
        commands.attach(writer)
    }

    /// New settings (on reload): the language of the log entries, and a window rebuilt when
    /// its settings changed, then a decision.
    func reconfigure(_ change: Reconfiguration) {
        state.withLock { $0.language = change.new.notifications.language }
        guard change.changed(\.surge) else { return }
        let configuration = change.new.surge
        do {
            let (window, ahead) = try readPool.read { try Self.loadWindow(configuration, connection: $0, now: clock.now()) }
            state.withLock { state in
                state.configuration = configuration
                state.window = window
                state.arrivalHourAhead = ahead
            }
        } catch {
            DaemonLog.error("could not rebuild the surge window after a reload: \(error)")
            return
        }
        evaluate()
    }

    /// Feeds committed events into the window. Called on the writer thread after each commit.
    public func observe(_ events: [Event]) {
        var relevant = false
        let now = clock.now()
        state.withLock { state in
            for event in events {
                let changes = FlowEvents.windowChanges(of: event)
                for (flow, sign) in changes {
                    state.window.record(flow, sign: sign)
                    if sign > 0 { state.arrivalHourAhead = Self.earliest(state.arrivalHourAhead, Self.hourAhead(of: flow, now: now)) }
                }
                if !changes.isEmpty {
                    relevant = true
                    continue
                }
                if let change = event.payload(SurgeEvents.levelChanged) {
                    state.persisted = SurgeState(level: change.to, since: event.time, reason: change.reason)
                }
            }
        }
        if relevant { evaluate() }
    }

    /// The current figures, level and inflow. The reason names the figure that holds the
    /// level now (the level was entered at 40 arrivals; it is held at 45), so it never reads
    /// a number from hours ago beside the current one.
    public func snapshot() -> Snapshot {
        let now = clock.now()
        return state.withLock { state in
            let figures = state.window.figures(at: now)
            var current = state.persisted
            let decision = SurgeLevelMachine(thresholds: state.configuration.thresholds).next(from: current.level, figures: figures)
            // While a change is on its way to the store, the stored reason stays until it lands.
            if decision.level == current.level { current.reason = decision.reason }
            return Snapshot(
                state: current, figures: figures, netInflowPerDay: state.window.netInflowPerDay(at: now),
                configuration: state.configuration)
        }
    }

    /// Decides the level now; queues a change if it differs, and schedules the next look.
    func evaluate() {
        let now = clock.now()
        let (change, next) = state.withLock { state -> (Bool, Timestamp?) in
            let figures = state.window.figures(at: now)
            let machine = SurgeLevelMachine(thresholds: state.configuration.thresholds)
            let change = machine.next(from: state.persisted.level, figures: figures).level != state.persisted.level
            if let ahead = state.arrivalHourAhead, ahead <= now { state.arrivalHourAhead = nil }
            return (change, Self.earliest(state.window.nextChange(after: now), state.arrivalHourAhead))
        }
        if let next {
            scheduler.schedule(Self.scheduleKey, at: next) { [weak self] in self?.evaluate() }
        } else {
            scheduler.cancel(Self.scheduleKey)
        }
        if change {
            levelChange.request { EngineCommand(name: "surge/level") { [self] transaction in try applyLevelChange(&transaction) } }
        }
    }

    /// Inside the writer's transaction: decide from the latest figures against the stored
    /// level, and record a change as `surge.level_changed`.
    private func applyLevelChange(_ transaction: inout WriteTransaction) throws {
        let stored = try transaction.connection.surgeState()
        let (figures, decision, language) = state.withLock { state in
            let figures = state.window.figures(at: transaction.now)
            let machine = SurgeLevelMachine(thresholds: state.configuration.thresholds)
            return (figures, machine.next(from: stored.level, figures: figures), state.language)
        }
        guard decision.level != stored.level else { return }
        let event = try transaction.appendSystemEvent(
            SurgeEvents.levelChanged,
            SurgeEvents.LevelChanged(from: stored.level, to: decision.level, figures: figures, reason: decision.reason),
            subject: "city")
        try transaction.saveSurgeState(
            SurgeState(level: decision.level, since: transaction.now, reason: decision.reason), seq: event.seq)
        let direction = decision.level > stored.level ? Text("rose", nb: "steg") : Text("fell", nb: "sank")
        let arrivals = figures.arrivals24h
        try transaction.addIncidentLogEntry(
            text: Text(
                "Surge level \(direction.en) from \(stored.level.name.en) to \(decision.level.name.en)"
                    + " (\(arrivals) \(arrivals == 1 ? "arrival" : "arrivals") in 24 h).",
                nb: "Ankomstnivået \(direction.nb) fra \(stored.level.name.nb) til \(decision.level.name.nb)"
                    + " (\(arrivals) \(arrivals == 1 ? "ankomst" : "ankomster") siste døgn).")(language),
            subject: "city", source: .system)
    }

    /// The start of the arrival's hour when that hour has not begun yet. (A void of such an
    /// arrival leaves the wake-up in place: looking once too often changes nothing.)
    private static func hourAhead(of flow: FlowRecord, now: Timestamp) -> Timestamp? {
        guard flow.direction == .arrival, !flow.isTransfer else { return nil }
        let start = Timestamp(millisecondsSinceEpoch: HourlyCounts.hour(of: flow.at) * HourlyCounts.millisecondsPerHour)
        return start > now ? start : nil
    }

    private static func earliest(_ first: Timestamp?, _ second: Timestamp?) -> Timestamp? {
        [first, second].compactMap { $0 }.min()
    }

    /// The window, and the start of the earliest hour ahead holding an arrival.
    private static func loadWindow(
        _ configuration: DaemonConfiguration.Surge, connection: SQLiteConnection, now: Timestamp
    ) throws -> (SurgeWindow, Timestamp?) {
        var window = SurgeWindow(
            now: now, recentDays: configuration.recentDays, baselineDays: configuration.baselineDays,
            forecastDays: configuration.forecastDays)
        let days = max(configuration.recentDays + configuration.baselineDays, configuration.forecastDays)
        let start = Timestamp(
            millisecondsSinceEpoch: (HourlyCounts.hour(of: now) - Int64(days * 24) + 1) * HourlyCounts.millisecondsPerHour)
        var ahead: Timestamp?
        for flow in try connection.flows(since: start) {
            window.record(flow, sign: 1)
            ahead = earliest(ahead, hourAhead(of: flow, now: now))
        }
        return (window, ahead)
    }
}

extension SurgeWindow {
    /// Adds a stored arrival or departure (`sign` 1), or takes one back (`sign` −1: voided, or
    /// the old figures of an amended one).
    mutating func record(_ flow: FlowRecord, sign: Int) {
        switch flow.direction {
        case .arrival: recordArrival(count: sign * flow.count, kind: flow.kind, at: flow.at, transfer: flow.isTransfer)
        case .departure: recordDeparture(count: sign * flow.count, kind: flow.kind, at: flow.at)
        }
    }
}
