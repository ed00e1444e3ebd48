import BeredskapAPI
import BeredskapCore

/// Typed calls for unaccompanied minors (issue 13): placements, the representative, the
/// choice at 18, the list (recorded by the daemon) and the costs (sums only).
extension BeredskapClient {
    public func place(person id: Int64, _ body: NewPlacement, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<MinorCase> {
        try call(Endpoints.Minors.place, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func minorCase(person id: Int64) throws(ClientError) -> MinorCase {
        try call(Endpoints.Minors.show, path: ["\(id)"])
    }

    public func setRepresentative(person id: Int64, _ body: Representative, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<MinorCase>
    {
        try call(Endpoints.Minors.representative, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func chooseAftercare(person id: Int64, _ body: Aftercare, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<MinorCase>
    {
        try call(Endpoints.Minors.aftercare, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func minors(district: String? = nil) throws(ClientError) -> MinorList {
        try call(Endpoints.Minors.list, query: [("district", district)])
    }

    public func minorCosts(year: Int? = nil) throws(ClientError) -> MinorCosts {
        try call(Endpoints.Minors.costs, query: [("year", year.map(String.init))])
    }
}
