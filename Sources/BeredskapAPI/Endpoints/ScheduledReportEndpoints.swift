import BeredskapCore

extension Endpoints {
    /// Situation reports made on a schedule (`reports.schedules`), and where their files went.
    public enum ScheduledReports {
        /// Newest first; `limit` (default 50, at most 500).
        public static let list = Endpoint<NoBody, ScheduledReportList>(
            .get, "/v1/reports/scheduled", permission: .read, query: ["limit"])

        public static var all: [EndpointSpec] { [list.spec] }
    }
}
