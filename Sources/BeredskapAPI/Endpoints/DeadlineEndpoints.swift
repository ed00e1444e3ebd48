import BeredskapCore

extension Endpoints {
    /// Each person's compliance deadlines as the deadline engine holds them. The list names
    /// persons (`cases`, recorded like every read of persons); the summary has counts only.
    public enum Deadlines {
        /// Overdue and due-soon deadlines (or one `state`), by person id; `after` pages on.
        public static let list = Endpoint<NoBody, DeadlineList>(
            .get, "/v1/deadlines", permission: .cases, query: ["state", "rule", "district", "after", "limit"])
        /// Counts per rule, district and state: no persons, no ids.
        public static let summary = Endpoint<NoBody, DeadlineSummary>(.get, "/v1/deadlines/summary", permission: .read)

        public static var all: [EndpointSpec] { [list.spec, summary.spec] }
    }
}
