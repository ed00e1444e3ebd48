import BeredskapCore

extension Endpoints {
    /// The introduction programme of each person (`cases`; reads recorded), and its results
    /// per district (`read`: shares and counts only, no person).
    public enum Intro {
        /// One step, `{"action": "start"|"interrupt"|"resume"|"extend"|"end"|"follow_up", …}`.
        public static let step = Endpoint<IntroStep, Mutation<IntroResource>>(.post, "/v1/persons/{id}/intro", permission: .cases)
        public static let show = Endpoint<NoBody, IntroResource>(.get, "/v1/persons/{id}/intro", permission: .cases)
        public static let results = Endpoint<NoBody, IntroResultsResource>(.get, "/v1/intro/results", permission: .read, query: ["year"])

        public static var all: [EndpointSpec] { [step.spec, show.spec, results.spec] }
    }
}
