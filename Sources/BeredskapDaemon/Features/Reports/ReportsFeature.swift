extension Feature {
    /// The reports made from the live state: the situation report and its public variant
    /// (issue 15, items 1 and 2), and the reports made on a schedule by the `ScheduledReports`
    /// engine (item 3), configured under `reports`.
    static let reports = Feature(
        name: "reports",
        configuration: [ConfigurationSection("reports", \.reports)],
        routes: { wiring in
            let services = wiring.services
            return SitrepRoutes(
                reads: services.reads, settings: services.settings, clock: services.clock, surge: services.surge,
                deadlines: services.deadlines, playbooks: services.playbooks
            ).routes + ScheduledReportRoutes(reads: services.reads).routes
        })
}
