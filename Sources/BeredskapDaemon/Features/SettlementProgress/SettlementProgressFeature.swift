import BeredskapAPI
import BeredskapCore

extension Feature {
    /// Settlement progress: quotas adopted per year, settlement records and their import, the
    /// reference figures, and progress against the quotas at a date. Its rule, `settlement_lag`,
    /// is configured under `alerts` and evaluated by the alert engine.
    static let settlementProgress = Feature(
        name: "settlement_progress",
        routes: { wiring in
            let services = wiring.services
            return QuotaRoutes(reads: services.reads).routes
                + SettlementRecordRoutes(reads: services.reads, settings: services.settings, clock: services.clock).routes
                + ProgressRoutes(reads: services.reads, settings: services.settings, clock: services.clock).routes
        })
}
