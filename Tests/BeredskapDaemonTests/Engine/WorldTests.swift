import BeredskapSQLite
import BeredskapAPI
import BeredskapCore
import BeredskapStore
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// A world in a temporary directory of its own, with no action cards and timers that fire
/// only by hand; stopped, closed and removed when the test lets go of it.
final class WorldFixture {
    let directory = "/tmp/bw-\(UUID().uuidString.prefix(8))"
    let clock: ManualWallClock
    let configuration: DaemonConfiguration
    let world: World

    /// - Parameters:
    ///   - fileName: the database file in the directory.
    ///   - playbooks: the action cards' directory; nil for none.
    init(clock: ManualWallClock = ManualWallClock(), fileName: String = "state.db", playbooks: String? = nil) throws {
        self.clock = clock
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        configuration.playbooks.directory = playbooks ?? directory + "/playbooks"
        self.configuration = configuration
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var store = Database.Configuration(directory: directory)
        store.fileName = fileName
        DaemonLog.setQuiet(true)
        let calendar = try #require(LocalCalendar(identifier: configuration.timeZone))
        world = try World(configuration: configuration, calendar: calendar, clock: clock, store: store, timers: .manual)
        world.start()
    }

    deinit {
        world.stop()
        world.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Creates a facility if needed and records arrivals there, as the routes do, through the writer.
    func arrive(_ people: Int, at facility: String, capacity: Int = 500) throws {
        let calendar = try #require(LocalCalendar(identifier: configuration.timeZone))
        let settings = configuration.capacity
        let recording = FlowRecording(settings: settings, calendar: calendar, language: .en)
        let outcome = world.writer.perform(WriteCommand(actor: People.root.principal) { transaction in
            if try transaction.connection.facility(facility) == nil {
                let definition = FacilityDefinition(
                    name: facility, kind: .transit, status: .open, operatorName: "Oslo kommune", district: nil,
                    authority: .municipality, capacity: capacity)
                _ = try FacilityChange.apply(
                    id: facility, definition: definition, override: nil, existing: nil, settings: settings, calendar: calendar,
                    in: &transaction)
            }
            _ = try recording.recordArrival(ArrivalBody(facility: facility, count: people, category: .adult), in: &transaction)
            return CommandReply(status: 201, body: [])
        })
        guard case .committed = outcome else {
            Issue.record("the arrivals were not recorded: \(outcome)")
            return
        }
    }

    var openAlerts: [StoredAlert] { (try? world.readPool.read { try $0.openAlerts() }) ?? [] }

    var facilities: [String] { (try? world.readPool.read { try $0.facilities().map(\.id) }) ?? [] }
}

/// A world opened in process, with no socket and under a manual clock: records written
/// through its writer reach its engines, its timers fire only when told, and two worlds on
/// two files share nothing.
@Suite(.serialized) struct WorldTests {
    @Test func arrivalsThroughTheWriterRaiseTheSurgeLevelAndOpenAnAlertThatFiresWhenItsClockIsDue() throws {
        let fixture = try WorldFixture()
        let (world, clock) = (fixture.world, fixture.clock)
        #expect(world.surge.snapshot().state.level == .normal)

        // 96 of 100 places: above the warning (0.85), held for `for` (10 minutes) before firing.
        try fixture.arrive(96, at: "refstad", capacity: 100)
        #expect(waitUntil { world.surge.snapshot().state.level == .elevated })
        #expect(waitUntil { fixture.openAlerts.contains { $0.key.rule == "facility_utilization" } })
        let pending = try #require(fixture.openAlerts.first { $0.key.rule == "facility_utilization" })
        #expect(pending.lifecycle.state == .pending)
        #expect(pending.key.subject == "facility/refstad")
        let due = try #require(world.scheduler.dueTime(of: "alert/\(pending.id)"))
        #expect(due == clock.now().adding(milliseconds: 600_000))

        // Manual timers: nothing fires until the clock's owner says so.
        clock.set(due)
        #expect(fixture.openAlerts.first { $0.id == pending.id }?.lifecycle.state == .pending)
        world.scheduler.fire(until: due)
        #expect(waitUntil { fixture.openAlerts.first { $0.id == pending.id }?.lifecycle.state == .firing })
    }

    @Test func twoWorldsOnTwoFilesShareNothing() throws {
        let liveFixture = try WorldFixture()
        // An exercise's world: another database file, a clock of its own a day ahead.
        let exerciseFixture = try WorldFixture(
            clock: ManualWallClock(liveFixture.clock.now().adding(milliseconds: 86_400_000)), fileName: "exercise.db")
        let (live, exercise) = (liveFixture.world, exerciseFixture.world)
        let (liveClock, exerciseClock) = (liveFixture.clock, exerciseFixture.clock)
        let exerciseSeq = exercise.bus.lastSeq

        try liveFixture.arrive(120, at: "refstad")
        #expect(waitUntil { live.surge.snapshot().state.level == .high })
        try exerciseFixture.arrive(45, at: "torshov")
        #expect(waitUntil { exercise.surge.snapshot().state.level == .elevated })

        #expect(live.surge.snapshot().figures.arrivals24h == 120)
        #expect(exercise.surge.snapshot().figures.arrivals24h == 45)
        #expect(exercise.bus.lastSeq > exerciseSeq)
        #expect(liveFixture.facilities == ["refstad"])
        #expect(exerciseFixture.facilities == ["torshov"])
        // Each world's engine looks at its own clock: the exercise's window ends a day later.
        #expect(live.scheduler.dueTime(of: SurgeMonitor.scheduleKey) == liveClock.now().adding(milliseconds: 86_400_000))
        #expect(exercise.scheduler.dueTime(of: SurgeMonitor.scheduleKey) == exerciseClock.now().adding(milliseconds: 86_400_000))
        #expect(FileManager.default.fileExists(atPath: exerciseFixture.directory + "/exercise.db"))
        #expect(!FileManager.default.fileExists(atPath: exerciseFixture.directory + "/state.db"))
    }
}
