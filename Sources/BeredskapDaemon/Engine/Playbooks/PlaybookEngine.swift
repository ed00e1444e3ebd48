import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Synchronization

/// Runs the playbooks: starts runs when their triggers trip, reminds owners of overdue steps
/// and escalates them at their exact instants, checks `wait_for` conditions when the figures
/// they depend on change, and resumes every active run after a restart.
///
/// Why like the alert engine: every change is a writer command, so a run's transition, the
/// work of its automatic steps, its events and its outbox rows commit together or not at all;
/// reminders are scheduled on the shared `Scheduler` at each run's `nextDeadline()` (no
/// polling); and everything the engine needs after a crash is in the store — the runs, and
/// the cursor up to which the event log has been read for triggers.
public final class PlaybookEngine: Sendable {
    struct Settings: Sendable {
        var policy: PlaybookRun.Policy
        var routing: NotificationRouting
        var language: Language
        var capacity: DaemonConfiguration.Capacity
        var calendar: LocalCalendar

        /// A stored reason or log text, in the language of the coordination groups.
        func text(_ text: Text) -> String { text(language) }
    }

    private struct State {
        var settings: Settings
        var catchUpQueued = false
        var waitCheckQueued = false
        /// Active runs with a `wait_for` step running: what a change of figures may finish.
        var waitingRuns: Set<Int64> = []
    }

    /// Events after which a `wait_for` condition may hold: the figures of facilities, and
    /// alerts resolving.
    static let conditionEvents: Set<String> = AlertRules.facilityEvents.union([AlertEvents.resolved, AlertEvents.closed])

    private let state: Mutex<State>
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let library: PlaybookLibrary
    private let writerBox = Mutex<Writer?>(nil)

    init(configuration: DaemonConfiguration, calendar: LocalCalendar, clock: any WallClock, scheduler: Scheduler, library: PlaybookLibrary) {
        self.clock = clock
        self.scheduler = scheduler
        self.library = library
        state = Mutex(State(settings: Self.settings(configuration, calendar: calendar)))
    }

    static func settings(_ configuration: DaemonConfiguration, calendar: LocalCalendar) -> Settings {
        Settings(
            policy: configuration.playbooks.runPolicy, routing: configuration.notifications.routing,
            language: configuration.notifications.language, capacity: configuration.capacity, calendar: calendar)
    }

    /// The writer, before anything can commit: events observed from then on (the daemon's own
    /// start, a surge level change found at start) can only be acted on once it is known.
    public func attach(writer: Writer) {
        writerBox.withLock { $0 = writer }
    }

    /// Resumes the active runs (automatic steps interrupted by a stop are retried or failed,
    /// waits are checked again, missed reminders go out) and starts the runs for triggers
    /// that fired while the daemon was not reading the log.
    public func start() {
        recover(after: 0)
        queueCatchUp()
    }

    /// Runs recovered per command at most, so that a restart with many active runs does not
    /// hold every API write behind one long transaction.
    static let recoveryChunk = 200

    /// Recovers the active runs with ids above `after`, a chunk at a time.
    private func recover(after: Int64) {
        let last = Mutex<Int64?>(nil)
        submit("recover", { execution, transaction in
            let runs = try transaction.connection.activePlaybookRuns(after: after, limit: Self.recoveryChunk)
            let now = transaction.now
            let language = execution.settings.language
            for run in runs {
                try execution.isolated(RunEvents.recoveryFailed, subject: RunExecution.subject(run.id), in: &transaction) {
                    execution, transaction in
                    _ = try execution.change(run: run.id, in: &transaction) { run in
                        run.recoverAfterRestart(at: now, retryRunning: true, language: language)
                    }
                }
            }
            last.withLock { $0 = runs.count == Self.recoveryChunk ? runs.last?.id : nil }
        }, retry: { [weak self] in self?.recover(after: after) }, then: { [self] in
            if let next = last.withLock({ $0 }) { recover(after: next) }
        })
    }

    /// New settings on reload; runs keep the policy they started with.
    public func reconfigure(_ configuration: DaemonConfiguration, calendar: LocalCalendar) {
        state.withLock { $0.settings = Self.settings(configuration, calendar: calendar) }
    }

    /// Called on the writer thread after each commit.
    public func observe(_ events: [Event]) {
        if events.contains(where: { RunExecution.triggerTypes.contains($0.type) }) { queueCatchUp() }
        let waiting = state.withLock { !$0.waitingRuns.isEmpty }
        if waiting, events.contains(where: { Self.conditionEvents.contains($0.type) }) { queueWaitCheck() }
    }

    // MARK: - Inside a person's command

    /// Runs `body` with a `RunExecution` inside the caller's transaction (a route's mutation).
    ///
    /// The runs it changed are rescheduled by a command queued behind the caller's, which
    /// reads them as committed: a reminder is never moved or cancelled for a change that a
    /// failed commit then threw away. Which runs wait for a condition is noted at once, so
    /// that a commit in the same batch that meets the condition is checked (at worst one
    /// check too many, if the batch fails).
    func perform<T>(in transaction: inout WriteTransaction, _ body: (inout RunExecution, inout WriteTransaction) throws -> T) throws -> T {
        var execution = RunExecution(settings: state.withLock { $0.settings }, transaction: transaction)
        let result = try body(&execution, &transaction)
        noteWaits(execution.touched)
        let ids = Array(execution.touched.keys)
        submit("reschedule", { execution, transaction in
            for id in ids { try execution.reread(run: id, in: transaction) }
        })
        return result
    }

    // MARK: - System commands

    private func queueCatchUp() {
        let submitNow = state.withLock { state -> Bool in
            guard !state.catchUpQueued else { return false }
            state.catchUpQueued = true
            return true
        }
        guard submitNow else { return }
        let more = Mutex(false)
        let submitted = submit("catch-up", { [self, library] execution, transaction in
            // Cleared before reading the log: an event committed from here on queues another pass.
            self.state.withLock { $0.catchUpQueued = false }
            let pending = try execution.catchUp(library.playbooks, in: &transaction)
            more.withLock { $0 = pending }
        }, retry: { [weak self] in self?.queueCatchUp() }, then: { [self] in
            if more.withLock({ $0 }) { queueCatchUp() }
        })
        if !submitted { state.withLock { $0.catchUpQueued = false } }
    }

    private func queueWaitCheck() {
        let submitNow = state.withLock { state -> Bool in
            guard !state.waitCheckQueued else { return false }
            state.waitCheckQueued = true
            return true
        }
        guard submitNow else { return }
        let submitted = submit("waits", { [self] execution, transaction in
            let runs = state.withLock { state -> Set<Int64> in
                state.waitCheckQueued = false
                return state.waitingRuns
            }
            for id in runs.sorted() {
                guard let run = try transaction.connection.playbookRun(id: id), run.run.state == .active else { continue }
                try execution.checkWaits(run, in: &transaction)
            }
        }, retry: { [weak self] in self?.queueWaitCheck() })
        if !submitted { state.withLock { $0.waitCheckQueued = false } }
    }

    /// Applies the reminders of run `id` that are due.
    func advance(run id: Int64) {
        submit("run/\(id)", { execution, transaction in
            let now = transaction.now
            guard try transaction.connection.playbookRun(id: id)?.run.state == .active else { return }
            _ = try execution.change(run: id, in: &transaction) { run in run.advance(to: now) }
        }, retry: { [weak self] in self?.advance(run: id) })
    }

    /// Runs `body` as a system command. Which runs now wait for a condition is noted inside
    /// it (before `observe` sees the commit); their reminders are scheduled once it has
    /// committed, then `then` runs. If it is not committed, `retry` runs after a pause (the
    /// store may be full or failing; do not spin). False when there is no writer yet.
    @discardableResult
    private func submit(
        _ name: String, _ body: @escaping @Sendable (inout RunExecution, inout WriteTransaction) throws -> Void,
        retry: (@Sendable () -> Void)? = nil, then: (@Sendable () -> Void)? = nil
    ) -> Bool {
        guard let writer = writerBox.withLock({ $0 }) else { return false }
        let touched = Mutex<[Int64: StoredRun]>([:])
        writer.submit(WriteCommand(actor: .system) { [self] transaction in
            var execution = RunExecution(settings: state.withLock { $0.settings }, transaction: transaction)
            try body(&execution, &transaction)
            noteWaits(execution.touched)
            touched.withLock { $0 = execution.touched }
            return CommandReply(status: 204, body: [])
        }) { [self] outcome in
            switch outcome {
            case .committed, .replayed:
                schedule(touched.withLock { $0 })
                then?()
            case .closed:
                break
            case .rejected, .storeFailed, .idempotencyConflict:
                DaemonLog.error("a playbook run command (\(name)) was not committed: \(outcome); trying again in 5 s")
                guard let retry else { return }
                scheduler.schedule("playbooks/retry/\(name)", at: clock.now().adding(milliseconds: 5000), action: retry)
            }
        }
        return true
    }

    // MARK: - Scheduling

    /// Each run's next reminder, or none.
    private func schedule(_ runs: [Int64: StoredRun]) {
        for (id, stored) in runs {
            let key = "run/\(id)"
            if let due = stored.run.nextDeadline() {
                scheduler.schedule(key, at: due) { [weak self] in self?.advance(run: id) }
            } else {
                scheduler.cancel(key)
            }
        }
    }

    /// Notes which of `runs` have a `wait_for` step running.
    private func noteWaits(_ runs: [Int64: StoredRun]) {
        state.withLock { state in
            for (id, stored) in runs {
                let waits = stored.run.state == .active
                    && stored.run.steps.contains { $0.state == .running && $0.waitsForCondition }
                if waits { state.waitingRuns.insert(id) } else { state.waitingRuns.remove(id) }
            }
        }
    }
}
