extension Feature {
    /// Persons the office follows, their milestones and deadlines, and their data's export
    /// and erasure (issue 12).
    static let people = Feature(
        name: "people",
        configuration: [ConfigurationSection("privacy", \.privacy)],
        routes: { wiring in
            let services = wiring.services
            return PersonRoutes(settings: services.settings, clock: services.clock).routes
                + MilestoneRoutes(settings: services.settings).routes
                + PrivacyRoutes(settings: services.settings, clock: services.clock).routes
                + PersonImportRoutes(reads: services.reads, settings: services.settings, clock: services.clock).routes
        })
}
