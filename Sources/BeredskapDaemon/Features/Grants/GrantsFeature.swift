extension Feature {
    /// The state grants (issue 13, item 4): the rates per year as configuration (`grants`), the
    /// forecast per district, the missing disability-grant applications and the application
    /// itself. The alert `grant_application_due` is the alert engine's, from counts the
    /// deadline engine commits (`GrantAlertCounts`).
    static let grants = Feature(
        name: "grants",
        configuration: [ConfigurationSection("grants", \.grants)],
        routes: { wiring in
            let services = wiring.services
            return GrantRoutes(reads: services.reads, settings: services.settings, deadlines: services.deadlines)
                .routes
        })
}
