import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// The surge level: raised by arrivals, lowered by time, kept across restarts.
@Suite(.serialized) struct SurgeAPITests {
    /// A 500-place transit centre and a 100-place ordinary facility.
    static func facilities(_ ops: Session) throws {
        #expect(try ops.putFacility("refstad", ["capacity": 500]).status == 201)
        #expect(try ops.putFacility("torshov", ["kind": "ordinary", "district": "sagene", "capacity": 100]).status == 201)
    }

    static func levelChanges(_ ops: Session) throws -> [JSONValue] { try ops.events("surge.level_changed") }

    @Test func arrivalsRaiseTheLevelStepByStepAndTimeLowersIt() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try Self.facilities(ops)
        try ops.arrive("torshov", 10)
        try ops.depart("torshov", 10)
        try ops.arrive("refstad", 29)
        try ops.settle()
        #expect(ops.surgeLevel() == "normal")  // 39 in 24 hours
        #expect(try Self.levelChanges(ops).isEmpty)

        try ops.arrive("refstad", 1)
        #expect(ops.waitForSurgeLevel("elevated"))
        try ops.arrive("refstad", 60)
        #expect(ops.waitForSurgeLevel("high"))
        let changes = try Self.levelChanges(ops)
        #expect(changes.map { $0["data"]?["from"]?.stringValue } == ["normal", "elevated"])
        #expect(changes.map { $0["data"]?["to"]?.stringValue } == ["elevated", "high"])
        #expect(changes.map { $0["data"]?["reason"]?.stringValue } == ["arrivals_24h 40 ≥ 40", "arrivals_24h 100 ≥ 100"])
        #expect(changes.allSatisfy { $0["subject"]?.stringValue == "city" })

        let surge = try ops.get("/v1/surge")
        #expect(surge["level"]?.stringValue == "high")
        #expect(surge["since"]?.stringValue == harness.clock.now().rfc3339)
        #expect(surge["reason"]?.stringValue == "arrivals_24h 100 ≥ 100")
        #expect(surge["arrivals_24h"]?.intValue == 100)
        #expect(surge["arrivals_7d"]?.intValue == 100)
        #expect(surge["baseline_per_day"]?.doubleValue == 0)
        #expect(surge["ratio"]?.isNull == true)
        // 90 net in 7 days into 410 free transit places; the ordinary facility is not filling.
        #expect(surge["forecast"]?["transit"] == ["days_to_full": 31.9, "net_per_day": 12.86, "free": 410])
        #expect(surge["forecast"]?["ordinary"]?["days_to_full"]?.isNull == true)
        #expect(surge["forecast"]?["ordinary"]?["net_per_day"]?.doubleValue == 0)
        #expect(surge["forecast"]?["ordinary"]?["free"]?.intValue == 100)
        #expect(try ops.get("/v1/status")["surge_level"]?.stringValue == "high")

        // The daemon wakes when the oldest arrivals leave the 24-hour window, not before.
        let scheduler = harness.daemon.services.scheduler
        #expect(scheduler.dueTime(of: SurgeMonitor.scheduleKey) == Timestamp(rfc3339: "2026-11-23T09:00:00Z"))
        let records = try ops.events("arrival.").count + ops.events("departure.").count
        harness.advance(hours: 25)
        scheduler.fireDue()
        #expect(ops.waitForSurgeLevel("normal"))
        let fallen = try #require(Self.levelChanges(ops).dropFirst(2).first)
        #expect(fallen["data"]?["from"]?.stringValue == "high")
        #expect(fallen["data"]?["to"]?.stringValue == "normal")
        #expect(fallen["data"]?["reason"]?.isNull == true)
        #expect(fallen["data"]?["arrivals_24h"]?.intValue == 0)
        #expect(try ops.events("arrival.").count + ops.events("departure.").count == records)
        let after = try ops.get("/v1/surge")
        #expect(after["arrivals_24h"]?.intValue == 0)
        #expect(after["arrivals_7d"]?.intValue == 100)
        #expect(after["reason"]?.isNull == true)
        #expect(after["since"]?.stringValue == harness.clock.now().rfc3339)
        let systemEntries = try ops.get("/v1/log")["entries"]?.arrayValue?.filter { $0["source"]?.stringValue == "system" }
        #expect(systemEntries?.count == 3)
    }

    /// An arrival may be dated up to five minutes ahead; when that is in the next hour, the
    /// figures change at the start of that hour though no window moves.
    @Test func anArrivalDatedInTheNextHourCountsWhenThatHourComes() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try Self.facilities(ops)
        harness.clock.advance(seconds: 58 * 60)
        try ops.arrive("refstad", 39)
        #expect(try ops.arrive("refstad", 1, ["at": "2026-11-22T10:02:00Z"]).status == 201)
        try ops.settle()
        #expect(ops.surgeLevel() == "normal")
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 39)

        harness.clock.advance(seconds: 150)
        harness.daemon.services.scheduler.fireDue()
        #expect(try ops.get("/v1/surge")["arrivals_24h"]?.intValue == 40)
        #expect(ops.waitForSurgeLevel("elevated"))
    }

    @Test func aLargeSurgeGoesStraightToTheHighestLevelReached() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try Self.facilities(ops)
        try ops.arrive("refstad", 260)
        #expect(ops.waitForSurgeLevel("crisis"))
        try ops.settle()
        let changes = try Self.levelChanges(ops)
        #expect(changes.count == 1)
        #expect(changes.first?["data"]?["from"]?.stringValue == "normal")
        #expect(changes.first?["data"]?["to"]?.stringValue == "crisis")
        #expect(changes.first?["data"]?["reason"]?.stringValue == "arrivals_24h 260 ≥ 250")
        #expect(try ops.get("/v1/status")["surge_level"]?.stringValue == "crisis")
    }

    @Test func transfersAreNotArrivalsToTheCityButMovePeopleBetweenKinds() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try Self.facilities(ops)
        try ops.arrive("refstad", 30)
        try ops.depart("refstad", 30, ["reason": "transferred", "to": "torshov"])
        try ops.settle()
        let surge = try ops.get("/v1/surge")
        #expect(surge["level"]?.stringValue == "normal")  // 60 if the transfer counted
        #expect(surge["arrivals_24h"]?.intValue == 30)
        #expect(surge["forecast"]?["transit"]?["days_to_full"]?.isNull == true)
        #expect(surge["forecast"]?["ordinary"] == ["days_to_full": 16.3, "net_per_day": 4.29, "free": 70])
        #expect(try Self.levelChanges(ops).isEmpty)
    }

    @Test func aRestartKeepsTheLevelAndFiguresAndAnnouncesNothingTwice() throws {
        let daemons = try RestartableDaemon()
        var ops = try daemons.session(as: People.operatorByGroup)
        try Self.facilities(ops)
        try ops.arrive("refstad", 120)
        #expect(ops.waitForSurgeLevel("high"))
        let before = try ops.get("/v1/surge")

        try daemons.restart()
        ops = try daemons.session(as: People.operatorByGroup)
        #expect(try ops.get("/v1/surge") == before)
        try ops.settle()
        #expect(try Self.levelChanges(ops).count == 1)
        #expect(try ops.events("daemon.started").count == 2)

        // A surge that passed while the daemon was stopped is noticed when it starts.
        daemons.stop()
        daemons.harness.advance(hours: 25)
        try daemons.start()
        ops = try daemons.session(as: People.operatorByGroup)
        #expect(ops.waitForSurgeLevel("normal"))
        try ops.settle()
        let changes = try Self.levelChanges(ops)
        #expect(changes.map { $0["data"]?["to"]?.stringValue } == ["high", "normal"])
        #expect(try ops.get("/v1/surge")["arrivals_7d"]?.intValue == 120)
    }
}
