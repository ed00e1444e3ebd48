extension Feature {
    /// The introduction programme of each person (issue 13, item 2) and its results per
    /// district against the national average, small numbers suppressed (item 3); configured
    /// under `intro` (the duration table, the minimum of participants, the national averages).
    static let intro = Feature(
        name: "intro",
        configuration: [ConfigurationSection("intro", \.intro)],
        routes: { wiring in
            let services = wiring.services
            return IntroRoutes(settings: services.settings).routes
                + IntroResultsRoutes(reads: services.reads, settings: services.settings).routes
        })
}
