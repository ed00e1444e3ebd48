import BeredskapAPI
import BeredskapCore

/// Typed calls for exercise runs and their scenarios.
extension BeredskapClient {
    /// `POST /v1/exercises`: starts a run (202); it goes on in the daemon. An unknown scenario
    /// is a 404, a file that does not validate a 422 `invalid_definition` naming the file and
    /// field, and too many runs at once a 409 `conflict`.
    public func startExercise(_ body: StartExerciseBody, idempotencyKey: String? = nil) throws(ClientError) -> ExerciseResource {
        try call(Endpoints.Exercises.start, body: body, idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/exercises`, newest first.
    public func exercises(limit: Int? = nil) throws(ClientError) -> ExerciseList {
        try call(Endpoints.Exercises.list, query: [("limit", limit.map(String.init))])
    }

    /// `GET /v1/exercise-scenarios`: the scenario files, with the problems of those that cannot run.
    public func exerciseScenarios() throws(ClientError) -> ExerciseScenarioList {
        try call(Endpoints.Exercises.scenarios)
    }

    /// `GET /v1/exercises/{id}`: its progress while it runs, its results once it ended.
    public func exercise(id: Int64) throws(ClientError) -> ExerciseResource {
        try call(Endpoints.Exercises.exercise, path: ["\(id)"])
    }

    /// `POST /v1/exercises/{id}/stop`: answered once the run has stopped; a 409 `conflict`
    /// with `details.state` when it is not running.
    public func stopExercise(id: Int64, idempotencyKey: String? = nil) throws(ClientError) -> ExerciseResource {
        try call(Endpoints.Exercises.stop, path: ["\(id)"], idempotencyKey: idempotencyKey)
    }
}
