import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation
import Synchronization

/// Runs an exercise: a second `World` on a copy of the live state, under a simulated clock,
/// with the scenario's injects applied as the API would apply them, and the expectations
/// graded from the copy's events at the end.
///
/// Why a copy and a simulated clock: the live daemon keeps serving and its database is only
/// read once (`VACUUM INTO` through a read-only connection of its own — `BeredskapSQLite` has
/// no backup helper, and the read pool's connections are `query_only`, which refuses it);
/// the copy's world has `.manual` timers, and the runner steps its clock from one instant to
/// the next that matters — an inject, a simulated operator's response, the earliest timer
/// an engine set — firing the timers with `scheduler.fire(until:)`, so the engines run
/// exactly the code they run under the real clock. The same steps are taken at any speed;
/// the speed only decides how long the runner sleeps between them (none at `max`).
///
/// Everything the copy's writer commits is marked exercise, so alerts, runs and notifications
/// carry the `[ØVELSE]` prefix. The copy's notifier delivers only to the channels marked
/// `exercise: true` (`ExerciseChannels`); the rows for the others stay in the copy's outbox,
/// counted, and go with it.
final class ExerciseRunner: Sendable {
    struct Progress: Sendable, Equatable {
        var simulated: Timestamp
        var injectsDone: Int
        var injectsTotal: Int
        var alerts = 0
        var runs = 0
        var notifications = 0
    }

    struct Outcome: Sendable {
        var progress: Progress
        var results: [ExerciseExpectationResult]
        /// The copy's events written during the run, in seq order.
        var events: [Event]
        /// When the simulated clock started: the scenario's start, or later (see `starting`).
        var start: Timestamp
        /// Injects that could not be applied, by their index in the file.
        var refused: [(index: Int, reason: String)]
        var stopped: Bool
        /// Built from the copy before it is deleted; it covers the run until the stop if stopped.
        var report: AfterActionReport
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let scenario: ExerciseScenario
    private let speed: ExerciseSpeed
    private let configuration: DaemonConfiguration
    private let calendar: LocalCalendar
    private let livePath: String
    private let stopRequested = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)

    /// - Parameter livePath: the live database file, only ever read.
    init(scenario: ExerciseScenario, speed: ExerciseSpeed, configuration: DaemonConfiguration, calendar: LocalCalendar,
         livePath: String) {
        self.scenario = scenario
        self.speed = speed
        self.configuration = configuration
        self.calendar = calendar
        self.livePath = livePath
    }

    /// Ends the run at its next step; the outcome says it was stopped.
    func stop() {
        stopRequested.withLock { $0 = true }
        wake.signal()
    }

    private var isStopped: Bool { stopRequested.withLock { $0 } }

    /// Copies the state, runs the scenario to its end (or a stop) and removes the copy.
    /// Blocks: call it on a thread of its own, never on an event loop.
    func run(progress report: @Sendable (Progress) -> Void = { _ in }) throws(Failure) -> Outcome {
        let directory = NSTemporaryDirectory() + "beredskap-exercise-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let world = try open(in: directory)
        defer {
            world.stop()
            world.close()
        }
        return try run(world, report: report)
    }

    // MARK: - The copy

    private func open(in directory: String) throws(Failure) -> World {
        let store = Database.Configuration(directory: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let live = try SQLiteConnection(path: livePath, mode: .readOnly)
            try live.copyDatabase(to: store.path)
        } catch {
            throw Failure(description: "could not copy the state: \(error)")
        }
        var copied = configuration
        copied.state.directory = directory
        copied.notifications = configuration.notifications.anchoringFiles(in: configuration.state.directory)
        let clock = ManualWallClock(scenario.timeline(in: calendar).start)
        let world: World
        do {
            world = try World(configuration: copied, calendar: calendar, clock: clock, store: store, timers: .manual, exercise: true)
        } catch {
            throw Failure(description: "could not open the copy: \(error)")
        }
        world.start()
        return world
    }

    // MARK: - Stepping

    private func run(_ world: World, report: @Sendable (Progress) -> Void) throws(Failure) -> Outcome {
        guard let clock = world.clock as? ManualWallClock else { throw Failure(description: "the copy has no simulated clock") }
        let firstSeq = world.bus.lastSeq
        let scheduledStart = self.scenario.timeline(in: calendar).start
        let newest = (try? world.readPool.read { try $0.newestEventTime() }) ?? nil
        let scenario = scenario.starting(notBefore: newest?.adding(milliseconds: 1000) ?? scheduledStart, calendar: calendar)
        let timeline = scenario.timeline(in: calendar)
        let injects = ExerciseInjects(world: world, configuration: configuration, calendar: calendar)
        var refused: [(index: Int, reason: String)] = []
        var progress = Progress(simulated: timeline.start, injectsDone: 0, injectsTotal: timeline.entries.count)

        // The setup a second before the start: its head counts then precede an arrival at the start
        // (a record at the instant of a head count counts as before it).
        clock.set(timeline.start.adding(milliseconds: -1000))
        for facility in scenario.facilities {
            do throws(ExerciseInjects.Refused) {
                try injects.setUp(facility)
            } catch {
                refused.append((-1, "\(facility.id): \(error.description)"))
            }
        }
        settle(world)
        clock.set(timeline.start)
        world.scheduler.fire(until: timeline.start)
        settle(world)

        var now = timeline.start
        var next = 0
        var armed: [(entry: ExerciseTimeline.Entry, armedAt: Timestamp)] = []
        // When each armed response acts, looked for again only after the copy changed (its
        // last seq moved, or a response was armed): the answer depends on nothing else, and
        // reading the runs and alerts at every step was most of a long scenario's time.
        var responses: [Timestamp?] = []
        var lookedAt: Int64?
        while !isStopped {
            if lookedAt != world.bus.lastSeq || responses.count != armed.count {
                responses = armed.map { (try? injects.responseTime(of: $0.entry.inject, armedAt: $0.armedAt)) ?? nil }
                lookedAt = world.bus.lastSeq
            }
            let candidates = [next < timeline.entries.count ? timeline.entries[next].at : nil, world.scheduler.nextDueTime]
                + responses
            let target = min(max(candidates.compactMap { $0 }.min() ?? timeline.end, now), timeline.end)
            sleep(simulated: target.milliseconds(since: now))
            if isStopped { break }
            now = target
            clock.set(now)
            world.scheduler.fire(until: now)
            settle(world)
            for (position, due) in zip(armed.indices, responses).reversed() where due.map({ $0 <= now }) ?? false {
                let entry = armed.remove(at: position).entry
                responses.remove(at: position)
                do throws(ExerciseInjects.Refused) {
                    try injects.respond(entry.inject.action)
                } catch {
                    refused.append((entry.index, error.description))
                }
                settle(world)
            }
            while next < timeline.entries.count, timeline.entries[next].at <= now {
                let entry = timeline.entries[next]
                next += 1
                switch entry.inject.action {
                case .acknowledge, .completeStep:
                    armed.append((entry, entry.at))
                default:
                    do throws(ExerciseInjects.Refused) {
                        try injects.apply(entry.inject.action)
                    } catch {
                        refused.append((entry.index, error.description))
                    }
                    settle(world)
                }
                progress.injectsDone = next
            }
            progress.simulated = now
            count(world, into: &progress)
            report(progress)
            if now >= timeline.end { break }
        }
        awaitDeliveries(world, at: now)
        let events = Self.events(of: world, after: firstSeq)
        let results = ExerciseGrading.grade(
            scenario.expectations, events: events, firstInject: timeline.firstInjectAt ?? timeline.start, end: now)
        let report = AfterActionCollector(world: world, calendar: calendar).report(
            scenario: scenario.id, speed: speed, stopped: isStopped, start: timeline.start, end: now,
            firstInject: timeline.firstInjectAt, events: events, results: results)
        return Outcome(
            progress: progress, results: results, events: events, start: timeline.start, refused: refused, stopped: isStopped,
            report: report)
    }

    /// Sleeps the real time `simulated` milliseconds take at the run's speed (none at `max`);
    /// a stop wakes it.
    private func sleep(simulated milliseconds: Int64) {
        guard milliseconds > 0, let real = speed.realMilliseconds(for: FixedDuration(milliseconds: milliseconds)), real > 0 else {
            return
        }
        _ = wake.wait(timeout: .now() + .milliseconds(Int(min(real, Int64(Int32.max)))))
        if isStopped { wake.signal() }
    }

    /// Waits until the engines have written what the last commits set off: a command that
    /// changes nothing goes through the writer, behind everything the engines queued while
    /// observing the commits before it, until two in a row see no new event.
    private func settle(_ world: World) {
        var quiet = 0
        while quiet < 2 {
            let before = world.bus.lastSeq
            _ = world.writer.perform(WriteCommand(actor: .system, exercise: true) { _ in CommandReply(status: 200, body: []) })
            quiet = world.bus.lastSeq == before ? quiet + 1 : 0
        }
    }

    /// How long the end of a run waits for the last notifications to reach the exercise channels.
    static let deliveryGrace = 5.0

    /// Waits (`deliveryGrace` at most) until nothing is due for the exercise channels any more:
    /// the run's last notifications reach them before the copy goes. A row is due until its
    /// attempt is recorded; one that failed waits for a retry the run will not reach.
    private func awaitDeliveries(_ world: World, at now: Timestamp) {
        let channels = configuration.notifications.exerciseChannels
        guard !channels.isEmpty else { return }
        let deadline = Date().addingTimeInterval(Self.deliveryGrace)
        while Date() < deadline {
            settle(world)
            let due = (try? world.readPool.read { try $0.dueNotifications(at: now, limit: 1, channels: channels) }) ?? []
            if due.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    private func count(_ world: World, into progress: inout Progress) {
        guard let counts = try? world.readPool.read({ try $0.exerciseCounts() }) else { return }
        (progress.alerts, progress.runs, progress.notifications) = counts
    }

    private static func events(of world: World, after seq: Int64) -> [Event] {
        var events: [Event] = []
        var last = seq
        while let page = try? world.readPool.read({ try $0.events(after: last, limit: 5000) }), let newest = page.last {
            events += page
            last = newest.seq
        }
        return events
    }
}
