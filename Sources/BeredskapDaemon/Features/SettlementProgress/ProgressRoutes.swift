import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/settlement/years/{year}/progress?at=DATE`: per district the quota in force,
/// settled, expected by the date, lag and whether it lags (`SettlementProgress`).
struct ProgressRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.SettlementProgress.progress) { context throws(APIError) in
                let year = try SettlementChecks.year(context)
                let calendar = settings.calendar
                let at = try context.queryDate("at", in: calendar) ?? calendar.date(of: clock.now())
                let thresholds = settings.configuration.alerts.settlementLag.thresholds
                let (quotas, settled, districts) = try reads.read { connection in
                    (try connection.quotaVersion(year: year), try connection.settledByDistrict(year: year, through: at),
                     try connection.districts())
                }
                guard let quotas else { throw QuotaRoutes.noQuotas(year) }
                let progress = SettlementProgress(
                    year: year, at: at, quotas: quotas.quotas, settled: settled, districts: districts.map(\.id),
                    thresholds: thresholds)
                return .json(status: 200, body: SettlementProgressResponse(
                    progress, quotaVersion: quotas.version, thresholds: thresholds,
                    names: Dictionary(districts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })))
            },
        ]
    }
}
