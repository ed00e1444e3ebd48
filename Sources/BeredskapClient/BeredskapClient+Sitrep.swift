import BeredskapAPI
import BeredskapCore

/// The typed call for the situation report.
extension BeredskapClient {
    /// The report as the daemon renders it: Markdown, an HTML page or JSON, as text; the
    /// public variant with `isPublic`; of the instant `at` (now when nil).
    public func sitrep(format: ReportFormat, language: Language, isPublic: Bool = false, at: Timestamp? = nil) throws(ClientError)
        -> String
    {
        let query: [(String, String?)] = [
            ("format", format.rawValue), ("lang", language.rawValue), ("public", isPublic ? "true" : nil), ("at", at?.rfc3339),
        ]
        let response = try send(APIRequest(Endpoints.Reports.sitrep, query: query))
        try Self.check(response)
        return String(decoding: response.body, as: UTF8.self)
    }
}
