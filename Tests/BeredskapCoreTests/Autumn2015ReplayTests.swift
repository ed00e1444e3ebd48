import Testing
@testable import BeredskapCore

/// Arrivals to Oslo's facilities through an autumn like 2015's, per UTC hour: five quiet weeks
/// of 9–13 a day, a rise through September and October to 240–320 a day in mid-November, and
/// a fall after the border controls of 26 November back to about 12 a day by the new year.
enum Autumn2015 {
    /// Mean arrivals per day, linear between these days.
    static let trend: [(day: Int64, perDay: Double)] = [
        (epochDay(2015, 7, 27), 11), (epochDay(2015, 8, 31), 11),
        (epochDay(2015, 9, 30), 60), (epochDay(2015, 10, 31), 200),
        (epochDay(2015, 11, 15), 280), (epochDay(2015, 11, 25), 280),
        (epochDay(2015, 12, 10), 60), (epochDay(2015, 12, 31), 12), (epochDay(2016, 1, 31), 11),
    ]
    /// The swing from day to day (±15 %), Monday first; 27 July 2015 was a Monday.
    static let weekday = [1.0, 1.15, 1.1, 1.05, 0.95, 0.85, 0.9]
    /// How a day's arrivals spread over its UTC hours: none at night, most around midday.
    static let hourWeights = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1]

    static let firstHour = trend[0].day * 24
    static let endHour = (trend[trend.count - 1].day + 1) * 24

    static func arrivals(onDay day: Int64) -> Int {
        guard let upper = trend.firstIndex(where: { $0.day >= day }), upper > 0 else { return Int(trend[0].perDay) }
        let (from, to) = (trend[upper - 1], trend[upper])
        let perDay = from.perDay + (to.perDay - from.perDay) * Double(day - from.day) / Double(to.day - from.day)
        return Int((perDay * weekday[Int((day - trend[0].day) % 7)]).rounded())
    }

    /// One hour's share of its day, rounded so that a day's hours add up to the day exactly.
    static func arrivals(inHour hour: Int64) -> Int {
        let day = Timestamp.floorDivide(hour, 24)
        let total = arrivals(onDay: day)
        let index = Int(hour - day * 24)
        let before = hourWeights[..<index].reduce(0, +)
        let share = { (weight: Int) in Int((Double(total * weight) / Double(hourWeights.reduce(0, +))).rounded()) }
        return share(before + hourWeights[index]) - share(before)
    }
}

struct ReplayStep {
    var hour: Int64
    var level: SurgeLevel
    var reason: String?
    var figures: SurgeFigures
}

/// Feeds the series hour by hour on a manual clock through a window and the level machine,
/// carrying the level; `quietHour` gets no arrivals.
func replayAutumn2015(thresholds: SurgeThresholds = SurgeThresholds(), quietHour: Int64? = nil) -> [ReplayStep] {
    let clock = ManualWallClock(instant(hour: Autumn2015.firstHour, minutes: 30))
    var window = SurgeWindow(now: clock.now())
    let machine = SurgeLevelMachine(thresholds: thresholds)
    var level = SurgeLevel.normal
    var steps: [ReplayStep] = []
    while HourlyCounts.hour(of: clock.now()) < Autumn2015.endHour {
        let hour = HourlyCounts.hour(of: clock.now())
        let count = hour == quietHour ? 0 : Autumn2015.arrivals(inHour: hour)
        window.recordArrival(count: count, kind: .arrival, at: clock.now(), transfer: false)
        let figures = window.figures(at: clock.now())
        let next = machine.next(from: level, figures: figures)
        level = next.level
        steps.append(ReplayStep(hour: hour, level: level, reason: next.reason, figures: figures))
        clock.advance(seconds: 3600)
    }
    return steps
}

/// The steps at which the level changed, with the level before.
func levelChanges(_ steps: [ReplayStep]) -> [(from: SurgeLevel, step: ReplayStep)] {
    zip([SurgeLevel.normal] + steps.map(\.level), steps).compactMap { before, step in
        before == step.level ? nil : (before, step)
    }
}

private let replay = replayAutumn2015()
/// Saturday 21 November 2015, 12:00–13:00 UTC: one of the busiest hours of a peak day.
private let quietHour = epochDay(2015, 11, 21) * 24 + 12

private func month(_ hour: Int64) -> String { String(instant(hour: hour).utcDate.description.prefix(7)) }

@Suite struct Autumn2015ReplayTests {
    @Test("The series has the shape of autumn 2015: a quiet baseline, a peak of 250–320 a day in November, a fall in December")
    func seriesShape() {
        let days = (Autumn2015.firstHour / 24)..<(Autumn2015.endHour / 24)
        let daily = Dictionary(uniqueKeysWithValues: days.map { ($0, Autumn2015.arrivals(onDay: $0)) })
        let quiet = days.prefix(35).compactMap { daily[$0] }
        #expect(quiet.allSatisfy { (8...15).contains($0) })
        let peak = (epochDay(2015, 11, 15)...epochDay(2015, 11, 25)).compactMap { daily[$0] }
        #expect(peak.allSatisfy { (230...330).contains($0) } && peak.max() ?? 0 >= 300)
        #expect(daily[epochDay(2015, 12, 31)].map { (8...15).contains($0) } == true)
        let hours = (Autumn2015.firstHour..<Autumn2015.endHour).map(Autumn2015.arrivals(inHour:))
        #expect(hours.reduce(0, +) == daily.values.reduce(0, +))
    }

    @Test("The level goes normal → elevated → high → crisis and back down, each level entered once per direction")
    func levelSequence() {
        let changes = levelChanges(replay)
        #expect(changes.count == 6)
        #expect(changes.map(\.from) == [.normal, .elevated, .high, .crisis, .high, .elevated])
        #expect(changes.map(\.step.level) == [.elevated, .high, .crisis, .high, .elevated, .normal])
        #expect(changes.map { month($0.step.hour) } == ["2015-09", "2015-10", "2015-11", "2015-12", "2015-12", "2015-12"])
        #expect(replay.last?.level == .normal)
    }

    @Test("The ratio raises the alarm early, at fewer than 40 arrivals a day; crisis is entered on the arrivals")
    func reasonsOnTheWayUp() {
        let changes = levelChanges(replay)
        let elevated = changes.first { $0.step.level == .elevated }?.step
        #expect(elevated?.reason?.hasPrefix("ratio ") == true)
        #expect((elevated?.figures.arrivals24h ?? 40) < 40)
        let crisis = changes.first { $0.step.level == .crisis }?.step
        #expect(crisis?.reason?.hasPrefix("arrivals_24h ") == true && crisis?.reason?.hasSuffix(" ≥ 250") == true)
    }

    @Test("Each fall comes only when both figures are below the clear bounds of the level left")
    func fallsOnlyBelowClearBounds() throws {
        let thresholds = SurgeThresholds()
        for change in levelChanges(replay) where change.step.level < change.from {
            let clear = try #require(thresholds.thresholds(for: change.from))
            let figures = change.step.figures
            let ratio = figures.arrivals24h >= thresholds.minimumArrivalsForRatio ? figures.ratio ?? 0 : 0
            #expect(figures.arrivals24h < clear.clearArrivalsPerDay && ratio < clear.clearRatio)
        }
    }

    @Test("Hysteresis carries the level through hours below its entry thresholds; without it the same series flaps")
    func hysteresisMatters() {
        let heldBelowEntry = replay.filter { $0.level == .crisis && $0.figures.arrivals24h < 250 }
        #expect(heldBelowEntry.count > 24)
        var withoutHysteresis = SurgeThresholds()
        for level in [\SurgeThresholds.elevated, \.high, \.crisis] {
            withoutHysteresis[keyPath: level].clearArrivalsPerDay = withoutHysteresis[keyPath: level].arrivalsPerDay
            withoutHysteresis[keyPath: level].clearRatio = withoutHysteresis[keyPath: level].ratio
        }
        #expect(levelChanges(replayAutumn2015(thresholds: withoutHysteresis)).count > 6)
    }

    @Test("A single quiet hour at the peak takes the figures below the crisis entry threshold but does not drop the level")
    func quietHourKeepsTheLevel() throws {
        let quiet = replayAutumn2015(quietHour: quietHour)
        let busyStep = try #require(replay.first { $0.hour == quietHour })
        let quietStep = try #require(quiet.first { $0.hour == quietHour })
        #expect(busyStep.figures.arrivals24h >= 250)
        #expect(quietStep.figures.arrivals24h < 250)
        #expect(quietStep.level == .crisis)
        #expect(levelChanges(quiet).map(\.step.hour) == levelChanges(replay).map(\.step.hour))
    }
}
