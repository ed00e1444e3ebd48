import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `reports`: how the public situation report publishes small numbers.
    public struct Reports: Sendable, Equatable {
        /// Counts of fewer people than this are suppressed in the public variant (5, as the
        /// intro results' `minimum_participants`).
        public var publicMinimumCount = SmallCounts.defaultMinimum

        public init() {}
    }
}

extension DaemonConfiguration.Reports: Decodable {
    private enum CodingKeys: String, CodingKey { case publicMinimumCount }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        publicMinimumCount = try container.integer(.publicMinimumCount, default: defaults.publicMinimumCount, in: 1...1000)
    }
}
