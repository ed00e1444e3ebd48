import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/reports/scheduled`: the reports the schedules made, newest first, and whether each
/// file is written (or why not yet).
struct ScheduledReportRoutes {
    let reads: StoreReads

    static let defaultLimit: Int64 = 50
    static let limits: ClosedRange<Int64> = 1...500

    var routes: [Route] {
        [
            Route(Endpoints.Reports.scheduled) { context throws(APIError) in
                let limit = Int(try context.queryInteger("limit", in: Self.limits) ?? Self.defaultLimit)
                let rows = try reads.read { try $0.scheduledReports(limit: limit) }
                return .json(status: 200, body: ScheduledReportList(reports: rows.map(Self.resource)))
            },
        ]
    }

    static func resource(_ row: ScheduledReportRow) -> ScheduledReportResource {
        ScheduledReportResource(
            id: row.id, schedule: row.schedule, slot: row.slot, madeAt: row.madeAt, surgeLevel: row.surgeLevel,
            files: row.files.map { file in
                ScheduledReportResource.File(
                    path: file.path, writtenAt: file.writtenAt, attempts: file.attempts, lastError: file.lastError,
                    nextAttemptAt: file.writtenAt == nil ? file.nextAttemptAt : nil)
            })
    }
}
