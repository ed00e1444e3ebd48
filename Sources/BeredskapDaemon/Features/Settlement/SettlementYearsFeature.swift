extension Feature {
    /// Settlement years and the allocation preview (issue 11, items 2 and 3).
    static let settlementYears = Feature(
        name: "settlement_years",
        routes: { wiring in
            let reads = wiring.services.reads
            return SettlementYearRoutes(reads: reads).routes + AllocationRoutes(reads: reads).routes
        })
}
