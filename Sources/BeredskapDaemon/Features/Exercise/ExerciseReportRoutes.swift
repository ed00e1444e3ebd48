import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import BeredskapStore

/// `GET /v1/exercises/{id}/report`: the after-action report kept when the run ended, as
/// Markdown, one HTML page or JSON, in bokmål unless `lang=en`.
struct ExerciseReportRoutes {
    let reads: StoreReads
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.ExerciseReports.report) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let format = try Self.option("format", ExerciseReportFormat.self, context) ?? .md
                let language = try Self.option("lang", Language.self, context) ?? .nb
                let calendar = settings.calendar
                let scenarios = settings.configuration.playbooks.directory + "/" + ExerciseScenarios.directoryName
                // A report of four months renders a page per chart and table: off the loop.
                return .slowRead { () throws(APIError) in
                    var report = try Self.report(id, reads: reads)
                    report.title = ExerciseScenarios.title(of: report.scenario, directory: scenarios)
                    let body: String
                    switch format {
                    case .json: return .json(status: 200, body: report)
                    case .md: body = report.markdown(language, calendar: calendar)
                    case .html: body = report.html(language, calendar: calendar)
                    }
                    return .response(HTTPResponse(status: 200, headers: ["Content-Type": format.mediaType], body: Array(body.utf8)))
                }
            },
        ]
    }

    /// The stored report of run `id`: 404 for an unknown run or one that left none (it failed,
    /// or a restart stopped it with its copy), 409 while it runs.
    static func report(_ id: Int64, reads: StoreReads) throws(APIError) -> AfterActionReport {
        guard let exercise = try reads.read({ try $0.exercise(id: id) }) else {
            throw notFound(id, Text("no exercise \(id)", nb: "ingen øvelse med id \(id)"))
        }
        guard exercise.state != .running else {
            var error = APIError.conflict(Text(
                "exercise \(id) is still running; its report is written when it ends",
                nb: "øvelse \(id) kjører fortsatt; rapporten skrives når den er ferdig"))
            error.details = JSONObject([("id", .integer(id)), ("state", .string(exercise.state.rawValue))])
            throw error
        }
        guard let report = try reads.read({ try $0.exerciseReport(exercise: id) }) else {
            throw notFound(id, Text(
                "exercise \(id) has no report (it \(exercise.state.rawValue) without one)",
                nb: "øvelse \(id) har ingen rapport (den endte som «\(exercise.state.rawValue)» uten)"))
        }
        return report
    }

    private static func notFound(_ id: Int64, _ message: Text) -> APIError {
        var error = APIError.notFound(message)
        error.details["id"] = .integer(id)
        return error
    }

    /// A query value among `Option`'s raw values, or nil when absent (`lang` of the situation report too).
    static func option<Option: RawRepresentable & CaseIterable>(
        _ name: String, _ type: Option.Type, _ context: RequestContext
    ) throws(APIError) -> Option? where Option.RawValue == String {
        guard let text = context.query(name) else { return nil }
        guard let value = Option(rawValue: text) else {
            let values = Option.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidField(name, Text("expected one of \(values)", nb: "forventet en av \(values)"))
        }
        return value
    }
}
