/// Who voided or amended an arrival, departure or head count, when, and why: read from the
/// correcting event by the store, and shown as it is by the API.
public struct RecordCorrection: Sendable, Codable, Equatable {
    public var at: Timestamp
    public var by: String
    public var reason: String

    public init(at: Timestamp, by: String, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}
