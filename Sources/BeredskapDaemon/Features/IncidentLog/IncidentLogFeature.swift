extension Feature {
    /// The incident log (hendelseslogg): entries by people and by the system.
    static let incidentLog = Feature(
        name: "incident_log",
        routes: { wiring in IncidentLogRoutes(reads: wiring.services.reads, settings: wiring.services.settings).routes })
}
