extension Feature {
    /// Who did what: the events people caused.
    static let audit = Feature(
        name: "audit", routes: { wiring in AuditRoutes(reads: wiring.services.reads, settings: wiring.services.settings).routes })
}
