import Testing
@testable import BeredskapCore

/// The levels a machine goes through for a sequence of (arrivals in 24 h, baseline per day),
/// starting at `normal` and carrying the level.
private func levels(_ steps: [(Int, Double)], thresholds: SurgeThresholds = SurgeThresholds()) -> [SurgeLevel] {
    let machine = SurgeLevelMachine(thresholds: thresholds)
    var level = SurgeLevel.normal
    return steps.map { arrivals, baseline in
        level = machine.next(from: level, figures: surgeFigures(arrivals, baseline: baseline)).level
        return level
    }
}

private func next(from current: SurgeLevel, _ arrivals: Int, baseline: Double = 0,
                  thresholds: SurgeThresholds = SurgeThresholds()) -> (level: SurgeLevel, reason: String?) {
    SurgeLevelMachine(thresholds: thresholds).next(from: current, figures: surgeFigures(arrivals, baseline: baseline))
}

/// The defaults with one change.
private func thresholds(_ change: (inout SurgeThresholds) -> Void) -> SurgeThresholds {
    var thresholds = SurgeThresholds()
    change(&thresholds)
    return thresholds
}

@Suite struct SurgeLevelMachineTests {
    @Test("Arrivals below every entry threshold stay normal with no reason")
    func quietStaysNormal() {
        let result = next(from: .normal, 39)
        #expect(result.level == .normal)
        #expect(result.reason == nil)
    }

    @Test("The level rises at once to the highest level whose arrivals threshold is reached",
          arguments: [(40, SurgeLevel.elevated), (99, .elevated), (100, .high), (249, .high), (250, .crisis), (3000, .crisis)])
    func risesToHighestEntered(arrivals: Int, expected: SurgeLevel) {
        #expect(next(from: .normal, arrivals).level == expected)
    }

    @Test("A rise skips levels in one step and names the threshold of the level entered")
    func riseSkipsLevels() {
        #expect(next(from: .normal, 260) == (.crisis, "arrivals_24h 260 ≥ 250"))
        #expect(next(from: .elevated, 120) == (.high, "arrivals_24h 120 ≥ 100"))
    }

    static let ratioEntries: [(Int, Double, SurgeLevel, String)] = [
        (20, 10, .elevated, "ratio 2.0 ≥ 2.0"),
        (28, 12, .elevated, "ratio 2.33 ≥ 2.0"),
        (55, 12, .high, "ratio 4.58 ≥ 4.0"),  // the arrivals alone give only elevated
        (130, 16, .crisis, "ratio 8.13 ≥ 8.0"),
        (110, 50, .high, "arrivals_24h 110 ≥ 100"),  // both reached: the arrivals are named
    ]

    @Test("A ratio to the baseline enters a level on its own, and the reason names the threshold reached",
          arguments: ratioEntries)
    func ratioEnters(arrivals: Int, baseline: Double, expected: SurgeLevel, reason: String) {
        #expect(next(from: .normal, arrivals, baseline: baseline) == (expected, reason))
    }

    @Test("A ratio raises a level only at numbers of that level's scale: after a quiet month a few dozen arrivals are no crisis",
          arguments: [(22, SurgeLevel.elevated), (49, .elevated), (50, .high), (124, .high), (125, .crisis)])
    func ratioNeedsTheLevelsScale(arrivals: Int, expected: SurgeLevel) {
        // A normal of one a day: every one of these is far above 8× the baseline.
        #expect(next(from: .normal, arrivals, baseline: 1).level == expected)
    }

    @Test("A level's ratio_from can be set on its own, and the global minimum still bounds every level")
    func ratioFromIsPerLevel() {
        let early = thresholds { $0.crisis.ratioFrom = 60 }
        #expect(next(from: .normal, 60, baseline: 5, thresholds: early) == (.crisis, "ratio 12.0 ≥ 8.0"))
        let strict = thresholds { $0.minimumArrivalsForRatio = 30 }
        #expect(next(from: .normal, 25, baseline: 5, thresholds: strict).level == .normal)
    }

    @Test("A ratio counts only from minimumArrivalsForRatio arrivals, however large it is")
    func ratioNeedsMinimumArrivals() {
        #expect(next(from: .normal, 19, baseline: 1).level == .normal)
        #expect(next(from: .normal, 20, baseline: 1).level == .elevated)
        let lower = thresholds {
            $0.minimumArrivalsForRatio = 10
            $0.elevated.ratioFrom = 10
        }
        #expect(next(from: .normal, 10, baseline: 1, thresholds: lower).level == .elevated)
        #expect(next(from: .normal, 9, baseline: 1, thresholds: lower).level == .normal)
    }

    @Test("There is no ratio when the baseline is zero, so only the arrivals count")
    func noRatioWithoutBaseline() {
        #expect(surgeFigures(30, baseline: 0).ratio == nil)
        #expect(surgeFigures(30, baseline: 0.5).ratio == 60)
        #expect(next(from: .normal, 39, baseline: 0).level == .normal)
        #expect(next(from: .elevated, 29, baseline: 0).level == .normal)
    }

    static let holding: [(SurgeLevel, Int, Double, SurgeLevel)] = [
        (.elevated, 30, 0, .elevated),  // exactly the clear bound
        (.elevated, 29, 0, .normal),
        (.elevated, 80, 0, .elevated),  // high's clear bound does not hold a level never reached
        (.high, 75, 0, .high),
        (.high, 74, 0, .elevated),
        (.high, 29, 0, .normal),  // two levels at once
        (.crisis, 190, 0, .crisis),
        (.crisis, 189, 0, .high),
        (.crisis, 74, 0, .elevated),
        (.crisis, 29, 0, .normal),  // three levels at once
        (.normal, 39, 0, .normal),  // a clear bound never enters a level
        (.elevated, 25, 16, .elevated),  // ratio 1.56 ≥ 1.5 holds although the arrivals are below 30
        (.elevated, 25, 17, .normal),  // ratio 1.47: both below
        (.high, 50, 16, .high),  // ratio 3.13 ≥ 3
        (.crisis, 150, 25, .crisis),  // ratio exactly 6
    ]

    @Test("A level is kept while either figure reaches its clear bound and left, possibly several levels at once, when both are below",
          arguments: holding)
    func hysteresis(current: SurgeLevel, arrivals: Int, baseline: Double, expected: SurgeLevel) {
        #expect(next(from: current, arrivals, baseline: baseline).level == expected)
    }

    @Test("A level held by a clear bound names that bound as the reason")
    func reasonNamesClearBound() {
        #expect(next(from: .high, 80).reason == "arrivals_24h 80 ≥ 75")
        #expect(next(from: .high, 50, baseline: 16).reason == "ratio 3.13 ≥ 3.0")
    }

    @Test("A fall never goes below the level the entry thresholds give, even when a clear bound is above its entry")
    func fallStopsAtEnteredLevel() {
        let odd = thresholds { $0.high.clearArrivalsPerDay = 120 }
        #expect(next(from: .crisis, 110, thresholds: odd) == (.high, "arrivals_24h 110 ≥ 100"))
    }

    @Test("Custom thresholds decide entering, holding and leaving in place of the defaults")
    func customThresholds() {
        let small = thresholds {
            $0.elevated = .init(arrivalsPerDay: 10, ratio: 3, clearArrivalsPerDay: 6, clearRatio: 2)
            $0.high = .init(arrivalsPerDay: 20, ratio: 5, clearArrivalsPerDay: 15, clearRatio: 4)
            $0.crisis = .init(arrivalsPerDay: 50, ratio: 10, clearArrivalsPerDay: 35, clearRatio: 8)
            $0.minimumArrivalsForRatio = 5
        }
        // The last three: 3× enters elevated; 2.5× and then 2× (with 4 arrivals, above the scaled
        // minimum 5 × 2/3) hold it; 1.5× lets it go.
        let steps: [(Int, Double)] = [
            (8, 0), (10, 0), (7, 0), (20, 0), (16, 0), (14, 0), (50, 0), (36, 0), (34, 0), (5, 0),
            (6, 2), (5, 2), (4, 2), (3, 2),
        ]
        #expect(levels(steps, thresholds: small) == [
            .normal, .elevated, .elevated, .high, .high, .elevated, .crisis, .crisis, .high, .normal,
            .elevated, .elevated, .elevated, .normal,
        ])
        // The defaults see only the three days of 34–50 arrivals, and none of the ratios.
        #expect(levels(steps).map(\.rank) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0])
    }

    @Test("A level entered by the ratio just above minimumArrivalsForRatio survives one quiet hour")
    func ratioEntryHysteresisGap() {
        // 22 arrivals at 2× enter elevated; an hour later 19 arrivals at 1.73× are above the clear
        // ratio 1.5 and above the scaled minimum (20 × 1.5 / 2 = 15), so the level holds.
        #expect(levels([(22, 11), (19, 11), (22, 11)]) == [.elevated, .elevated, .elevated])
        // Below the scaled minimum the ratio no longer holds it (14 at 1.27×; and 14 < 15).
        #expect(levels([(22, 11), (14, 11)]) == [.elevated, .normal])
        // A tiny baseline cannot hold a level with a handful of arrivals: 22 at 22× is elevated by
        // the ratio (no more: it is not of high's scale), but 10 at 10× is below every scaled minimum.
        #expect(levels([(22, 1), (10, 1)]) == [.elevated, .normal])
    }
}

@Suite struct SurgeThresholdsTests {
    @Test("The defaults are 40/100/250 a day or 2×/4×/8× the baseline, clear at 30/75/190 or 1.5×/3×/6×, and consistent")
    func defaults() {
        let defaults = SurgeThresholds()
        #expect(defaults.thresholds(for: .normal) == nil)
        #expect(defaults.thresholds(for: .elevated) == .init(arrivalsPerDay: 40, ratio: 2, clearArrivalsPerDay: 30, clearRatio: 1.5))
        #expect(defaults.thresholds(for: .high) == .init(arrivalsPerDay: 100, ratio: 4, clearArrivalsPerDay: 75, clearRatio: 3))
        #expect(defaults.thresholds(for: .crisis) == .init(arrivalsPerDay: 250, ratio: 8, clearArrivalsPerDay: 190, clearRatio: 6))
        #expect(defaults.minimumArrivalsForRatio == 20)
        #expect([defaults.elevated.ratioFrom, defaults.high.ratioFrom, defaults.crisis.ratioFrom] == [20, 50, 125])
        #expect(defaults.problems().isEmpty)
    }

    static let misconfigured: [(SurgeThresholds, [String])] = [
        (thresholds { $0.elevated.clearArrivalsPerDay = 41 }, ["elevated.clear_arrivals_per_day"]),
        (thresholds { $0.high.clearRatio = 4.5 }, ["high.clear_ratio"]),
        (thresholds { $0.crisis.clearArrivalsPerDay = 251; $0.crisis.clearRatio = 9 },
         ["crisis.clear_arrivals_per_day", "crisis.clear_ratio"]),
        (thresholds { $0.high.arrivalsPerDay = 40; $0.high.ratioFrom = 20; $0.high.clearArrivalsPerDay = 30 }, ["high"]),
        (thresholds { $0.crisis.ratio = 4; $0.crisis.clearRatio = 3 }, ["crisis"]),
        (thresholds { $0.crisis.arrivalsPerDay = 90; $0.crisis.ratioFrom = 45; $0.crisis.clearArrivalsPerDay = 80 }, ["crisis"]),
        (thresholds { $0.elevated.clearArrivalsPerDay = 40; $0.elevated.clearRatio = 2 }, []),  // equal is allowed
        (thresholds { $0.high.ratioFrom = 101 }, ["high.ratio_from"]),
    ]

    @Test("Each misconfiguration is reported under the configuration field that has it", arguments: misconfigured)
    func problems(thresholds: SurgeThresholds, fields: [String]) {
        #expect(thresholds.problems().map(\.field) == fields)
    }

    @Test("The problems say which value bounds the field")
    func problemMessages() {
        let clear = thresholds { $0.elevated.clearArrivalsPerDay = 41 }.problems().first
        #expect(clear?.problem.en == "must not be above arrivals_per_day (40)")
        let order = thresholds { $0.high.ratio = 2; $0.high.clearRatio = 1.5 }.problems().first
        #expect(order?.problem.en == "arrivals_per_day and ratio must be above those of elevated")
    }
}
