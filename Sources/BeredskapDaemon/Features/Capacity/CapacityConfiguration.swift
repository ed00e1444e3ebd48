import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// Reception capacity: the per-facility cap and when figures count as stale.
    public struct Capacity: Sendable, Equatable {
        /// Oslo's policy (recommendation 3): no single facility above 1000 places.
        public var cap = 1000
        /// An operating facility without a head count for longer than this is stale.
        public var staleAfter = FixedDuration.seconds(24 * 3600)
        /// How far in the future an `at` may lie (clocks on other machines drift).
        public var futureTolerance = FixedDuration.seconds(300)
    }

    /// Surge detection: the windows and the thresholds (see `SurgeThresholds` for why the
    /// defaults are what they are).
    public struct Surge: Sendable, Equatable {
        /// The recent window (`arrivals_7d`), left out of the baseline.
        public var recentDays = 7
        /// The baseline: this many days before the recent window.
        public var baselineDays = 28
        /// Net inflow for the forecast is averaged over this many days.
        public var forecastDays = 7
        public var thresholds = SurgeThresholds()
    }
}

extension DaemonConfiguration.Capacity: Decodable {
    private enum CodingKeys: String, CodingKey { case cap, staleAfter, futureTolerance }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cap = try container.integer(.cap, default: defaults.cap, in: 1...FacilityDefinition.maximumPlaces)
        staleAfter = try container.duration(.staleAfter, default: defaults.staleAfter, atLeast: .seconds(60))
        futureTolerance = try container.duration(.futureTolerance, default: defaults.futureTolerance, atLeast: .seconds(0))
    }
}

extension DaemonConfiguration.Surge: Decodable {
    private enum CodingKeys: String, CodingKey {
        case recentDays, baselineDays, forecastDays, minimumArrivalsForRatio, elevated, high, crisis
    }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recentDays = try container.integer(.recentDays, default: defaults.recentDays, in: 1...90)
        baselineDays = try container.integer(.baselineDays, default: defaults.baselineDays, in: 1...365)
        forecastDays = try container.integer(.forecastDays, default: defaults.forecastDays, in: 1...90)
        thresholds.minimumArrivalsForRatio = try container.integer(
            .minimumArrivalsForRatio, default: defaults.thresholds.minimumArrivalsForRatio, in: 0...1_000_000)
        thresholds.elevated = try container.value(.elevated, default: defaults.thresholds.elevated)
        thresholds.high = try container.value(.high, default: defaults.thresholds.high)
        thresholds.crisis = try container.value(.crisis, default: defaults.thresholds.crisis)
        if let problem = thresholds.problems().first { throw problem.decodingError(under: decoder.codingPath) }
    }
}

extension SurgeThresholds.Level: Decodable {
    private enum CodingKeys: String, CodingKey { case arrivalsPerDay, ratio, ratioFrom, clearArrivalsPerDay, clearRatio }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.arrivalsPerDay, .ratio, .clearArrivalsPerDay, .clearRatio] where !container.contains(key) {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "is required"))
        }
        let perDay = try container.integer(.arrivalsPerDay, default: 0, in: 1...1_000_000)
        let ratio = try container.decode(Double.self, forKey: .ratio)
        let clearPerDay = try container.integer(.clearArrivalsPerDay, default: 0, in: 0...1_000_000)
        let clearRatio = try container.decode(Double.self, forKey: .clearRatio)
        for (key, value) in [(CodingKeys.ratio, ratio), (.clearRatio, clearRatio)] where !(value >= 0 && value <= 1000) {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "expected a number between 0 and 1000")
        }
        let ratioFrom = try container.integer(
            .ratioFrom, default: SurgeThresholds.Level.defaultRatioFrom(arrivalsPerDay: perDay), in: 0...1_000_000)
        self.init(arrivalsPerDay: perDay, ratio: ratio, ratioFrom: ratioFrom, clearArrivalsPerDay: clearPerDay, clearRatio: clearRatio)
    }
}
