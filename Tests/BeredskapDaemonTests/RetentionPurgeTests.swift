import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// The retention purge: persons with no activity for `privacy.retention_years` are erased at
/// night by a timer, as an administrator's erasure would; activity keeps a person; 0 is off.
@Suite(.serialized) struct RetentionPurgeTests {
    static let day: Int64 = 86_400

    func erased(_ session: Session, _ id: Int64) throws -> Bool {
        try session.send("GET", "/v1/persons/\(id)").json["erased"] == true
    }

    @Test func personsInactiveLongerThanTheRetentionAreErasedAtNight() throws {
        let harness = try DaemonHarness { $0.privacy.retentionYears = 3 }
        let caseworker = try Session(harness, as: People.caseworker)
        let idle = try PersonAPITests.register(caseworker, PersonAPITests.body(["duf": "202600000001"]))
        let active = try PersonAPITests.register(caseworker, PersonAPITests.body(["duf": "202600000002"]))
        harness.clock.advance(seconds: 400 * Self.day)
        _ = try caseworker.post("/v1/persons/\(active)/milestones", ["milestone": "tb_screening", "date": "2026-11-23"])
        _ = try caseworker.send("GET", "/v1/persons/\(idle)")
        harness.clock.advance(seconds: 400 * Self.day)
        let scheduler = harness.daemon.services.scheduler
        let next = try #require(scheduler.dueTime(of: RetentionPurge.scheduleKey))
        #expect(harness.daemon.services.settings.calendar.wallClock(next).secondsOfDay == RetentionPurge.runsAt, "03:30 Oslo")
        scheduler.fireDue()
        try Session(harness).settle()
        #expect(try !erased(caseworker, idle), "800 days: not yet three years (and a read is no activity)")
        harness.clock.advance(seconds: 340 * Self.day)
        scheduler.fireDue()
        try Session(harness).settle()
        #expect(try erased(caseworker, idle), "1140 days without activity")
        #expect(try !erased(caseworker, active), "a milestone 740 days ago")
        let event = try caseworker.events("person.erased").last
        #expect(event?["data"] == ["person": .integer(idle), "retention": true])
        #expect(event?["actor"]?["user"] != "nav-alna", "the daemon erased them")
    }

    @Test func zeroYearsTurnsThePurgeOff() throws {
        let harness = try DaemonHarness { $0.privacy.retentionYears = 0 }
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker)
        harness.clock.advance(seconds: 40 * 365 * Self.day)
        harness.daemon.services.scheduler.fireDue()
        try Session(harness).settle()
        #expect(try !erased(caseworker, id))
    }

    @Test func theCutoffIsThatDayYearsBackInOslo() throws {
        let calendar = try #require(LocalCalendar(identifier: "Europe/Oslo"))
        let now = try #require(Timestamp(rfc3339: "2028-02-29T12:00:00Z"))
        #expect(RetentionPurge.cutoff(now: now, years: 5, calendar: calendar) == Timestamp(rfc3339: "2023-02-27T23:00:00Z"))
        #expect(RetentionPurge.cutoff(now: now, years: 0, calendar: calendar) == nil)
        let evening = try #require(Timestamp(rfc3339: "2026-12-03T03:00:00Z"))
        #expect(RetentionPurge.nextRun(after: evening, calendar: calendar) == Timestamp(rfc3339: "2026-12-04T02:30:00Z"))
    }
}
