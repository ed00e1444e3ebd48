import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Foundation
import Synchronization

/// The exercise runs of a live world: each started on a thread of its own (never an event
/// loop), its progress kept in memory while it runs, and its row in the live state written
/// only when it starts and when it ends — with `exercise.started` and `exercise.ended`,
/// the only events an exercise appends to the live log.
///
/// Why a run starts when its `exercise.started` commits (heard on the live bus) rather than
/// when the request is read: the row is durable before anything runs or is answered, a
/// request that is rolled back starts nothing, and an `Idempotency-Key` repeat, answered from
/// the stored reply, starts nothing twice.
final class ExerciseRuns: Sendable {
    /// How many exercises may run at once: each copies the whole database and runs a second
    /// world beside the live one.
    static let concurrentLimit = 2
    /// How long a shutdown waits for the runs it stops to record how they ended.
    static let shutdownGrace = 10.0

    /// What an ended run reports to those waiting for it: its row and its `exercise.ended` seq.
    typealias Ended = @Sendable (StoredExercise, Int64?) -> Void

    private struct Running {
        var runner: ExerciseRunner
        var progress: ExerciseRunner.Progress
        var waiting: [Ended] = []
    }

    /// A run recorded in a transaction not yet committed.
    private struct Pending {
        var scenario: ExerciseScenario
        var speed: ExerciseSpeed
        var configuration: DaemonConfiguration
        var calendar: LocalCalendar
    }

    private struct State {
        var running: [Int64: Running] = [:]
        var pending: [Int64: Pending] = [:]
        var closed = false
    }

    private let live: World
    private let livePath: String
    private let state = Mutex(State())
    private let subscription = Mutex<UInt64?>(nil)

    /// - Parameter livePath: the live database file, which a run copies and never writes.
    init(live: World, livePath: String) {
        self.live = live
        self.livePath = livePath
        let id = live.bus.subscribe { [weak self] _, events in self?.launch(events) }
        subscription.withLock { $0 = id }
    }

    deinit {
        if let id = subscription.withLock({ $0 }) { live.bus.unsubscribe(id) }
    }

    /// Marks the runs a restart interrupted `stopped` (their copies went with the process).
    func stopInterrupted() throws {
        let interrupted = try live.readPool.read { try $0.runningExercises() }
        for var exercise in interrupted {
            exercise.state = .stopped
            _ = try write(exercise)
        }
    }

    // MARK: - Starting

    /// Records a run of `scenario` in the request's transaction: its row and `exercise.started`
    /// (whose seq it returns beside the row). It starts once the transaction commits. Refused
    /// (409 `conflict`) while `concurrentLimit` runs are running.
    func record(
        _ scenario: ExerciseScenario, speed: ExerciseSpeed, configuration: DaemonConfiguration, calendar: LocalCalendar,
        in transaction: inout WriteTransaction
    ) throws -> (StoredExercise, seq: Int64) {
        let running = try transaction.connection.runningExercises()
        guard running.count < Self.concurrentLimit else { throw Self.limitReached(running) }
        let id = try transaction.connection.nextExerciseID()
        let exercise = StoredExercise(
            id: id, scenario: scenario.id, speed: speed, startedAt: transaction.now, injectsTotal: scenario.injects.count)
        let event = try transaction.appendEvent(
            ExerciseEvents.started, ExerciseEvents.Started(scenario: scenario.id, speed: speed, injects: scenario.injects.count),
            subject: Self.subject(id))
        try transaction.saveExercise(exercise, seq: event.seq)
        let pending = Pending(scenario: scenario, speed: speed, configuration: configuration, calendar: calendar)
        state.withLock { $0.pending[id] = pending }
        return (exercise, event.seq)
    }

    /// Records the run in a command of its own and starts it; returns its id once it is
    /// running (for callers without a request: tests, the benchmark).
    func start(
        _ scenario: ExerciseScenario, speed: ExerciseSpeed, configuration: DaemonConfiguration, calendar: LocalCalendar
    ) throws -> Int64 {
        let outcome = live.writer.perform(WriteCommand(actor: .system) { [self] transaction in
            let (stored, _) = try record(scenario, speed: speed, configuration: configuration, calendar: calendar, in: &transaction)
            return CommandReply(status: 202, body: Array(String(stored.id).utf8))
        })
        guard case .committed(let reply, _) = outcome, let id = Int64(String(decoding: reply.body, as: UTF8.self)) else {
            if case .rejected(let error) = outcome { throw error }
            throw ExerciseRunner.Failure(description: "the exercise could not be recorded: \(outcome)")
        }
        return id
    }

    /// On the writer thread after a live commit: starts the runs whose `exercise.started` it holds.
    private func launch(_ events: [Event]) {
        for event in events where event.is(ExerciseEvents.started) {
            guard let id = event.subject.flatMap(Self.id(of:)) else { continue }
            let runner: ExerciseRunner? = state.withLock { state in
                guard let pending = state.pending.removeValue(forKey: id), !state.closed else { return nil }
                let runner = ExerciseRunner(
                    scenario: pending.scenario, speed: pending.speed, configuration: pending.configuration,
                    calendar: pending.calendar, livePath: livePath)
                let start = pending.scenario.timeline(in: pending.calendar).start
                state.running[id] = Running(
                    runner: runner,
                    progress: ExerciseRunner.Progress(simulated: start, injectsDone: 0, injectsTotal: pending.scenario.injects.count))
                return runner
            }
            guard let runner else { continue }
            let thread = Thread { [self] in finish(id, runner: runner) }
            thread.name = "beredskap-exercise-\(id)"
            thread.start()
        }
    }

    // MARK: - Stopping

    /// Asks a running exercise to stop; `whenEnded` is called once its end is recorded (or at
    /// once when it is not running: false).
    @discardableResult
    func stop(_ id: Int64, whenEnded: Ended? = nil) -> Bool {
        let runner = state.withLock { state -> ExerciseRunner? in
            guard let runner = state.running[id]?.runner else { return nil }
            if let whenEnded { state.running[id]?.waiting.append(whenEnded) }
            return runner
        }
        runner?.stop()
        return runner != nil
    }

    /// Stops every run and waits (`shutdownGrace` at most) until each has recorded how it
    /// ended; none starts after this. For the daemon's shutdown, before the live world stops.
    func stopAll() {
        let runners = state.withLock { state in
            state.closed = true
            return state.running.values.map(\.runner)
        }
        for runner in runners { runner.stop() }
        let deadline = Date().addingTimeInterval(Self.shutdownGrace)
        while state.withLock({ !$0.running.isEmpty }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    // MARK: - Reading

    /// The run as stored, with its progress while it runs.
    func exercise(_ id: Int64) throws -> StoredExercise? {
        try live.readPool.read { try $0.exercise(id: id) }.map(withProgress)
    }

    /// `stored` with its progress while it runs (the row has it only once the run ended).
    func withProgress(_ stored: StoredExercise) -> StoredExercise {
        guard let progress = state.withLock({ $0.running[stored.id]?.progress }) else { return stored }
        var exercise = stored
        Self.apply(progress, to: &exercise)
        return exercise
    }

    // MARK: - Running

    private func finish(_ id: Int64, runner: ExerciseRunner) {
        var ended: (StoredExercise, Int64?)?
        var report: AfterActionReport?
        do {
            guard var stored = try live.readPool.read({ try $0.exercise(id: id) }) else {
                throw ExerciseRunner.Failure(description: "its row is gone")
            }
            do {
                let outcome = try runner.run { [self] progress in
                    state.withLock { $0.running[id]?.progress = progress }
                }
                Self.apply(outcome.progress, to: &stored)
                stored.results = outcome.results
                stored.state = outcome.stopped ? .stopped : .finished
                report = outcome.report
            } catch {
                stored.state = .failed
                stored.failure = error.description
            }
            let seq = try write(stored, report: report)
            ended = (try live.readPool.read { try $0.exercise(id: id) } ?? stored, seq)
        } catch {
            DaemonLog.error("exercise \(id): the result could not be recorded: \(error)")
        }
        let waiting = state.withLock { $0.running.removeValue(forKey: id)?.waiting ?? [] }
        if let ended { for notify in waiting { notify(ended.0, ended.1) } }
    }

    /// The run's row as it ended, with `exercise.ended`, and its after-action report in the
    /// same transaction: durable before the run shows ended. Returns the event's seq.
    private func write(_ exercise: StoredExercise, report: AfterActionReport? = nil) throws -> Int64 {
        let outcome = live.writer.perform(WriteCommand(actor: .system) { transaction in
            var exercise = exercise
            exercise.endedAt = transaction.now
            let met = exercise.results.filter(\.met).count
            let event = try transaction.appendEvent(
                ExerciseEvents.ended,
                ExerciseEvents.Ended(
                    state: exercise.state, injectsDone: exercise.injectsDone, met: met, missed: exercise.results.count - met),
                subject: Self.subject(exercise.id))
            try transaction.saveExercise(exercise, seq: event.seq)
            if let report { try transaction.saveExerciseReport(report, exercise: exercise.id) }
            return CommandReply(status: 200, body: [])
        })
        guard case .committed(_, let events) = outcome, let seq = events.last?.seq else {
            throw ExerciseRunner.Failure(description: "\(outcome)")
        }
        return seq
    }

    private static func apply(_ progress: ExerciseRunner.Progress, to stored: inout StoredExercise) {
        stored.simulated = progress.simulated
        stored.injectsDone = progress.injectsDone
        stored.alerts = progress.alerts
        stored.runs = progress.runs
        stored.notifications = progress.notifications
    }

    static func subject(_ id: Int64) -> String { "exercise/\(id)" }

    private static func id(of subject: String) -> Int64? {
        subject.hasPrefix("exercise/") ? Int64(subject.dropFirst("exercise/".count)) : nil
    }

    private static func limitReached(_ running: [StoredExercise]) -> APIError {
        var error = APIError.conflict(Text(
            "\(concurrentLimit) exercises are running already (each copies the whole state); stop one or wait for it to end",
            nb: "\(concurrentLimit) øvelser kjører allerede (hver kopierer hele tilstanden); stopp én eller vent til den er ferdig"))
        error.details = JSONObject([
            ("state", .string(ExerciseRunState.running.rawValue)), ("limit", .integer(Int64(concurrentLimit))),
            ("running", .array(running.map { .integer($0.id) })),
        ])
        return error
    }
}
