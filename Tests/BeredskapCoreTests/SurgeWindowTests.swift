import Testing
@testable import BeredskapCore

/// "Now" in these tests: 2026-11-22 09:30 UTC, in hour `nowHour`.
private let nowHour = epochDay(2026, 11, 22) * 24 + 9
private let now = instant(hour: nowHour, minutes: 30)

private func hoursAgo(_ hours: Int64, minutes: Int64 = 0) -> Timestamp {
    instant(hour: nowHour - hours, minutes: minutes)
}

/// A window at `now` with arrivals (count, hours ago) recorded.
private func window(
    _ arrivals: [(Int, Int64)], kind: FacilityKind = .arrival, transfer: Bool = false,
    recentDays: Int = 7, baselineDays: Int = 28, forecastDays: Int = 7
) -> SurgeWindow {
    var window = SurgeWindow(now: now, recentDays: recentDays, baselineDays: baselineDays, forecastDays: forecastDays)
    for (count, ago) in arrivals {
        window.recordArrival(count: count, kind: kind, at: hoursAgo(ago, minutes: 59), transfer: transfer)
    }
    return window
}

/// The instants `nextChange` wakes at from `start` on, calling `visit` at each; at most
/// `limit` of them, so that a window that never settles fails the test instead of hanging it.
private func wakeUps(_ surge: inout SurgeWindow, from start: Timestamp, limit: Int = 100,
                     _ visit: (inout SurgeWindow, Timestamp) -> Void = { _, _ in }) -> [Timestamp] {
    var instants: [Timestamp] = []
    var moment = start
    while let next = surge.nextChange(after: moment), instants.count < limit {
        #expect(next > moment)
        instants.append(next)
        visit(&surge, next)
        moment = next
    }
    return instants
}

@Suite struct SurgeWindowTests {
    /// One arrival record at each window edge (count, hours ago).
    static let edges: [(Int, Int64)] = [(5, 0), (3, 23), (2, 24), (4, 167), (7, 168), (14, 839), (100, 840)]

    @Test("The figures count the current hour and 23 before, the last 7 days, and the 28 days before those as a mean per day")
    func figuresAtNow() {
        var surge = window(Self.edges)
        #expect(surge.figures(at: now) == SurgeFigures(arrivals24h: 8, arrivals7d: 14, baselinePerDay: 21.0 / 28))
    }

    @Test("An hour later every window has moved by exactly one hour")
    func figuresAnHourLater() {
        var surge = window(Self.edges)
        // Hour 23 ago leaves the 24 h window, hour 167 ago moves into the baseline, hour 839 ago leaves it.
        #expect(surge.figures(at: instant(hour: nowHour + 1)) == SurgeFigures(arrivals24h: 5, arrivals7d: 10, baselinePerDay: 11.0 / 28))
    }

    @Test("Shorter recent and baseline windows are honoured, and windows shorter than a day are taken as a day")
    func customWindows() {
        var short = window([(1, 47), (2, 48), (4, 119), (8, 120)], recentDays: 2, baselineDays: 3)
        #expect(short.figures(at: now) == SurgeFigures(arrivals24h: 0, arrivals7d: 1, baselinePerDay: 2))
        let clamped = SurgeWindow(now: now, recentDays: 0, baselineDays: -3, forecastDays: 0)
        #expect([clamped.recentDays, clamped.baselineDays, clamped.forecastDays] == [1, 1, 1])
    }

    @Test("Transfers are left out of the surge figures but count in the per-kind flows")
    func transfersAreNotArrivals() {
        var surge = window([(40, 1)], kind: .transit, transfer: true)
        surge.recordArrival(count: 14, kind: .arrival, at: now, transfer: false)
        #expect(surge.figures(at: now) == SurgeFigures(arrivals24h: 14, arrivals7d: 14, baselinePerDay: 0))
        #expect(surge.netInflowPerDay(at: now) == [.transit: 40.0 / 7, .arrival: 2])
    }

    @Test("Net inflow per day is arrivals less departures over the forecast window, for kinds with arrivals in it")
    func netInflow() {
        var surge = window([(35, 1), (35, 167), (1, 168)], kind: .transit)
        surge.recordDeparture(count: 14, kind: .transit, at: hoursAgo(2))
        surge.recordDeparture(count: 50, kind: .transit, at: hoursAgo(168))
        surge.recordArrival(count: 3, kind: .careCentre, at: now, transfer: false)
        surge.recordDeparture(count: 10, kind: .careCentre, at: now)
        surge.recordDeparture(count: 9, kind: .ordinary, at: now)
        #expect(surge.netInflowPerDay(at: now) == [.transit: 8, .careCentre: -1])
    }

    @Test("Net inflow uses a configured forecast window and forgets arrivals that have left it")
    func netInflowForgets() {
        var surge = window([(6, 47), (100, 48)], kind: .emergency, forecastDays: 2)
        #expect(surge.netInflowPerDay(at: now) == [.emergency: 3])
        #expect(surge.netInflowPerDay(at: instant(hour: nowHour + 1)) == [:])
    }

    @Test("nextChange is nil when no arrival is in any window")
    func nextChangeWhenEmpty() {
        #expect(window([]).nextChange(after: now) == nil)
        #expect(window([(40, 0)], kind: .transit, transfer: true).nextChange(after: now) == nil)
        #expect(window([(40, 0)]).nextChange(after: instant(hour: nowHour + 840)) == nil)
    }

    @Test("nextChange walks the hour boundaries where an hour leaves the 24 h window, enters the baseline and leaves it; the figures change exactly there")
    func nextChangeWalk() {
        var surge = window([(9, 0)])
        let instants = wakeUps(&surge, from: now)
        #expect(instants == [24, 168, 840].map { instant(hour: nowHour + $0) })
        for wakeUp in instants {
            #expect(surge.figures(at: wakeUp.adding(milliseconds: -1)) != surge.figures(at: wakeUp))
        }
    }

    @Test("nextChange picks the earliest boundary over all hours and never returns the instant it is asked after")
    func nextChangeEarliest() {
        let surge = window([(1, 100), (1, 10)])
        #expect(surge.nextChange(after: now) == instant(hour: nowHour + 14))
        #expect(surge.nextChange(after: instant(hour: nowHour + 14)) == instant(hour: nowHour + 68))
        #expect(surge.nextChange(after: instant(hour: nowHour + 67, minutes: 59)) == instant(hour: nowHour + 68))
    }

    @Test("A surge that stops falls back to normal at the wake-ups nextChange gives, without polling")
    func levelFallsAtWakeUps() {
        var surge = window((0..<12).map { (25, $0) })
        let machine = SurgeLevelMachine(thresholds: SurgeThresholds())
        var level = machine.next(from: .normal, figures: surge.figures(at: now)).level
        #expect(level == .crisis)
        var changes: [(Int64, SurgeLevel)] = []
        let instants = wakeUps(&surge, from: now) { surge, moment in
            let fallen = machine.next(from: level, figures: surge.figures(at: moment)).level
            if fallen != level { changes.append((HourlyCounts.hour(of: moment) - nowHour, fallen)) }
            level = fallen
        }
        #expect(instants.count == 36)
        #expect(changes.map(\.0) == [17, 22, 23])
        #expect(changes.map(\.1) == [.high, .elevated, .normal])
    }
}
