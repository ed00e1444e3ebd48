import BeredskapAPI
import BeredskapCore

/// Typed calls for the reports the schedules made (`reports.schedules`).
extension BeredskapClient {
    public func scheduledReports(limit: Int? = nil) throws(ClientError) -> ScheduledReportList {
        try call(Endpoints.Reports.scheduled, query: [("limit", limit.map(String.init))])
    }
}
