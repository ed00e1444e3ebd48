extension Feature {
    /// Settlement cases (utsøking) and the housing units households are settled in.
    static let settlementCases = Feature(
        name: "settlement_cases",
        configuration: [ConfigurationSection("housing", \.housing)],
        routes: { wiring in
            let services = wiring.services
            return SettlementCaseRoutes(reads: services.reads, settings: services.settings).routes
                + HousingRoutes(reads: services.reads, settings: services.settings, clock: services.clock).routes
        })
}
