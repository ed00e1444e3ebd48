import BeredskapJSON

extension DaemonConfiguration {
    /// Housing for settlement: how far ahead the lease review looks.
    public struct Housing: Sendable, Equatable {
        /// `GET /v1/housing/leases` without `within`: leases ending in the next 90 days — time
        /// enough to renew a municipal lease or find the household another home.
        public var leaseReviewDays = 90
    }
}

extension DaemonConfiguration.Housing: Decodable {
    private enum CodingKeys: String, CodingKey { case leaseReviewDays }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        leaseReviewDays = try container.integer(.leaseReviewDays, default: Self().leaseReviewDays, in: 1...730)
    }
}
