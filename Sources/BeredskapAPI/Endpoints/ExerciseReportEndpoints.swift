import BeredskapCore

extension Endpoints {
    /// The after-action report of an exercise run, kept when the run ended.
    public enum ExerciseReports {
        /// Markdown, HTML or JSON (`format`), bokmål or English (`lang`); not JSON by default.
        public static let report = Endpoint<NoBody, String>(
            .get, "/v1/exercises/{id}/report", permission: .read, query: ["format", "lang"])

        public static var all: [EndpointSpec] { [report.spec] }
    }
}

/// How `GET /v1/exercises/{id}/report` renders: Markdown (the default), one HTML page, or the
/// report's JSON.
public enum ExerciseReportFormat: String, Sendable, CaseIterable {
    case md, html, json

    /// The `Content-Type` of the answer.
    public var mediaType: String {
        switch self {
        case .md: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: APIContract.MediaType.json
        }
    }
}
