import BeredskapCore

extension Endpoints {
    /// Exercise runs: a scenario replayed on a copy of the state under a simulated clock.
    public enum Exercises {
        /// Starts a run (202: it goes on in the daemon; poll `exercise`).
        public static let start = Endpoint<StartExerciseBody, ExerciseResource>(.post, "/v1/exercises", permission: .operate)
        public static let list = Endpoint<NoBody, ExerciseList>(.get, "/v1/exercises", permission: .read, query: ["limit"])
        /// The scenario files that can be run, and the problems of those that cannot.
        public static let scenarios = Endpoint<NoBody, ExerciseScenarioList>(.get, "/v1/exercise-scenarios", permission: .read)
        public static let exercise = Endpoint<NoBody, ExerciseResource>(.get, "/v1/exercises/{id}", permission: .read)
        /// Stops a running exercise; answered once it has stopped.
        public static let stop = Endpoint<NoBody, ExerciseResource>(.post, "/v1/exercises/{id}/stop", permission: .operate)

        public static var all: [EndpointSpec] { [start.spec, list.spec, scenarios.spec, exercise.spec, stop.spec] }
    }
}
