import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import BeredskapTestSupport
import Foundation
import Synchronization
import Testing

@testable import BeredskapDaemon

/// The deadline engine in a world under a manual clock: one timer at the Oslo midnight of the
/// earliest change, persons read again when a commit changes them, every person evaluated
/// again when the rules change, and the same picture after a restart.
@Suite(.serialized) struct DeadlineEngineTests {
    struct NotCommitted: Error {
        var outcome: String
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }
    static func instant(_ text: String) -> Timestamp { Timestamp(rfc3339: text) ?? Timestamp(millisecondsSinceEpoch: 0) }

    /// An adult who arrived in Norway on `arrived` (TB screening and the health examination apply).
    static func adult(_ number: Int, arrived: String, district: String? = "alna") -> PersonDraft {
        PersonDraft(
            duf: DUFNumber(parsing: String(format: "2026%08d", number)) ?? DUFNumber(parsing: "202600000000")!,
            givenName: "Test", familyName: "Person \(number)", birth: .estimatedYear(1990), sex: .female, category: .asylumSeeker,
            arrivedNorway: Self.day(arrived), district: district)
    }

    @discardableResult
    static func perform<T: Sendable>(_ world: World, _ body: @escaping @Sendable (inout WriteTransaction) throws -> T) throws -> T {
        let result = Mutex<T?>(nil)
        let outcome = world.writer.perform(WriteCommand(actor: People.caseworker.principal) { transaction in
            let value = try body(&transaction)
            result.withLock { $0 = value }
            return CommandReply(status: 200, body: [])
        })
        guard case .committed = outcome, let value = result.withLock({ $0 }) else {
            throw NotCommitted(outcome: "\(outcome)")
        }
        return value
    }

    static func register(_ world: World, _ draft: PersonDraft) throws -> Int64 {
        try perform(world) { try $0.registerPerson(draft).0.id }
    }

    static func record(_ world: World, _ person: Int64, _ milestone: Milestone, on date: String) throws {
        try perform(world) { transaction in
            let event = try transaction.appendEvent(
                PersonEvents.milestoneRecorded, PersonEvents.MilestoneRecorded(person: person, milestone: milestone, date: Self.day(date)),
                subject: "person/\(person)")
            try transaction.recordPersonMilestone(person, PersonMilestone(milestone: milestone, date: Self.day(date)), seq: event.seq)
        }
    }

    static func state(_ world: World, _ person: Int64, _ rule: String) -> DeadlineState? {
        world.deadlines.settle()
        return world.deadlines.read { $0.deadlines(of: person) }?.first { $0.rule == rule }?.state
    }

    static func committed(_ world: World) -> [DeadlineCountKey: Int] {
        (try? world.readPool.read { try $0.deadlineOverdueCounts() }) ?? [:]
    }

    /// TB screening is due 14 days after arrival: from 14 October, due 28 October, due soon from
    /// the 26th (3 days), overdue from the 29th — with summer time ending on 25 October between.
    @Test func aDeadlineTurnsDueSoonThenOverdueAtOsloMidnightAcrossTheChangeFromSummerTime() throws {
        let fixture = try WorldFixture(clock: ManualWallClock(Self.instant("2026-10-20T10:00:00Z")))
        let (world, clock) = (fixture.world, fixture.clock)
        let id = try Self.register(world, Self.adult(1, arrived: "2026-10-14"))
        #expect(waitUntil { Self.state(world, id, "tb_screening") == .due })
        #expect(Self.state(world, id, "school_offer") == .notApplicable)

        // One timer, at the first Oslo midnight after the clocks went back (23:00 UTC, CET).
        let midnight = Self.instant("2026-10-25T23:00:00Z")
        #expect(world.scheduler.dueTime(of: "deadlines/next") == midnight)
        clock.set(midnight.adding(milliseconds: -1))
        world.scheduler.fireDue()
        #expect(Self.state(world, id, "tb_screening") == .due)
        clock.set(midnight)
        world.scheduler.fireDue()
        #expect(Self.state(world, id, "tb_screening") == .dueSoon, "no request in between: the timer")

        let overdue = Self.instant("2026-10-28T23:00:00Z")
        #expect(world.scheduler.dueTime(of: "deadlines/next") == overdue)
        clock.set(overdue)
        world.scheduler.fireDue()
        #expect(Self.state(world, id, "tb_screening") == .overdue)
        #expect(world.deadlines.read { $0.overdueTotal } == 1)
        #expect(waitUntil { Self.committed(world) == [DeadlineCountKey(rule: "tb_screening", district: "alna"): 1] })
    }

    @Test func aMilestoneMeetsItsDeadlineAtOnceAndTheCountFollows() throws {
        let fixture = try WorldFixture(clock: ManualWallClock(Self.instant("2026-11-22T09:00:00Z")))
        let world = fixture.world
        let id = try Self.register(world, Self.adult(1, arrived: "2026-10-01"))
        #expect(waitUntil { Self.state(world, id, "tb_screening") == .overdue })
        #expect(waitUntil { Self.committed(world)[DeadlineCountKey(rule: "tb_screening", district: "alna")] == 1 })
        try Self.record(world, id, .tbScreening, on: "2026-11-21")
        #expect(waitUntil { Self.state(world, id, "tb_screening") == .met })
        #expect(world.deadlines.read { $0.deadlines(of: id) }?.first { $0.rule == "tb_screening" }?.late == true)
        #expect(waitUntil { Self.committed(world).isEmpty })
    }

    @Test func aRuleChangeReEvaluatesEveryoneAtOnce() throws {
        let fixture = try WorldFixture(clock: ManualWallClock(Self.instant("2026-11-22T09:00:00Z")))
        let world = fixture.world
        let ids = try (1...3).map { try Self.register(world, Self.adult($0, arrived: "2026-11-01")) }
        #expect(waitUntil { ids.allSatisfy { Self.state(world, $0, "tb_screening") == .overdue } })

        var longer = fixture.configuration
        let position = try #require(longer.deadlines.rules.firstIndex { $0.rule.id == "tb_screening" })
        longer.deadlines.rules[position].rule.due = .after(.days(30))
        let calendar = try LocalCalendarFixture.calendar(longer.timeZone)
        world.reconfigure(from: fixture.configuration, to: longer, calendar: calendar)
        #expect(ids.allSatisfy { Self.state(world, $0, "tb_screening") == .due })
        #expect(world.deadlines.read { $0.deadlines(of: ids[0]) }?.first { $0.rule == "tb_screening" }?.dueDate == Self.day("2026-12-01"))

        var without = longer
        without.deadlines.rules[position].enabled = false
        world.reconfigure(from: longer, to: without, calendar: calendar)
        #expect(ids.allSatisfy { Self.state(world, $0, "tb_screening") == nil })
    }

    @Test func anErasureDropsThePersonFromTheListsAndTheCountsStayRight() throws {
        let fixture = try WorldFixture(clock: ManualWallClock(Self.instant("2026-11-22T09:00:00Z")))
        let world = fixture.world
        let erased = try Self.register(world, Self.adult(1, arrived: "2026-10-01"))
        let kept = try Self.register(world, Self.adult(2, arrived: "2026-10-01"))
        let elsewhere = try Self.register(world, Self.adult(3, arrived: "2026-10-01", district: "grorud"))
        #expect(waitUntil { Self.committed(world)[DeadlineCountKey(rule: "tb_screening", district: "alna")] == 2 })

        try Self.perform(world) { transaction in
            let event = try transaction.appendEvent(PersonEvents.erased, PersonEvents.Erased(person: erased), subject: "person/\(erased)")
            try transaction.erasePerson(erased, on: Self.day("2026-11-22"), reason: "art. 17", seq: event.seq)
        }
        #expect(waitUntil { Self.committed(world)[DeadlineCountKey(rule: "tb_screening", district: "alna")] == 1 })
        world.deadlines.settle()
        let listed = world.deadlines.read { $0.entries(DeadlineBook.Filter(states: [.overdue])).entries.map(\.person) }
        #expect(Set(listed) == [kept, elsewhere])
        let summary = world.deadlines.read { $0.summary() }.filter { $0.rule == "tb_screening" }
        #expect(summary.map(\.district) == ["alna", "grorud"])
        #expect(summary.map(\.counts.overdue) == [1, 1])
        #expect(Self.committed(world)[DeadlineCountKey(rule: "tb_screening", district: "grorud")] == 1)
    }

    @Test func aRestartRebuildsTheSamePicture() throws {
        let clock = ManualWallClock(Self.instant("2026-11-22T09:00:00Z"))
        let fixture = try WorldFixture(clock: clock)
        let world = fixture.world
        for number in 1...20 {
            let id = try Self.register(world, Self.adult(number, arrived: "2026-0\(number % 9 + 1)-1\(number % 10)", district: number % 3 == 0 ? nil : "alna"))
            if number % 4 == 0 { try Self.record(world, id, .healthExam, on: "2026-11-20") }
        }
        #expect(waitUntil { world.deadlines.read { $0.personCount } == 20 })
        world.deadlines.settle()
        let before = world.deadlines.read { ($0.entries(DeadlineBook.Filter(states: Set(DeadlineState.allCases), limit: 1000)).entries, $0.overdueCounts()) }
        #expect(waitUntil { Self.committed(world) == before.1 })
        let next = world.scheduler.dueTime(of: "deadlines/next")
        world.stop()
        world.close()

        var store = Database.Configuration(directory: fixture.directory)
        store.fileName = "state.db"
        let calendar = try LocalCalendarFixture.calendar(fixture.configuration.timeZone)
        let again = try World(configuration: fixture.configuration, calendar: calendar, clock: clock, store: store, timers: .manual)
        again.start()
        defer {
            again.stop()
            again.close()
        }
        let after = again.deadlines.read { ($0.entries(DeadlineBook.Filter(states: Set(DeadlineState.allCases), limit: 1000)).entries, $0.overdueCounts()) }
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(again.scheduler.dueTime(of: "deadlines/next") == next)
    }
}
