import BeredskapAPI
import BeredskapCore

/// Typed calls for the introduction programme (issue 13): a person's steps and programme
/// (`cases`, the read recorded) and the results per district (`read`, aggregates only).
extension BeredskapClient {
    public func introStep(person id: Int64, _ step: IntroStep, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<IntroResource> {
        try call(Endpoints.Intro.step, path: ["\(id)"], body: step, idempotencyKey: idempotencyKey)
    }

    public func intro(person id: Int64) throws(ClientError) -> IntroResource {
        try call(Endpoints.Intro.show, path: ["\(id)"])
    }

    public func introResults(year: Int) throws(ClientError) -> IntroResultsResource {
        try call(Endpoints.Intro.results, query: [("year", String(year))])
    }
}
