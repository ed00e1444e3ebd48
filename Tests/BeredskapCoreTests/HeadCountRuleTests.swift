import Testing
@testable import BeredskapCore

private let oslo = LocalCalendar(identifier: "Europe/Oslo")!

/// The instant `hours` after Oslo midnight starting `day` (`2026-11-20`).
private func time(_ day: String, hours: Int64 = 12) throws -> Timestamp {
    oslo.startOfDay(try date(day)).adding(milliseconds: hours * HourlyCounts.millisecondsPerHour)
}

private func days(_ first: String, _ last: String) throws -> [DateBucket] {
    oslo.buckets(from: try date(first), through: try date(last), size: .day)
}

private func history(_ inputs: [OccupancyHistory.Input], _ buckets: [DateBucket]) -> OccupancyHistory {
    OccupancyHistory(inputs, dayEnds: buckets.map(\.endInstant))
}

/// The rule's figure after `facts`, from `opening`, unclamped: the order the rule applies them in.
private func occupancy(opening: Int, after facts: [OccupancyFact]) -> Int {
    facts.sorted(by: HeadCountRule.applies).reduce(opening, HeadCountRule.apply)
}

@Suite struct HeadCountRuleTests {
    @Test("Records dated after a head count add to it; at its own instant they are inside it")
    func theRule() throws {
        let count = try time("2026-11-20")
        let facts = [
            OccupancyFact(at: count.adding(milliseconds: 1), .flow(5)),
            OccupancyFact(at: count, .flow(7)),
            OccupancyFact(at: count, .headCount(40), order: 3),
            OccupancyFact(at: count.adding(milliseconds: -1), .flow(-3)),
        ]
        #expect(occupancy(opening: 10, after: facts) == 45)
        // Two counts at one instant: the one recorded later counts.
        let twice = facts + [OccupancyFact(at: count, .headCount(30), order: 2)]
        #expect(occupancy(opening: 0, after: twice) == 45)
        #expect(occupancy(opening: 0, after: twice + [OccupancyFact(at: count, .headCount(20), order: 9)]) == 25)
        #expect(occupancy(opening: 4, after: []) == 4)
        #expect(HeadCountRule.shown(-3) == 0)
    }

    /// Issue 18: a week of arrivals between two head counts used to leave the line flat and
    /// jump on the day of the next count.
    @Test("Each day ends at what the rule gives then, so records between head counts move the line day by day")
    func recordsBetweenHeadCounts() throws {
        var facts = [OccupancyFact(at: try time("2026-11-20", hours: 8), .headCount(100), order: 1)]
        for day in 21...25 { facts.append(OccupancyFact(at: try time("2026-11-\(day)"), .flow(10))) }
        facts.append(OccupancyFact(at: try time("2026-11-26"), .flow(-5)))
        facts.append(OccupancyFact(at: try time("2026-11-27", hours: 8), .headCount(140), order: 2))
        let result = history([OccupancyHistory.Input(opening: 0, facts: facts)], try days("2026-11-19", "2026-11-27"))
        #expect(result.facilities[0].map(\.occupied) == [0, 100, 110, 120, 130, 140, 150, 145, 140])
        #expect(result.facilities[0].map(\.peak) == [0, 100, 110, 120, 130, 140, 150, 150, 145])
        #expect(result.total == result.facilities[0])
    }

    @Test("A record entered late lands on the day it is dated, and one dated before the last count changes nothing after it")
    func backdatedRecords() throws {
        let facts = [
            OccupancyFact(at: try time("2026-11-21"), .headCount(50), order: 1),
            // Typed in on the 23rd, dated the 22nd.
            OccupancyFact(at: try time("2026-11-22", hours: 20), .flow(8)),
            // Dated before the count: the count included them.
            OccupancyFact(at: try time("2026-11-21", hours: 9), .flow(4)),
        ]
        let result = history([OccupancyHistory.Input(opening: 30, facts: facts)], try days("2026-11-21", "2026-11-23"))
        #expect(result.facilities[0].map(\.occupied) == [50, 58, 58])
        #expect(result.facilities[0].first?.peak == 50)
    }

    @Test("Oslo days are 23 and 25 hours long when summer time starts and ends", arguments: [
        ("2026-03-29", 23), ("2026-10-25", 25),
    ])
    func summerTimeDays(day: String, hours: Int64) throws {
        let first = try date(day)
        // Just before and just after the end of the day of the change.
        let end = oslo.startOfDay(first.adding(days: 1))
        #expect(end.milliseconds(since: oslo.startOfDay(first)) == hours * HourlyCounts.millisecondsPerHour)
        let facts = [
            OccupancyFact(at: end.adding(milliseconds: -60_000), .flow(3)),
            OccupancyFact(at: end, .flow(4)),
        ]
        let buckets = oslo.buckets(from: first, through: first.adding(days: 1), size: .day)
        let result = history([OccupancyHistory.Input(opening: 0, facts: facts)], buckets)
        #expect(result.facilities[0].map(\.occupied) == [3, 7])
    }

    @Test("The total's peak is the highest the sum reached at one instant, not the sum of peaks at different times")
    func totalPeak() throws {
        let refstad = OccupancyHistory.Input(opening: 100, facts: [
            OccupancyFact(at: try time("2026-11-22", hours: 9), .flow(50)), OccupancyFact(at: try time("2026-11-22", hours: 10), .flow(-50)),
        ])
        let torshov = OccupancyHistory.Input(opening: 100, facts: [
            OccupancyFact(at: try time("2026-11-22", hours: 11), .flow(40)), OccupancyFact(at: try time("2026-11-22", hours: 20), .flow(-40)),
        ])
        let result = history([refstad, torshov], try days("2026-11-22", "2026-11-22"))
        #expect(result.facilities.map { $0[0].peak } == [150, 140])
        #expect(result.total == [OccupancyHistory.Day(occupied: 200, peak: 250)])
    }

    @Test("Facts at one instant happen together: no peak from a figure in between")
    func oneInstant() throws {
        let at = try time("2026-11-22")
        let facts = [OccupancyFact(at: at, .flow(500)), OccupancyFact(at: at, .headCount(120), order: 1)]
        let result = history([OccupancyHistory.Input(opening: 100, facts: facts)], try days("2026-11-22", "2026-11-22"))
        #expect(result.facilities[0] == [OccupancyHistory.Day(occupied: 120, peak: 120)])
    }

    @Test("More departures than anyone counted show as nobody, and later arrivals count from the rule's figure")
    func negativeFigures() throws {
        let facts = [
            OccupancyFact(at: try time("2026-11-22", hours: 9), .flow(-8)), OccupancyFact(at: try time("2026-11-23", hours: 9), .flow(5)),
        ]
        let result = history([OccupancyHistory.Input(opening: 0, facts: facts)], try days("2026-11-22", "2026-11-23"))
        #expect(result.facilities[0].map(\.occupied) == [0, 0])
        #expect(occupancy(opening: 0, after: facts) == -3)
    }
}
