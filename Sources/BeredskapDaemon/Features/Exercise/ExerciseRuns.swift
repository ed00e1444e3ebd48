import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Foundation
import Synchronization

/// The exercise runs of a live world: each started on a thread of its own (never an event
/// loop), its progress kept in memory while it runs, and its row in the live state written
/// only when it starts and when it ends — with `exercise.started` and `exercise.ended`,
/// the only events an exercise appends to the live log.
final class ExerciseRuns: Sendable {
    private struct Running {
        var runner: ExerciseRunner
        var progress: ExerciseRunner.Progress
    }

    private let live: World
    private let configuration: DaemonConfiguration
    private let calendar: LocalCalendar
    private let livePath: String
    private let running = Mutex<[Int64: Running]>([:])

    init(live: World, configuration: DaemonConfiguration, calendar: LocalCalendar, livePath: String) {
        self.live = live
        self.configuration = configuration
        self.calendar = calendar
        self.livePath = livePath
    }

    /// Marks the runs a restart interrupted `stopped` (their copies went with the process).
    func stopInterrupted() throws {
        let interrupted = try live.readPool.read { try $0.runningExercises() }
        for var exercise in interrupted {
            exercise.state = .stopped
            try write(exercise)
        }
    }

    /// Records the run and starts it; returns its id at once.
    func start(_ scenario: ExerciseScenario, speed: ExerciseSpeed) throws -> Int64 {
        let total = scenario.injects.count
        let outcome = live.writer.perform(WriteCommand(actor: .system) { transaction in
            let id = try transaction.connection.nextExerciseID()
            let exercise = StoredExercise(id: id, scenario: scenario.id, speed: speed, startedAt: transaction.now, injectsTotal: total)
            let event = try transaction.appendEvent(
                ExerciseEvents.started, ExerciseEvents.Started(scenario: scenario.id, speed: speed, injects: total),
                subject: "exercise/\(id)")
            try transaction.saveExercise(exercise, seq: event.seq)
            return CommandReply(status: 202, body: Array(String(id).utf8))
        })
        guard case .committed(let reply, _) = outcome, let id = Int64(String(decoding: reply.body, as: UTF8.self)) else {
            throw ExerciseRunner.Failure(description: "the exercise could not be recorded: \(outcome)")
        }
        let runner = ExerciseRunner(
            scenario: scenario, speed: speed, configuration: configuration, calendar: calendar, livePath: livePath)
        running.withLock {
            $0[id] = Running(runner: runner, progress: ExerciseRunner.Progress(
                simulated: scenario.timeline(in: calendar).start, injectsDone: 0, injectsTotal: total))
        }
        let thread = Thread { [self] in finish(id, runner: runner) }
        thread.name = "beredskap-exercise-\(id)"
        thread.start()
        return id
    }

    /// Asks a running exercise to stop; false when it is not running.
    func stop(_ id: Int64) -> Bool {
        guard let runner = running.withLock({ $0[id]?.runner }) else { return false }
        runner.stop()
        return true
    }

    /// The run as stored, with its progress while it runs.
    func exercise(_ id: Int64) throws -> StoredExercise? {
        guard var stored = try live.readPool.read({ try $0.exercise(id: id) }) else { return nil }
        if let progress = running.withLock({ $0[id]?.progress }) { Self.apply(progress, to: &stored) }
        return stored
    }

    private func finish(_ id: Int64, runner: ExerciseRunner) {
        guard var stored = try? live.readPool.read({ try $0.exercise(id: id) }) else { return }
        var report: AfterActionReport?
        do {
            let outcome = try runner.run { [self] progress in
                running.withLock { $0[id]?.progress = progress }
            }
            Self.apply(outcome.progress, to: &stored)
            stored.results = outcome.results
            stored.state = outcome.stopped ? .stopped : .finished
            report = outcome.report
        } catch {
            stored.state = .failed
            stored.failure = error.description
        }
        do {
            try write(stored, report: report)
        } catch {
            DaemonLog.error("exercise \(id): the result could not be recorded: \(error)")
        }
        running.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// The run's row as it ended, with `exercise.ended`, and its after-action report in the
    /// same transaction: durable before the run shows ended.
    private func write(_ exercise: StoredExercise, report: AfterActionReport? = nil) throws {
        let outcome = live.writer.perform(WriteCommand(actor: .system) { transaction in
            var exercise = exercise
            exercise.endedAt = transaction.now
            let met = exercise.results.filter(\.met).count
            let event = try transaction.appendEvent(
                ExerciseEvents.ended,
                ExerciseEvents.Ended(
                    state: exercise.state, injectsDone: exercise.injectsDone, met: met, missed: exercise.results.count - met),
                subject: "exercise/\(exercise.id)")
            try transaction.saveExercise(exercise, seq: event.seq)
            if let report { try transaction.saveExerciseReport(report, exercise: exercise.id) }
            return CommandReply(status: 200, body: [])
        })
        guard case .committed = outcome else { throw ExerciseRunner.Failure(description: "\(outcome)") }
    }

    private static func apply(_ progress: ExerciseRunner.Progress, to stored: inout StoredExercise) {
        stored.simulated = progress.simulated
        stored.injectsDone = progress.injectsDone
        stored.alerts = progress.alerts
        stored.runs = progress.runs
        stored.notifications = progress.notifications
    }
}
