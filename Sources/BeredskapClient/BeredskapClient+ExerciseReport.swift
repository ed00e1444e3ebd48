import BeredskapAPI
import BeredskapCore

/// The typed call for an exercise run's after-action report.
extension BeredskapClient {
    /// The report as the daemon renders it: Markdown, an HTML page or JSON, as text.
    public func exerciseReport(id: Int64, format: ExerciseReportFormat, language: Language) throws(ClientError) -> String {
        let response = try send(APIRequest(
            Endpoints.ExerciseReports.report, path: [String(id)],
            query: [("format", format.rawValue), ("lang", language.rawValue)]))
        try Self.check(response)
        return String(decoding: response.body, as: UTF8.self)
    }
}
