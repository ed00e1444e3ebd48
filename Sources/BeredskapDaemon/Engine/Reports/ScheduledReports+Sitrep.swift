extension ScheduledReports {
    /// The situation report as `GET /v1/reports/sitrep` makes it (`SitrepCollector`), from this
    /// world's engines: a scheduled report never disagrees with one asked for at the same time.
    static func sitrep(surge: SurgeMonitor, deadlines: DeadlineEngine, playbooks: PlaybookLibrary) -> Collect {
        { connection, instant, configuration, calendar in
            let live = SitrepCollector.Live(surge: surge, deadlines: deadlines, playbooks: playbooks)
            return try SitrepCollector.collect(
                connection, at: instant, now: instant, configuration: configuration, calendar: calendar, live: live)
        }
    }
}
