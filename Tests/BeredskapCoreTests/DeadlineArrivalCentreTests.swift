import Testing

@testable import BeredskapCore

/// The 48-hour arrival-centre stay counts real hours, so across a change to or from summer
/// time in Oslo it ends an hour later or earlier on the wall clock than two days would.
@Suite struct DeadlineArrivalCentreTests {
    private func stay(arrivedAt arrival: String, left: String? = nil) throws -> PersonFacts {
        let calendar = try osloCalendar()
        var milestones: MilestoneTimes = [.arrivedArrivalCentre: MilestoneTime(instant: try #require(Timestamp(rfc3339: arrival)), calendar: calendar)]
        if let left {
            milestones[.leftArrivalCentre] = MilestoneTime(instant: try #require(Timestamp(rfc3339: left)), calendar: calendar)
        }
        return PersonFacts(birth: .date(try date("1990-01-01")), milestones: milestones)
    }

    @Test("Summer time begins: 23:30 CET on 28 March + 48 h is 00:30 CEST on 31 March")
    func springForward() throws {
        let rule = try defaultRule("arrival_centre_stay")
        // 2026-03-28 23:30 CET; summer time begins 29 March at 02:00.
        let facts = try stay(arrivedAt: "2026-03-28T22:30:00Z")
        #expect(facts.milestones[.arrivedArrivalCentre]?.date == (try date("2026-03-28")))
        #expect(try evaluate(rule, facts, on: "2026-03-28").dueDate == (try date("2026-03-31")))
        #expect(try evaluate(rule, facts, on: "2026-03-30").state == .due)
        #expect(try evaluate(rule, facts, on: "2026-03-31").state == .dueSoon)
        #expect(try evaluate(rule, facts, on: "2026-04-01").state == .overdue)
        #expect(try evaluate(rule, facts, on: "2026-03-28").nextChange == (try date("2026-03-31")))
    }

    @Test("Summer time ends: 00:30 CEST on 24 October + 48 h is 23:30 CET on 25 October")
    func fallBack() throws {
        let rule = try defaultRule("arrival_centre_stay")
        // 2026-10-24 00:30 CEST; summer time ends 25 October at 03:00.
        let facts = try stay(arrivedAt: "2026-10-23T22:30:00Z")
        #expect(facts.milestones[.arrivedArrivalCentre]?.date == (try date("2026-10-24")))
        #expect(try evaluate(rule, facts, on: "2026-10-24").dueDate == (try date("2026-10-25")))
        #expect(try evaluate(rule, facts, on: "2026-10-24").state == .due)
        #expect(try evaluate(rule, facts, on: "2026-10-25").state == .dueSoon)
        #expect(try evaluate(rule, facts, on: "2026-10-26").state == .overdue)
    }

    @Test("Leaving on the Oslo day the stay ends is on time, the Oslo day after is late", arguments: [
        // 23:59 CET on 25 October and 00:10 CET on 26 October.
        ("2026-10-25T22:59:00Z", false), ("2026-10-25T23:10:00Z", true),
    ])
    func leavingAcrossMidnight(left: String, late: Bool) throws {
        let evaluation = try evaluate(
            try defaultRule("arrival_centre_stay"), try stay(arrivedAt: "2026-10-23T22:30:00Z", left: left), on: "2026-11-01")
        #expect((evaluation.state, evaluation.late) == (.met, late))
    }

    @Test("A stay known by its day only counts from the start of that day")
    func dayOnly() throws {
        let rule = try defaultRule("arrival_centre_stay")
        func due(_ arrival: String) throws -> CalendarDate? {
            let facts = try person(born: "1990-01-01", [.arrivedArrivalCentre: arrival])
            return try evaluate(rule, facts, on: arrival).dueDate
        }
        // 00:00 CEST on 24 October + 48 h is 23:00 CET on 25 October.
        #expect(try due("2026-10-24") == (try date("2026-10-25")))
        #expect(try due("2026-03-28") == (try date("2026-03-30")))
    }
}
