/// When arrivals count as a surge: per level, an absolute number of arrivals in 24 hours
/// and a ratio to the baseline, each with a lower bound for leaving the level again.
///
/// Why both an absolute and a relative threshold: a ratio alone raises the alarm when a
/// quiet week doubles from 3 to 6 arrivals, and an absolute number alone misses a city whose
/// normal has doubled. Either one reaching its value enters the level; the level is left only
/// when *both* are below their lower bounds (hysteresis), so a quiet hour inside a surge does
/// not drop the level and raise it again.
///
/// Why the ratio needs numbers of the level's own scale (`ratioFrom`): after a quiet month
/// the baseline is tiny, and 22 arrivals against a normal of 1 a day is 22× — a ratio alone
/// would call that a crisis, while it is one bus. The ratio may bring a level *forward* (a
/// city whose normal is low sees its rise early), but only once the arrivals are within reach
/// of that level: by default half its absolute threshold. So `crisis` needs at least 125
/// arrivals in a day at 8× the normal, or 250 whatever the normal — in autumn 2015, before
/// the Råde arrival centre opened, most of Norway's ~280 asylum seekers a day came through
/// Oslo (PU at Tøyen, Refstad as arrival transit) and UDI ran ~2000 short-stay places here;
/// 125 a day fills Refstad and Torshov's ~500 places in four days. `high` needs 50 at 4×
/// (a 300-place centre full within a week), `elevated` 20 at 2×.
///
/// Why these defaults (all per 24 hours, arrivals to Oslo's facilities, transfers excluded):
/// in ordinary years Norway received 10,000–11,000 asylum seekers, about 30 a day, of whom
/// Oslo's facilities receive a fraction — a normal day is under 20. In October–November 2015
/// Norway received 8,000+ a month (~280 a day) and Oslo ran about 2000 short-stay places:
/// a day with 250 arrivals to Oslo is the 2015 peak (`crisis`), 100 a day fills a 500-place
/// transit centre within a week (`high`), and 40 a day is twice a busy normal (`elevated`).
/// The ratios (2×, 4×, 8× the baseline) catch the same rise early in a city whose normal
/// is different. Ratios count only from `minimumArrivalsForRatio` arrivals in 24 hours.
public struct SurgeThresholds: Sendable, Equatable {
    /// Entering and leaving one level.
    public struct Level: Sendable, Equatable {
        public var arrivalsPerDay: Int
        public var ratio: Double
        /// The ratio counts for this level only from this many arrivals in 24 hours.
        public var ratioFrom: Int
        public var clearArrivalsPerDay: Int
        public var clearRatio: Double

        /// `ratioFrom` defaults to half of `arrivalsPerDay` (see the type's documentation).
        public init(arrivalsPerDay: Int, ratio: Double, ratioFrom: Int? = nil, clearArrivalsPerDay: Int, clearRatio: Double) {
            self.arrivalsPerDay = arrivalsPerDay
            self.ratio = ratio
            self.ratioFrom = ratioFrom ?? Self.defaultRatioFrom(arrivalsPerDay: arrivalsPerDay)
            self.clearArrivalsPerDay = clearArrivalsPerDay
            self.clearRatio = clearRatio
        }

        /// Half the absolute threshold, rounded up.
        public static func defaultRatioFrom(arrivalsPerDay: Int) -> Int { (arrivalsPerDay + 1) / 2 }
    }

    public var elevated = Level(arrivalsPerDay: 40, ratio: 2, clearArrivalsPerDay: 30, clearRatio: 1.5)
    public var high = Level(arrivalsPerDay: 100, ratio: 4, clearArrivalsPerDay: 75, clearRatio: 3)
    public var crisis = Level(arrivalsPerDay: 250, ratio: 8, clearArrivalsPerDay: 190, clearRatio: 6)
    /// Below this many arrivals in 24 hours, no ratio counts for any level (small numbers swing
    /// wildly); each level may ask for more (`Level.ratioFrom`).
    public var minimumArrivalsForRatio = 20

    public init() {}

    /// The thresholds of a level above `normal`.
    public func thresholds(for level: SurgeLevel) -> Level? {
        switch level {
        case .normal: nil
        case .elevated: elevated
        case .high: high
        case .crisis: crisis
        }
    }

    /// Problems with the set: each lower bound must be below its entry value, and each level's
    /// values must rise with the level. Field names are those of the configuration file.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        var previous: (SurgeLevel, Level)?
        for level in [SurgeLevel.elevated, .high, .crisis] {
            guard let values = thresholds(for: level) else { continue }
            let name = level.rawValue
            if values.clearArrivalsPerDay > values.arrivalsPerDay {
                problems.append(FieldProblem(
                    "\(name).clear_arrivals_per_day",
                    Text("must not be above arrivals_per_day (\(values.arrivalsPerDay))",
                         nb: "kan ikke være over arrivals_per_day (\(values.arrivalsPerDay))")))
            }
            if values.ratioFrom > values.arrivalsPerDay {
                problems.append(FieldProblem(
                    "\(name).ratio_from",
                    Text("must not be above arrivals_per_day (\(values.arrivalsPerDay)): the ratio would never count",
                         nb: "kan ikke være over arrivals_per_day (\(values.arrivalsPerDay)): forholdstallet ville aldri telle")))
            }
            if values.clearRatio > values.ratio {
                problems.append(FieldProblem(
                    "\(name).clear_ratio",
                    Text("must not be above ratio (\(values.ratio))", nb: "kan ikke være over ratio (\(values.ratio))")))
            }
            if let (lower, lowerValues) = previous,
                values.arrivalsPerDay <= lowerValues.arrivalsPerDay || values.ratio <= lowerValues.ratio
            {
                problems.append(FieldProblem(
                    name,
                    Text("arrivals_per_day and ratio must be above those of \(lower.rawValue)",
                         nb: "arrivals_per_day og ratio må være over verdiene for \(lower.rawValue)")))
            }
            previous = (level, values)
        }
        return problems
    }
}
