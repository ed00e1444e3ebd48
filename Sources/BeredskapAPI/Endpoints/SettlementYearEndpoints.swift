extension Endpoints {
    /// Settlement years (IMDi's request and the council's decision) and the allocation preview
    /// that splits a year's number between the districts.
    public enum SettlementYears {
        /// Creates or replaces a year; an unchanged one answers `changed: false` without an event.
        public static let putYear = Endpoint<SettlementYearBody, SettlementYearChanged>(
            .put, "/v1/settlement/years/{year}", permission: .operate)
        /// Oldest first.
        public static let years = Endpoint<NoBody, SettlementYearList>(.get, "/v1/settlement/years", permission: .read)
        public static let year = Endpoint<NoBody, SettlementYearResource>(.get, "/v1/settlement/years/{year}", permission: .read)
        /// A preview: changes nothing.
        public static let allocation = Endpoint<AllocationRequest, AllocationResponse>(
            .post, "/v1/settlement/years/{year}/allocation", permission: .read)

        public static var all: [EndpointSpec] { [putYear.spec, years.spec, year.spec, allocation.spec] }
    }
}
