import BeredskapCore

extension Endpoints {
    /// The state grants (issue 13, item 4): the forecast per district (aggregates, `read`),
    /// the persons whose disability-grant application is missing (recorded, `cases`), and the
    /// application itself, which records the `disability_grant_applied` milestone.
    public enum Grants {
        public static let forecast = Endpoint<NoBody, GrantForecastResource>(
            .get, "/v1/grants/forecast", permission: .read, query: ["year", "district"])
        public static let missingApplications = Endpoint<NoBody, MissingGrantApplicationList>(
            .get, "/v1/grants/missing-applications", permission: .cases, query: ["within"])
        public static let apply = Endpoint<GrantApplicationBody, Mutation<GrantApplicationResource>>(
            .post, "/v1/persons/{id}/grant-applications", permission: .cases)

        public static var all: [EndpointSpec] { [forecast.spec, missingApplications.spec, apply.spec] }
    }
}
