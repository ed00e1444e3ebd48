import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The loaded action cards: `GET /v1/playbooks`, `GET /v1/playbooks/{id}`,
/// `POST /v1/playbooks/reload`.
enum PlaybookRoutes {
    static func routes() -> [Route] {
        [
            Route(Endpoints.Playbooks.playbooks) { context throws(APIError) in
                let set = context.services.playbooks.playbooks
                let active = try context.services.read { try $0.activeRunCounts() }
                let directory = context.services.configuration.playbooks.directory
                return .json(status: 200, body: PlaybookList(
                    directory: directory,
                    playbooks: set.playbooks.map { PlaybookList.Summary($0, activeRuns: active[$0.id] ?? 0) },
                    warning: PlaybookLibrary.emptyWarning(set, directory: directory)?(context.language)))
            },
            Route(Endpoints.Playbooks.playbook) { context throws(APIError) in
                let id = context.parameters["id"] ?? ""
                guard let playbook = context.services.playbooks.playbooks[id] else { throw notFound(id) }
                return .json(status: 200, body: playbook)
            },
            Route(Endpoints.Playbooks.reload) { context throws(APIError) in
                let services = context.services
                let facilities = try services.read { connection in Set(try connection.facilities().map(\.id)) }
                let set: PlaybookSet
                switch PlaybookLibrary.load(services.configuration, facilities: facilities) {
                case .success(let loaded): set = loaded
                case .failure(let failure): throw invalidDefinition(failure)
                }
                return .mutation { transaction in
                    let event = try transaction.appendEvent(
                        type: "playbooks.reloaded", subject: nil,
                        data: .object(JSONObject([("playbooks", .array(set.playbooks.map { .string($0.id) }))])))
                    services.playbooks.replace(with: set)
                    return try CommandReply.json(
                        status: 200, PlaybooksReloaded(loaded: set.playbooks.count, eventSeq: event.seq))
                }
            },
        ]
    }

    static func notFound(_ id: String) -> APIError {
        .notFound(Text("no playbook '\(id)' (beredskap playbook list shows them)", nb: "ingen tiltakskort med id «\(id)» (beredskap playbook list viser dem)"))
    }

    /// 422 `invalid_definition`: the first problem in `details.file`/`details.field`, all of
    /// them in `details.problems`; the running set stays.
    static func invalidDefinition(_ failure: PlaybookSetFailure) -> APIError {
        let first = failure.problems.first
        var error = APIError(
            .invalidDefinition,
            Text(
                "the playbooks are invalid and were not loaded (the running set stays): \(first?.message(.en) ?? "")",
                nb: "tiltakskortene er ugyldige og ble ikke lastet (de som kjører, blir stående): \(first?.message(.nb) ?? "")"))
        error.details = JSONObject([
            ("file", .string(first?.file ?? "")), ("field", .string(first?.field ?? "")),
            ("problems", .array(failure.problems.map { problem in
                .object(JSONObject([
                    ("file", .string(problem.file)), ("field", .string(problem.field)),
                    ("message", .string(problem.problem.en)), ("message_nb", .string(problem.problem.nb)),
                ]))
            })),
        ])
        return error
    }
}
