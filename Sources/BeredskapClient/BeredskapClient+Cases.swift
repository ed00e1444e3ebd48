import BeredskapAPI
import BeredskapCore

/// Typed calls for settlement cases (utsøking) and housing units (issue 11).
extension BeredskapClient {
    // MARK: Cases

    public func requestCase(_ body: NewSettlementCase, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<SettlementCaseResource>
    {
        try call(Endpoints.SettlementCases.request, body: body, idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/settlement/cases/{id}/{action}`.
    public func caseStep(_ action: SettlementCaseAction, id: Int64, _ body: SettlementCaseStep, idempotencyKey: String? = nil)
        throws(ClientError) -> Mutation<SettlementCaseResource>
    {
        try call(Endpoints.SettlementCases.step(action), path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    /// One case with its person data (the daemon records the read).
    public func settlementCase(id: Int64) throws(ClientError) -> SettlementCaseResource {
        try call(Endpoints.SettlementCases.show, path: ["\(id)"])
    }

    public func settlementCases(state: SettlementCase.State? = nil, district: String? = nil, year: Int? = nil)
        throws(ClientError) -> SettlementCaseList
    {
        try call(
            Endpoints.SettlementCases.list,
            query: [("state", state?.rawValue), ("district", district), ("year", year.map(String.init))])
    }

    public func caseSummary(year: Int? = nil) throws(ClientError) -> SettlementCaseSummary {
        try call(Endpoints.SettlementCases.summary, query: [("year", year.map(String.init))])
    }

    // MARK: Housing

    public func putHousingUnit(id: String, _ body: HousingUnitBody, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<HousingUnitResource>
    {
        try call(Endpoints.SettlementCases.putUnit, path: [id], body: body, idempotencyKey: idempotencyKey)
    }

    public func housingUnits(district: String? = nil, freeOnly: Bool = false) throws(ClientError) -> HousingUnitList {
        try call(Endpoints.SettlementCases.units, query: [("district", district), ("free", freeOnly ? "true" : nil)])
    }

    public func housingUnit(id: String) throws(ClientError) -> HousingUnitResource {
        try call(Endpoints.SettlementCases.unit, path: [id])
    }

    public func assignHousing(id: String, case caseID: Int64, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<HousingUnitResource>
    {
        try call(Endpoints.SettlementCases.assign, path: [id], body: HousingAssignment(case: caseID), idempotencyKey: idempotencyKey)
    }

    public func releaseHousing(id: String, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<HousingUnitResource> {
        try call(Endpoints.SettlementCases.release, path: [id], idempotencyKey: idempotencyKey)
    }

    public func housingMismatch(date: String? = nil) throws(ClientError) -> HousingMismatch {
        try call(Endpoints.SettlementCases.mismatch, query: [("date", date)])
    }

    /// `within` as the daemon takes it (`P90D`); nil: the configured window.
    public func housingLeases(within: String? = nil) throws(ClientError) -> HousingLeaseList {
        try call(Endpoints.SettlementCases.leases, query: [("within", within)])
    }
}
