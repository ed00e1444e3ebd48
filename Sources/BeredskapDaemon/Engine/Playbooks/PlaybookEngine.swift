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
public final class PlaybookEngine: Sendable, Engine {
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
        /// Active runs with a `wait_for` step running: what a change of figures may finish.
        var waitingRuns: Set<Int64> = []
    }

    /// Events after which a `wait_for` condition may hold: the figures of facilities, and
    /// alerts resolving.
    static let conditionEvents: Set<EventKind> = CapacityEvents.changingFigures.union([AlertEvents.resolved.kind, AlertEvents.closed.kind])

    private let state: Mutex<State>
    private let scheduler: Scheduler
    private let library: PlaybookLibrary
    private let commands = EngineWriter()
    private let catchUp: CoalescedCommand<EngineWriter>
    private let waitCheck: CoalescedCommand<EngineWriter>

    init(configuration: DaemonConfiguration, calendar: LocalCalendar, scheduler: Scheduler, library: PlaybookLibrary) {
        self.scheduler = scheduler
        self.library = library
        catchUp = CoalescedCommand(submitter: commands, scheduler: scheduler)
        waitCheck = CoalescedCommand(submitter: commands, scheduler: scheduler)
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
        commands.attach(writer)
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
        let command = command("recover", { execution, transaction in
            let runs = try transaction.connection.activePlaybookRuns(after: after, limit: Self.recoveryChunk)
            let now = transaction.now
            let language = execution.settings.language
            for run in runs {
                try execution.isolated(PlaybookEvents.recoveryFailed, subject: RunExecution.subject(run.id), in: &transaction) {
                    execution, transaction in
                    _ = try execution.change(run: run.id, in: &transaction) { run in
                        run.recoverAfterRestart(at: now, retryRunning: true, language: language)
                    }
                }
            }
            last.withLock { $0 = runs.count == Self.recoveryChunk ? runs.last?.id : nil }
        }, then: { [self] in
            if let next = last.withLock({ $0 }) { recover(after: next) }
        })
        commands.submitRetrying(command, on: scheduler)
    }

    /// New settings on reload (of the run policy, the notifications, the capacity or the time
    /// zone it reads); runs keep the policy they started with.
    func reconfigure(_ change: Reconfiguration) {
        guard change.changed(\.playbooks) || change.changed(\.notifications) || change.changed(\.capacity)
            || change.changed(\.timeZone)
        else { return }
        state.withLock { $0.settings = Self.settings(change.new, calendar: change.calendar) }
    }

    /// Called on the writer thread after each commit.
    public func observe(_ events: [Event]) {
        if events.contains(where: { $0.kind.map(RunExecution.triggerKinds.contains) == true }) { queueCatchUp() }
        let waiting = state.withLock { !$0.waitingRuns.isEmpty }
        if waiting, events.contains(where: { $0.kind.map(Self.conditionEvents.contains) == true }) { queueWaitCheck() }
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
        let reschedule = command("reschedule", { execution, transaction in
            for id in ids { try execution.reread(run: id, in: transaction) }
        })
        commands.submit(reschedule, on: scheduler, again: nil)
        return result
    }

    // MARK: - System commands

    /// Reads the event log for triggers (a chunk at a time) and starts their runs. An event
    /// committed once a pass has begun asks for another.
    private func queueCatchUp() {
        catchUp.request {
            let more = Mutex(false)
            return command("catch-up", { [library] execution, transaction in
                let pending = try execution.catchUp(library.playbooks, in: &transaction)
                more.withLock { $0 = pending }
            }, then: { [self] in
                if more.withLock({ $0 }) { queueCatchUp() }
            })
        }
    }

    private func queueWaitCheck() {
        waitCheck.request {
            command("waits", { [self] execution, transaction in
                for id in state.withLock({ $0.waitingRuns }).sorted() {
                    guard let run = try transaction.connection.playbookRun(id: id), run.run.state == .active else { continue }
                    try execution.checkWaits(run, in: &transaction)
                }
            })
        }
    }

    /// Applies the reminders of run `id` that are due.
    func advance(run id: Int64) {
        let command = command("run/\(id)", { execution, transaction in
            let now = transaction.now
            guard try transaction.connection.playbookRun(id: id)?.run.state == .active else { return }
            _ = try execution.change(run: id, in: &transaction) { run in run.advance(to: now) }
        })
        commands.submitRetrying(command, on: scheduler)
    }

    /// A system command running `body` with a `RunExecution`. Which runs now wait for a
    /// condition is noted inside it (before `observe` sees the commit); their reminders are
    /// scheduled once it has committed, then `then` runs.
    private func command(
        _ name: String, _ body: @escaping @Sendable (inout RunExecution, inout WriteTransaction) throws -> Void,
        then: (@Sendable () -> Void)? = nil
    ) -> EngineCommand<WriteTransaction> {
        let touched = Mutex<[Int64: StoredRun]>([:])
        return EngineCommand(
            name: "playbooks/\(name)",
            body: { [self] transaction in
                var execution = RunExecution(settings: state.withLock { $0.settings }, transaction: transaction)
                try body(&execution, &transaction)
                noteWaits(execution.touched)
                touched.withLock { $0 = execution.touched }
            },
            committed: { [self] in
                schedule(touched.withLock { $0 })
                then?()
            })
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
