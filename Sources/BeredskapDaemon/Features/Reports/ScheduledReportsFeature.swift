extension Feature {
    /// Situation reports on a schedule (issue 15, item 3): configured under `reports`, made by
    /// the `ScheduledReports` engine, listed by `GET /v1/reports/scheduled`.
    static let scheduledReports = Feature(
        name: "scheduled_reports",
        configuration: [ConfigurationSection("reports", \.reports)],
        routes: { wiring in ScheduledReportRoutes(reads: wiring.services.reads).routes })
}
