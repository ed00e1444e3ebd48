import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapStore
import Foundation

/// Playbook runs: start one by hand, list and read them, and the three things people do to
/// them — complete a step, skip a step, abort the run.
///
/// Every change goes through the engine's `RunExecution` inside the request's own command, so
/// the person's action, the automatic steps it sets off, the events and the notifications
/// commit together, and the answer (the run as it now is) is only sent once they are durable.
enum RunRoutes {
    static let maximumReasonLength = 500
    static let maximumNoteLength = 2000

    static func routes() -> [Route] {
        [
            Route("POST", "/v1/playbooks/{id}/runs", permission: .operate) { context throws(APIError) in
                let id = context.parameters["id"] ?? ""
                guard let definition = context.services.playbooks.playbooks[id] else { throw PlaybookRoutes.notFound(id) }
                let body = try context.decodeBody(StartRunBody.self)
                let reason = try text(body.reason, field: "reason", limit: maximumReasonLength)
                if let alert = body.alert, alert <= 0 {
                    throw .invalidField("alert", Text("expected a positive whole number", nb: "forventet et positivt heltall"))
                }
                let engine = context.services.runs
                return .mutation { transaction in
                    let stored = try engine.perform(in: &transaction) { execution, transaction in
                        try startManually(definition, alert: body.alert, reason: reason, execution: &execution, in: &transaction)
                    }
                    return try CommandReply.json(status: 201, resource(stored))
                }
            },
            Route("GET", "/v1/runs", permission: .read, query: ["state", "playbook", "limit"]) { context throws(APIError) in
                var query = RunQuery()
                switch try context.queryEnum("state", RunStateFilter.self) {
                case .active: query.states = [.active]
                case .finished: query.states = [.finished, .aborted]
                case nil: break
                }
                query.playbook = context.query("playbook")
                query.limit = try context.pageSize()
                let runs = try context.services.read { try $0.playbookRuns(query) }
                return .json(status: 200, body: RunList(runs: runs.map(resource)))
            },
            Route("GET", "/v1/runs/{id}", permission: .read) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                guard let stored = try context.services.read({ try $0.playbookRun(id: id) }) else { throw RunErrors.notFound(id) }
                return .json(status: 200, body: resource(stored))
            },
            Route("POST", "/v1/runs/{id}/steps/{step}/complete", permission: .operate) { context throws(APIError) in
                let body = try context.decodeBody(CompleteStepBody.self)
                let note = try body.note.map { note throws(APIError) in try text(note, field: "note", limit: maximumNoteLength) }
                return try change(context) { run, step, by, now throws(PlaybookRunError) in
                    try run.complete(step: step, by: by, note: note, at: now)
                }
            },
            Route("POST", "/v1/runs/{id}/steps/{step}/skip", permission: .operate) { context throws(APIError) in
                let reason = try text(context.decodeBody(ReasonBody.self).reason, field: "reason", limit: maximumReasonLength)
                return try change(context) { run, step, by, now throws(PlaybookRunError) in
                    try run.skip(step: step, by: by, reason: reason, at: now)
                }
            },
            Route("POST", "/v1/runs/{id}/abort", permission: .operate) { context throws(APIError) in
                let reason = try text(context.decodeBody(ReasonBody.self).reason, field: "reason", limit: maximumReasonLength)
                return try change(context) { run, _, by, now throws(PlaybookRunError) in
                    try run.abort(by: by, reason: reason, at: now)
                }
            },
        ]
    }

    static func resource(_ stored: StoredRun) -> RunResource {
        RunResource(id: stored.id, run: stored.run, definition: stored.definition, trigger: stored.trigger, exercise: stored.exercise)
    }

    /// A person's action on run `{id}` (and step `{step}`, when the route has one), answered
    /// with the run as it now is.
    private static func change(
        _ context: RequestContext,
        _ action: @escaping @Sendable (inout PlaybookRun, String, String, Timestamp) throws(PlaybookRunError) -> [PlaybookRunEffect]
    ) throws(APIError) -> RouteResult {
        let id = try AlertResources.idParameter(context)
        let step = context.parameters["step"] ?? ""
        let engine = context.services.runs
        return .mutation { transaction in
            let by = transaction.actor.user
            let now = transaction.now
            let stored = try engine.perform(in: &transaction) { execution, transaction in
                try execution.change(run: id, in: &transaction) { run throws(PlaybookRunError) in
                    try action(&run, step, by, now)
                }
            }
            return try CommandReply.json(status: 200, resource(stored))
        }
    }

    /// A manual start, optionally about an alert (then at most one run of the playbook per
    /// alert, as for triggered runs).
    private static func startManually(
        _ definition: PlaybookDefinition, alert alertID: Int64?, reason: String, execution: inout RunExecution,
        in transaction: inout WriteTransaction
    ) throws -> StoredRun {
        var trigger = PlaybookRunTrigger(kind: .manual)
        if case .surge = definition.trigger {
            // A surge card started by hand is about the level as it is now ({level} in its texts).
            trigger.subject = "city"
            trigger.level = try transaction.connection.surgeState().level
        }
        var key: String?
        if let alertID {
            guard let alert = try transaction.connection.alert(id: alertID) else {
                throw APIError.invalidField("alert", Text("no alert #\(alertID)", nb: "ingen varsel #\(alertID)"))
            }
            trigger = RunExecution.alertTrigger(alert, kind: .manual, severity: alert.lifecycle.severity)
            key = "alert/\(alertID)"
            if let existing = try transaction.connection.playbookRun(playbook: definition.id, triggerKey: "alert/\(alertID)") {
                var error = APIError.conflict(Text(
                    "alert #\(alertID) already has run #\(existing.id) of \(definition.id)",
                    nb: "varsel #\(alertID) har allerede kjøring #\(existing.id) av \(definition.id)"))
                error.details = JSONObject([("run", .integer(existing.id)), ("state", .string(existing.run.state.rawValue))])
                throw error
            }
        }
        return try execution.start(
            definition, trigger: trigger, triggerKey: key, reason: reason, exercise: transaction.exercise, in: &transaction)
    }

    /// `value` trimmed, 1…`limit` characters.
    private static func text(_ value: String, field: String, limit: Int) throws(APIError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= limit else {
            throw .invalidField(field, Text("must be 1 to \(limit) characters", nb: "må være 1 til \(limit) tegn"))
        }
        return trimmed
    }
}
