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
/// still reached (never below what the entry thresholds alone give).
public struct SurgeLevelMachine: Sendable, Equatable {
    public var thresholds: SurgeThresholds

    public init(thresholds: SurgeThresholds) { self.thresholds = thresholds }

    /// The next level, and a short reason naming the threshold that holds it (nil at normal).
    public func next(from current: SurgeLevel, figures: SurgeFigures) -> (level: SurgeLevel, reason: String?) {
        let ratio = figures.arrivals24h >= thresholds.minimumArrivalsForRatio ? figures.ratio : nil
        var entered: (SurgeLevel, String)?
        var staying: (SurgeLevel, String)?
        for level in [SurgeLevel.elevated, .high, .crisis] {
            guard let values = thresholds.thresholds(for: level) else { continue }
            if let reason = Self.reason(figures.arrivals24h, ratio, perDay: values.arrivalsPerDay, ratio: values.ratio) {
                entered = (level, reason)
            }
            if level <= current,
                let reason = Self.reason(figures.arrivals24h, ratio, perDay: values.clearArrivalsPerDay, ratio: values.clearRatio)
            {
                staying = (level, reason)
            }
        }
        let candidates = [entered, staying].compactMap { $0 }
        guard let best = candidates.max(by: { $0.0 < $1.0 }) else { return (.normal, nil) }
        return (best.0, best.1)
    }

    private static func reason(_ arrivals: Int, _ ratio: Double?, perDay: Int, ratio threshold: Double) -> String? {
        if arrivals >= perDay { return "arrivals_24h \(arrivals) ≥ \(perDay)" }
        if let ratio, ratio >= threshold {
            return "ratio \((ratio * 100).rounded() / 100) ≥ \(threshold)"
        }
        return nil
    }
}
