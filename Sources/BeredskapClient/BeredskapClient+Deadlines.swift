import BeredskapAPI
import BeredskapCore

/// Typed calls for the deadlines the deadline engine holds (issue 12). The list is recorded
/// by the daemon (it names persons); the summary has counts only.
extension BeredskapClient {
    public func deadlines(
        state: DeadlineState? = nil, rule: String? = nil, district: String? = nil, after: Int64? = nil, limit: Int? = nil
    ) throws(ClientError) -> DeadlineList {
        try call(
            Endpoints.Deadlines.list,
            query: [
                ("state", state?.rawValue), ("rule", rule), ("district", district), ("after", after.map(String.init)),
                ("limit", limit.map(String.init)),
            ])
    }

    public func deadlineSummary() throws(ClientError) -> DeadlineSummary {
        try call(Endpoints.Deadlines.summary)
    }
}
