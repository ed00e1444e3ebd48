import BeredskapAPI
import BeredskapCore

/// Typed calls for the grants (issue 13): the forecast (counts and NOK), the missing
/// disability-grant applications (recorded by the daemon: it names persons) and an application.
extension BeredskapClient {
    public func grantForecast(year: Int, district: String? = nil) throws(ClientError) -> GrantForecastResource {
        try call(Endpoints.Grants.forecast, query: [("year", String(year)), ("district", district)])
    }

    public func missingGrantApplications(within days: Int? = nil) throws(ClientError) -> MissingGrantApplicationList {
        try call(Endpoints.Grants.missingApplications, query: [("within", days.map(String.init))])
    }

    public func applyForGrant(person id: Int64, _ body: GrantApplicationBody, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<GrantApplicationResource>
    {
        try call(Endpoints.Grants.apply, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }
}
