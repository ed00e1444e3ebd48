import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Foundation

/// Exercise runs: start one from a scenario file, list and read them while they run and after,
/// stop one, and see which scenario files there are.
///
/// The scenario is read from the exercises directory (`Playbooks/exercises/`) when the run is
/// asked for, and checked against the live state as it is then (its facilities, the loaded
/// action cards), so a file edited a moment ago runs as it now reads, and a broken one is
/// refused as a playbook reload is (422 `invalid_definition` naming the file and field).
struct ExerciseRoutes {
    let runs: ExerciseRuns
    let reads: StoreReads
    let library: PlaybookLibrary
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Exercises.start) { context throws(APIError) in
                let body = try context.decodeBody(StartExerciseBody.self)
                if let speed = body.speed { try Self.check(speed) }
                // The file and the facility ids are read off the loop; the run is recorded through the writer.
                return .slowRead { () throws(APIError) in
                    let (configuration, calendar) = (settings.configuration, settings.calendar)
                    let scenario = try load(body.scenario, configuration: configuration, calendar: calendar)
                    let speed = body.speed ?? scenario.speed
                    return .mutation { transaction in
                        let (stored, seq) = try runs.record(
                            scenario, speed: speed, configuration: configuration, calendar: calendar, in: &transaction)
                        return try CommandReply.json(status: 202, Self.resource(stored, eventSeq: seq))
                    }
                }
            },
            Route(Endpoints.Exercises.list) { context throws(APIError) in
                let limit = try context.pageSize()
                let exercises = try reads.read { try $0.exercises(limit: limit) }
                return .json(status: 200, body: ExerciseList(exercises: exercises.map { Self.resource(runs.withProgress($0)) }))
            },
            Route(Endpoints.Exercises.scenarios) { _ throws(APIError) in
                .slowRead { () throws(APIError) in
                    let (configuration, calendar) = (settings.configuration, settings.calendar)
                    let context = try validationContext(calendar: calendar)
                    let directory = Self.directory(configuration)
                    let files = ExerciseScenarios.load(directory: directory, context: context)
                    return .json(status: 200, body: ExerciseScenarioList(
                        directory: directory, scenarios: files.map { Self.summary(file: $0.file, $0.result, calendar: calendar) }))
                }
            },
            Route(Endpoints.Exercises.exercise) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                guard let stored = try reads.read({ try $0.exercise(id: id) }) else { throw Self.notFound(id) }
                return .json(status: 200, body: Self.resource(runs.withProgress(stored)))
            },
            Route(Endpoints.Exercises.stop) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let exchange = context.exchange
                // Answered once the run has recorded that it stopped: durable before the 200.
                let stopping = runs.stop(id) { stored, seq in
                    let response: HTTPResponse
                    do {
                        response = APIHandler.jsonResponse(
                            try JSONValueEncoder().encodeBytes(Self.resource(stored, eventSeq: seq)), status: 200)
                    } catch {
                        response = APIHandler.render(
                            .internal(Text("could not encode the response: \(error)", nb: "kunne ikke kode svaret: \(error)")),
                            language: .en)
                    }
                    exchange.onLoop { exchange.respond(response) }
                }
                guard stopping else {
                    guard let stored = try reads.read({ try $0.exercise(id: id) }) else { throw Self.notFound(id) }
                    var error = APIError.conflict(Text(
                        "exercise #\(id) is not running (it is \(stored.state.rawValue))",
                        nb: "øvelse #\(id) kjører ikke (den er \(stored.state.name.nb))"))
                    error.details = JSONObject([("state", .string(stored.state.rawValue))])
                    throw error
                }
                return .answered
            },
        ]
    }

    // MARK: - Scenarios

    static func directory(_ configuration: DaemonConfiguration) -> String {
        (configuration.playbooks.directory as NSString).appendingPathComponent(ExerciseScenarios.directoryName)
    }

    /// What a scenario is checked against: the live facilities and districts, the loaded cards.
    private func validationContext(calendar: LocalCalendar) throws(APIError) -> ExerciseValidationContext {
        let (facilities, districts) = try reads.read { connection in
            (Set(try connection.facilities().map(\.id)), Set(try connection.districts().map(\.id)))
        }
        return ExerciseValidationContext(
            facilities: facilities, districts: districts, playbooks: library.playbooks, rules: PlaybookLibrary.ruleIDs,
            calendar: calendar)
    }

    /// The scenario `id`: 404 when there is no such file, 422 when it does not validate.
    private func load(_ id: String, configuration: DaemonConfiguration, calendar: LocalCalendar) throws(APIError)
        -> ExerciseScenario
    {
        let directory = Self.directory(configuration)
        switch ExerciseScenarios.load(id: id, directory: directory, context: try validationContext(calendar: calendar)) {
        case nil:
            var error = APIError.notFound(Text(
                "no scenario '\(id)' in \(directory) (beredskap exercise scenarios lists them)",
                nb: "ingen øvelse «\(id)» i \(directory) (beredskap exercise scenarios viser dem)"))
            error.details = JSONObject([("field", .string("scenario")), ("scenario", .string(id))])
            throw error
        case .failure(let failure):
            throw Self.invalidDefinition(failure)
        case .success(let scenario):
            return scenario
        }
    }

    /// 422 `invalid_definition`, as a playbook reload: the first problem in `details.file` and
    /// `details.field`, all of them in `details.problems`.
    static func invalidDefinition(_ failure: ExerciseScenarioFailure) -> APIError {
        let first = failure.problems.first
        return PlaybookRoutes.invalidDefinition(
            Text(
                "the scenario is invalid and was not run: \(first?.message(.en) ?? "")",
                nb: "øvelsen er ugyldig og ble ikke kjørt: \(first?.message(.nb) ?? "")"),
            problems: failure.problems)
    }

    private static func summary(
        file: String, _ result: Result<ExerciseScenario, ExerciseScenarioFailure>, calendar: LocalCalendar
    ) -> ExerciseScenarioList.Summary {
        let id = String(file.dropLast(PlaybookSet.fileExtension.count))
        switch result {
        case .success(let scenario):
            let timeline = scenario.timeline(in: calendar)
            return ExerciseScenarioList.Summary(
                id: id, file: file, title: scenario.title, start: timeline.start, span: timeline.span, speed: scenario.speed,
                injects: scenario.injects.count, expectations: scenario.expectations.count, problems: [])
        case .failure(let failure):
            return ExerciseScenarioList.Summary(
                id: id, file: file, title: nil, start: nil, span: nil, speed: nil, injects: 0, expectations: 0,
                problems: failure.problems.map(ExerciseScenarioList.Problem.init))
        }
    }

    // MARK: - Runs

    /// A speed from the request: a factor from 1 to `ExerciseSpeed.maximumFactor`, or `max`.
    static func check(_ speed: ExerciseSpeed) throws(APIError) {
        guard case .factor(let factor) = speed else { return }
        guard factor >= 1, factor <= ExerciseSpeed.maximumFactor else {
            throw .invalidField("speed", Text(
                "expected a number from 1 (real time) to 1000000, or \"max\"",
                nb: "forventet et tall fra 1 (sanntid) til 1000000, eller \"max\""))
        }
    }

    static func resource(_ stored: StoredExercise, eventSeq: Int64? = nil) -> ExerciseResource {
        ExerciseResource(
            id: stored.id, scenario: stored.scenario, state: stored.state, speed: stored.speed, startedAt: stored.startedAt,
            endedAt: stored.endedAt, simulatedAt: stored.simulated, injectsDone: stored.injectsDone,
            injectsTotal: stored.injectsTotal, alerts: stored.alerts, runs: stored.runs, notifications: stored.notifications,
            results: stored.results, failure: stored.failure, eventSeq: eventSeq)
    }

    static func notFound(_ id: Int64) -> APIError {
        .notFound(Text("no exercise #\(id) (beredskap exercise list shows them)", nb: "ingen øvelse #\(id) (beredskap exercise list viser dem)"))
    }

}
