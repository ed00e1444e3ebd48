import BeredskapJSON

extension DaemonConfiguration {
    /// `privacy`: how long person data is kept once nothing more happens in a case.
    public struct Privacy: Sendable, Equatable {
        /// Persons whose last activity (a change, a milestone, a correction — not a read) is
        /// older than this many years are erased by the retention purge, as an administrator's
        /// erasure would (GDPR art. 5(1)(e): kept no longer than needed). Five years covers
        /// settlement, the introduction programme and the year after it; 0 turns the purge off.
        public var retentionYears = 5
    }
}

extension DaemonConfiguration.Privacy: Decodable {
    private enum CodingKeys: String, CodingKey { case retentionYears }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        retentionYears = try container.integer(.retentionYears, default: Self().retentionYears, in: 0...100)
    }
}
