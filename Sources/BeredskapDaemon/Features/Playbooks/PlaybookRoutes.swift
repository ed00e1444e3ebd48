import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The loaded action cards: `GET /v1/playbooks`, `GET /v1/playbooks/{id}`,
/// `POST /v1/playbooks/reload`.
struct PlaybookRoutes {
    let reads: StoreReads
    let library: PlaybookLibrary
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Playbooks.playbooks) { context throws(APIError) in
                let set = library.playbooks
                let active = try reads.read { try $0.activeRunCounts() }
                let directory = settings.configuration.playbooks.directory
                return .json(status: 200, body: PlaybookList(
                    directory: directory,
                    playbooks: set.playbooks.map { PlaybookList.Summary($0, activeRuns: active[$0.id] ?? 0) },
                    warning: PlaybookLibrary.emptyWarning(set, directory: directory)?(context.language)))
            },
            Route(Endpoints.Playbooks.playbook) { context throws(APIError) in
                let id = context.parameters["id"] ?? ""
                guard let playbook = library.playbooks[id] else { throw Self.notFound(id) }
                return .json(status: 200, body: playbook)
            },
            Route(Endpoints.Playbooks.reload) { _ throws(APIError) in
                let facilities = try reads.read { connection in Set(try connection.facilities().map(\.id)) }
                let set: PlaybookSet
                switch PlaybookLibrary.load(settings.configuration, facilities: facilities) {
                case .success(let loaded): set = loaded
                case .failure(let failure): throw Self.invalidDefinition(failure)
                }
                return .mutation { transaction in
                    let event = try transaction.appendEvent(
                        PlaybookEvents.reloaded, PlaybookEvents.Reloaded(playbooks: set.playbooks.map(\.id)), subject: nil)
                    library.replace(with: set)
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
        return invalidDefinition(
            Text(
                "the playbooks are invalid and were not loaded (the running set stays): \(first?.message(.en) ?? "")",
                nb: "tiltakskortene er ugyldige og ble ikke lastet (de som kjører, blir stående): \(first?.message(.nb) ?? "")"),
            problems: failure.problems)
    }

    /// 422 `invalid_definition` saying `message`, with the first of `problems` in
    /// `details.file`/`details.field` and all of them in `details.problems` (a playbook set, an
    /// exercise scenario).
    static func invalidDefinition(_ message: Text, problems: [PlaybookProblem]) -> APIError {
        let first = problems.first
        var error = APIError(.invalidDefinition, message)
        error.details = JSONObject([
            ("file", .string(first?.file ?? "")), ("field", .string(first?.field ?? "")),
            ("problems", .array(problems.map { problem in
                .object(JSONObject([
                    ("file", .string(problem.file)), ("field", .string(problem.field)),
                    ("message", .string(problem.problem.en)), ("message_nb", .string(problem.problem.nb)),
                ]))
            })),
        ])
        return error
    }
}
