/// The figures a surge level is decided from.
public struct SurgeFigures: Sendable, Equatable {
    /// Arrivals in the current hour and the 23 before it.
    public var arrivals24h: Int
    /// Arrivals in the current hour and the 167 before it.
    public var arrivals7d: Int
    /// Mean arrivals per day in the baseline window.
    public var baselinePerDay: Double
    /// `arrivals24h` over `baselinePerDay`; nil when the baseline is zero.
    public var ratio: Double? { baselinePerDay > 0 ? Double(arrivals24h) / baselinePerDay : nil }

    public init(arrivals24h: Int, arrivals7d: Int, baselinePerDay: Double) {
        self.arrivals24h = arrivals24h
        self.arrivals7d = arrivals7d
        self.baselinePerDay = baselinePerDay
    }
}

/// Decides the surge level from the figures and the current level, with hysteresis.
///
/// A pure function of its inputs so that it can be tested with any sequence of figures and
/// replayed: the level rises at once to the highest level whose entry threshold is reached;
/// it falls only to the highest level at or below the current one whose *lower* bound is
/// still reached (never below what the entry thresholds alone give). A level's ratio counts
/// for entry from its `ratioFrom` arrivals (and never below `minimumArrivalsForRatio`), and for
/// staying from that minimum scaled by clear ratio ÷ ratio (15 for elevated by default), so
/// the ratio has hysteresis too.
public struct SurgeLevelMachine: Sendable, Equatable {
    public var thresholds: SurgeThresholds

    public init(thresholds: SurgeThresholds) { self.thresholds = thresholds }

    /// The next level, and a short reason naming the threshold that holds it (nil at normal).
    public func next(from current: SurgeLevel, figures: SurgeFigures) -> (level: SurgeLevel, reason: String?) {
        var entered: (SurgeLevel, Threshold)?
        var staying: (SurgeLevel, Threshold)?
        for level in [SurgeLevel.elevated, .high, .crisis] {
            guard let values = thresholds.thresholds(for: level) else { continue }
            let minimum = Double(max(thresholds.minimumArrivalsForRatio, values.ratioFrom))
            if let reached = Self.reached(
                figures, perDay: values.arrivalsPerDay, ratio: values.ratio, minimumForRatio: minimum)
            {
                entered = (level, reached)
            }
            // The ratio's minimum shrinks with the clear ratio, so that a level entered by the
            // ratio at the minimum has the same hysteresis as one entered by the numbers.
            let clearMinimum = values.ratio > 0 ? minimum * values.clearRatio / values.ratio : minimum
            if level <= current,
                let reached = Self.reached(
                    figures, perDay: values.clearArrivalsPerDay, ratio: values.clearRatio, minimumForRatio: clearMinimum)
            {
                staying = (level, reached)
            }
        }
        let candidates = [entered, staying].compactMap { $0 }
        guard let best = candidates.max(by: { $0.0 < $1.0 }) else { return (.normal, nil) }
        return (best.0, best.1.description(figures))
    }

    /// Which threshold holds a level; the text is made only for the one that wins (this
    /// runs after every batch of arrivals).
    private enum Threshold {
        case arrivals(Int)
        case ratio(Double)

        func description(_ figures: SurgeFigures) -> String {
            switch self {
            case .arrivals(let perDay): SurgeReason.arrivals(count: figures.arrivals24h, threshold: perDay).code
            case .ratio(let threshold): SurgeReason.ratio(value: figures.ratio ?? 0, threshold: threshold).code
            }
        }
    }

    private static func reached(_ figures: SurgeFigures, perDay: Int, ratio threshold: Double, minimumForRatio: Double) -> Threshold? {
        if figures.arrivals24h >= perDay { return .arrivals(perDay) }
        if Double(figures.arrivals24h) >= minimumForRatio, let ratio = figures.ratio, ratio >= threshold {
            return .ratio(threshold)
        }
        return nil
    }
}
