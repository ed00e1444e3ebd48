extension Feature {
    /// Unaccompanied minors (issue 13, item 1): placements over time and their costs, the
    /// representative, and the choice at 18 that the `minor_turns_18` deadline announces.
    static let minors = Feature(
        name: "minors",
        configuration: [ConfigurationSection("minors", \.minors)],
        routes: { wiring in
            let services = wiring.services
            return MinorRoutes(reads: services.reads, settings: services.settings, clock: services.clock).routes
        })
}
