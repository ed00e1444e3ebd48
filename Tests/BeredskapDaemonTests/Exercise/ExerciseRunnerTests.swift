import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The runner on a copy of a live world's state: the live file is never written, the
/// simulated clock drives the same engines at any speed, and the expectations are graded.
@Suite(.serialized) struct ExerciseRunnerTests {
    static let playbooksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Playbooks").path

    /// A live world with the shipped playbooks and some history, and the quick drill.
    struct Setup {
        let live: WorldFixture
        let calendar: LocalCalendar
        let scenario: ExerciseScenario

        init() throws {
            live = try WorldFixture(playbooks: ExerciseRunnerTests.playbooksDirectory)
            try live.arrive(12, at: "refstad")
            calendar = try #require(LocalCalendar(identifier: live.configuration.timeZone))
            let context = ExerciseValidationContext(
                facilities: Set(live.facilities), districts: nil, playbooks: live.world.playbooks.playbooks, rules: Set(RuleResources.knownRules),
                calendar: calendar)
            let loaded = ExerciseScenarios.load(
                id: "quick-drill", directory: ExerciseRunnerTests.playbooksDirectory + "/" + ExerciseScenarios.directoryName, context: context)
            scenario = try #require(try loaded?.get())
        }

        func runner(_ scenario: ExerciseScenario? = nil, speed: ExerciseSpeed = .maximum) -> ExerciseRunner {
            ExerciseRunner(
                scenario: scenario ?? self.scenario, speed: speed, configuration: live.configuration, calendar: calendar,
                livePath: live.directory + "/state.db")
        }
    }

    @Test func theQuickDrillRunsOnACopyAndLeavesTheLiveDatabaseAsItWas() throws {
        let setup = try Setup()
        let path = setup.live.directory + "/state.db"
        let rowsBefore = try setup.live.world.readPool.read { try $0.events(after: 0, limit: 10_000) }
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: path))

        let outcome = try setup.runner().run()

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytesBefore)
        #expect(try setup.live.world.readPool.read { try $0.events(after: 0, limit: 10_000) } == rowsBefore)
        #expect(setup.live.facilities == ["refstad"])
        #expect(outcome.refused.isEmpty, "\(outcome.refused)")
        #expect(!outcome.stopped)
        #expect(outcome.progress.injectsDone == setup.scenario.injects.count)
        #expect(outcome.events.allSatisfy { $0.exercise })
        #expect(outcome.progress.alerts > 0 && outcome.progress.runs > 0)
        // The drill is written to meet every expectation (its late head count is the report's, not graded).
        #expect(outcome.results.map(\.met) == Array(repeating: true, count: setup.scenario.expectations.count), "\(outcome.results)")
    }

    @Test func theSameScenarioAtOneTimesAndAtMaximumSpeedWritesTheSameEvents() throws {
        let setup = try Setup()
        // The drill's first arrivals two seconds apart (enough for the elevated level): two real seconds at 1×.
        var short = setup.scenario
        short.injects = Array(short.injects.prefix(2))
        short.injects[1].at = .offset(.seconds(2))
        short.expectations = []
        let fast = try setup.runner(short, speed: .maximum).run()
        let timed = try setup.runner(short, speed: .factor(1)).run()
        let sequence = { (events: [Event]) in events.map { "\($0.type) \($0.subject ?? "")" } }
        #expect(fast.events.contains { $0.type == SurgeEvents.levelChanged.name })
        #expect(sequence(fast.events) == sequence(timed.events))
        #expect(fast.events.map(\.time) == timed.events.map(\.time))
    }

    @Test func aScenarioDatedBeforeTheCopysHistoryIsMovedToStartAfterIt() throws {
        let setup = try Setup()
        var old = setup.scenario
        old.start = .local(try #require(CalendarDate(parsing: "2015-10-12")), secondsOfDay: 8 * 3600)
        old.injects = Array(old.injects.prefix(1))
        old.expectations = []
        let newest = try #require(try setup.live.world.readPool.read { try $0.newestEventTime() })
        let outcome = try setup.runner(old).run()
        #expect(outcome.start == newest.adding(milliseconds: 1000))
        // The setup a second before the start, the first inject at it: none pinned to the copy's newest event.
        #expect(outcome.events.allSatisfy { $0.time >= newest })
        #expect(outcome.events.first { $0.type == CapacityEvents.arrivalRecorded.name }?.time == outcome.start)
    }
}

/// Runs started on their own thread: the live state gets the run's row and its two events,
/// nothing else; a stop ends a run early; a restart marks a run that was running stopped.
@Suite(.serialized) struct ExerciseRunsTests {
    @Test func aRunIsRecordedWhenItStartsAndGradedWhenItEnds() throws {
        let setup = try ExerciseRunnerTests.Setup()
        let live = setup.live.world
        let runs = ExerciseRuns(live: live, livePath: setup.live.directory + "/state.db")
        let seq = live.bus.lastSeq
        let id = try runs.start(setup.scenario, speed: .maximum, configuration: setup.live.configuration, calendar: setup.calendar)
        #expect(waitUntil(timeout: 30) { (try? runs.exercise(id))??.state == .finished })
        let stored = try #require(try runs.exercise(id))
        #expect(stored.injectsDone == setup.scenario.injects.count)
        #expect(stored.results.count == setup.scenario.expectations.count && stored.results.allSatisfy { $0.met })
        let written = try live.readPool.read { try $0.events(after: seq, limit: 100) }
        #expect(written.map(\.type) == [ExerciseEvents.started.name, ExerciseEvents.ended.name])
        #expect(setup.live.facilities == ["refstad"])
    }

    @Test func aStopEndsARunAndARestartMarksARunningOneStopped() throws {
        let setup = try ExerciseRunnerTests.Setup()
        let live = setup.live.world
        let runs = ExerciseRuns(live: live, livePath: setup.live.directory + "/state.db")
        // At real time the drill would take ten hours.
        let id = try runs.start(setup.scenario, speed: .factor(1), configuration: setup.live.configuration, calendar: setup.calendar)
        #expect(runs.stop(id))
        #expect(waitUntil(timeout: 30) { (try? runs.exercise(id))??.state == .stopped })
        #expect(!runs.stop(id))

        // A row left running by a daemon that ended: the next start marks it stopped.
        let interrupted = try runs.start(setup.scenario, speed: .factor(1), configuration: setup.live.configuration, calendar: setup.calendar)
        let afterRestart = ExerciseRuns(live: live, livePath: setup.live.directory + "/state.db")
        try afterRestart.stopInterrupted()
        #expect(try afterRestart.exercise(interrupted)?.state == .stopped)
        // Its thread is still going: stopped, it ends.
        #expect(runs.stop(interrupted))
        #expect(waitUntil(timeout: 30) { !runs.stop(interrupted) })
    }
}
