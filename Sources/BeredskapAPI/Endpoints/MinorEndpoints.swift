import BeredskapCore

extension Endpoints {
    /// Unaccompanied minors: placements over time, the representative, the choice at 18, and
    /// the costs per district. Everything about a person needs `cases` and is recorded when
    /// read; the costs are sums only.
    public enum Minors {
        public static let place = Endpoint<NewPlacement, Mutation<MinorCase>>(.post, "/v1/persons/{id}/placements", permission: .cases)
        public static let show = Endpoint<NoBody, MinorCase>(.get, "/v1/persons/{id}/placements", permission: .cases)
        /// Records `representative_appointed` the first time.
        public static let representative = Endpoint<Representative, Mutation<MinorCase>>(
            .post, "/v1/persons/{id}/representative", permission: .cases)
        /// Records `aftercare_chosen`, which meets `minor_turns_18`.
        public static let aftercare = Endpoint<Aftercare, Mutation<MinorCase>>(.post, "/v1/persons/{id}/aftercare", permission: .cases)
        /// Unaccompanied persons under 25, by id.
        public static let list = Endpoint<NoBody, MinorList>(.get, "/v1/minors", permission: .cases, query: ["district"])
        public static let costs = Endpoint<NoBody, MinorCosts>(.get, "/v1/minors/costs", permission: .read, query: ["year"])

        public static var all: [EndpointSpec] { [place.spec, show.spec, representative.spec, aftercare.spec, list.spec, costs.spec] }
    }
}
