import BeredskapAPI

/// Typed calls for settlement years and the allocation preview (issue 11).
extension BeredskapClient {
    public func putSettlementYear(_ year: Int, _ body: SettlementYearBody, idempotencyKey: String? = nil) throws(ClientError)
        -> SettlementYearChanged
    {
        try call(Endpoints.SettlementYears.putYear, path: [String(year)], body: body, idempotencyKey: idempotencyKey)
    }

    public func settlementYears() throws(ClientError) -> SettlementYearList {
        try call(Endpoints.SettlementYears.years)
    }

    public func settlementYear(_ year: Int) throws(ClientError) -> SettlementYearResource {
        try call(Endpoints.SettlementYears.year, path: [String(year)])
    }

    /// A preview: the daemon stores nothing.
    public func allocation(_ year: Int, _ request: AllocationRequest) throws(ClientError) -> AllocationResponse {
        try call(Endpoints.SettlementYears.allocation, path: [String(year)], body: request)
    }
}
