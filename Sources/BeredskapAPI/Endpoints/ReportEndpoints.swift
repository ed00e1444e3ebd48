import BeredskapCore

extension Endpoints {
    /// The reports made from the live state (issue 15): on request, and on a schedule.
    public enum Reports {
        /// The situation report: Markdown (the default), one HTML page or JSON (`format`),
        /// bokmål or English (`lang`), the public variant (`public=true`), of an instant (`at`,
        /// now by default; beyond API.md).
        public static let sitrep = Endpoint<NoBody, String>(
            .get, "/v1/reports/sitrep", permission: .read, query: ["format", "lang", "public", "at"])
        /// The reports the schedules made (`reports.schedules`), newest first; `limit` (default
        /// 50, at most 500).
        public static let scheduled = Endpoint<NoBody, ScheduledReportList>(
            .get, "/v1/reports/scheduled", permission: .read, query: ["limit"])

        public static var all: [EndpointSpec] { [sitrep.spec, scheduled.spec] }
    }
}

extension ReportFormat {
    /// The `Content-Type` of a report in this format.
    public var mediaType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: APIContract.MediaType.json
        }
    }
}
