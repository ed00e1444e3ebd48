import BeredskapAPI
import BeredskapCore
import BeredskapHTTP

/// `GET /v1/reports/sitrep`: the situation report of now (or of `at`) as Markdown, one HTML
/// page or JSON, in bokmål unless `lang=en`, the public variant with `public=true`.
struct SitrepRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock
    let surge: SurgeMonitor
    let deadlines: DeadlineEngine
    let playbooks: PlaybookLibrary

    var routes: [Route] {
        [
            Route(Endpoints.Reports.sitrep) { context throws(APIError) in
                let format = try context.queryEnum("format", ReportFormat.self) ?? .markdown
                let language = try ExerciseReportRoutes.option("lang", Language.self, context) ?? .nb
                let isPublic = try context.queryBool("public") ?? false
                let calendar = settings.calendar
                let now = clock.now()
                let at = try context.queryTime("at", in: calendar) ?? now
                guard at <= now else {
                    throw .invalidField("at", Text("must not be in the future", nb: "kan ikke være fram i tid"))
                }
                let configuration = settings.configuration
                let (surge, deadlines, playbooks) = (surge, deadlines, playbooks)
                // 28 days of records per facility and a page per chart: off the loop.
                return .slowRead { () throws(APIError) in
                    let live = SitrepCollector.Live(surge: surge, deadlines: deadlines, playbooks: playbooks)
                    let full = try reads.read { connection in
                        try SitrepCollector.collect(connection, at: at, now: now, configuration: configuration, calendar: calendar, live: live)
                    }
                    let report = isPublic ? full.publicVariant(minimumCount: configuration.reports.publicMinimumCount) : full
                    if format == .json { return .json(status: 200, body: report) }
                    let body = report.rendered(as: format, language: language, calendar: calendar)
                    return .response(HTTPResponse(status: 200, headers: ["Content-Type": format.mediaType], body: Array(body.utf8)))
                }
            },
        ]
    }
}
