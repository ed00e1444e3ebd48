import BeredskapCore

extension Endpoints {
    /// Settlement cases (utsøking) and the housing units households are settled in.
    public enum SettlementCases {
        public static let request = Endpoint<NewSettlementCase, Mutation<SettlementCaseResource>>(
            .post, "/v1/settlement/cases", permission: .cases)
        /// Without person data, by id.
        public static let list = Endpoint<NoBody, SettlementCaseList>(
            .get, "/v1/settlement/cases", permission: .cases, query: ["state", "district", "year"])
        /// With person data: each read is recorded.
        public static let show = Endpoint<NoBody, SettlementCaseResource>(
            .get, "/v1/settlement/cases/{id}", permission: .cases)
        /// Counts per district and state, no persons.
        public static let summary = Endpoint<NoBody, SettlementCaseSummary>(
            .get, "/v1/settlement/case-summary", permission: .read, query: ["year"])

        public static func step(_ action: SettlementCaseAction) -> Endpoint<SettlementCaseStep, Mutation<SettlementCaseResource>> {
            Endpoint(.post, PathTemplate("/v1/settlement/cases/{id}/\(action.rawValue)"), permission: .cases)
        }

        public static let putUnit = Endpoint<HousingUnitBody, Mutation<HousingUnitResource>>(
            .put, "/v1/housing/{id}", permission: .operate)
        public static let units = Endpoint<NoBody, HousingUnitList>(
            .get, "/v1/housing", permission: .read, query: ["district", "free"])
        public static let unit = Endpoint<NoBody, HousingUnitResource>(.get, "/v1/housing/units/{id}", permission: .read)
        /// Assigning and releasing change a case, so they take `cases`.
        public static let assign = Endpoint<HousingAssignment, Mutation<HousingUnitResource>>(
            .post, "/v1/housing/{id}/assign", permission: .cases)
        public static let release = Endpoint<NoBody, Mutation<HousingUnitResource>>(
            .post, "/v1/housing/{id}/release", permission: .cases)
        public static let mismatch = Endpoint<NoBody, HousingMismatch>(.get, "/v1/housing/mismatch", permission: .read, query: ["date"])
        public static let leases = Endpoint<NoBody, HousingLeaseList>(.get, "/v1/housing/leases", permission: .read, query: ["within"])

        public static var all: [EndpointSpec] {
            [request.spec, list.spec, summary.spec, show.spec] + SettlementCaseAction.allCases.map { step($0).spec }
                + [putUnit.spec, units.spec, mismatch.spec, leases.spec, unit.spec, assign.spec, release.spec]
        }
    }
}
