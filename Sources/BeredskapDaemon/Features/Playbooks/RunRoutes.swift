import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Foundation

/// Playbook runs: start one by hand, list and read them, and the three things people do to
/// them — complete a step, skip a step, abort the run.
///
/// Every change goes through the engine's `RunExecution` inside the request's own command, so
/// the person's action, the automatic steps it sets off, the events and the notifications
/// commit together, and the answer (the run as it now is) is only sent once they are durable.
struct RunRoutes {
    static let maximumReasonLength = 500
    static let maximumNoteLength = 2000

    let reads: StoreReads
    let library: PlaybookLibrary
    let engine: PlaybookEngine
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Playbooks.startRun) { context throws(APIError) in
                let id = context.parameters["id"] ?? ""
                guard let definition = library.playbooks[id] else { throw PlaybookRoutes.notFound(id) }
                let body = try context.decodeBody(StartRunBody.self)
                let reason = try Self.text(body.reason, field: "reason", limit: Self.maximumReasonLength)
                try Self.checkAbout(body, definition)
                return .mutation { transaction in
                    let stored = try engine.perform(in: &transaction) { execution, transaction in
                        try Self.startManually(definition, body, reason: reason, execution: &execution, in: &transaction)
                    }
                    return try CommandReply.json(status: 201, Self.resource(stored))
                }
            },
            Route(Endpoints.Playbooks.runs) { context throws(APIError) in
                var query = RunQuery()
                switch try context.queryEnum("state", RunStateFilter.self) {
                case .active: query.states = [.active]
                case .finished: query.states = [.finished, .aborted]
                case nil: break
                }
                query.playbook = context.query("playbook")
                query.limit = try context.pageSize()
                let runs = query
                @Sendable func list() throws(APIError) -> RouteResult {
                    let found = try reads.read { try $0.playbookRuns(runs) }
                    return .json(status: 200, body: RunList(runs: found.map(Self.resource)))
                }
                // Active runs are few and read on the loop; finished ones are the history, with
                // every step of each: off the loop.
                return query.states == [.active] ? try list() : .slowRead(list)
            },
            Route(Endpoints.Playbooks.run) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                guard let stored = try reads.read({ try $0.playbookRun(id: id) }) else { throw RunErrors.notFound(id) }
                return .json(status: 200, body: Self.resource(stored))
            },
            Route(Endpoints.Playbooks.completeStep) { context throws(APIError) in
                let body = try context.decodeBody(CompleteStepBody.self)
                let note = try body.note.map { note throws(APIError) in
                    try Self.text(note, field: "note", limit: Self.maximumNoteLength)
                }
                return try change(context) { run, step, by, now throws(PlaybookRunError) in
                    try run.complete(step: step, by: by, note: note, at: now)
                }
            },
            Route(Endpoints.Playbooks.skipStep) { context throws(APIError) in
                let reason = try Self.text(context.decodeBody(ReasonBody.self).reason, field: "reason", limit: Self.maximumReasonLength)
                return try change(context) { run, step, by, now throws(PlaybookRunError) in
                    try run.skip(step: step, by: by, reason: reason, at: now)
                }
            },
            Route(Endpoints.Playbooks.abortRun) { context throws(APIError) in
                let reason = try Self.text(context.decodeBody(ReasonBody.self).reason, field: "reason", limit: Self.maximumReasonLength)
                let language = settings.configuration.notifications.language
                return try change(context) { run, _, by, now throws(PlaybookRunError) in
                    try run.abort(by: by, reason: reason, at: now, language: language)
                }
            },
        ]
    }

    static func resource(_ stored: StoredRun) -> RunResource {
        RunResource(id: stored.id, run: stored.run, definition: stored.definition, trigger: stored.trigger, exercise: stored.exercise)
    }

    /// A person's action on run `{id}` (and step `{step}`, when the route has one), answered
    /// with the run as it now is.
    private func change(
        _ context: RequestContext,
        _ action: @escaping @Sendable (inout PlaybookRun, String, String, Timestamp) throws(PlaybookRunError) -> [PlaybookRunEffect]
    ) throws(APIError) -> RouteResult {
        let id = try AlertResources.idParameter(context)
        let step = context.parameters["step"] ?? ""
        return .mutation { transaction in
            let by = transaction.actor.user
            let now = transaction.now
            let stored = try engine.perform(in: &transaction) { execution, transaction in
                try execution.change(run: id, in: &transaction) { run throws(PlaybookRunError) in
                    try action(&run, step, by, now)
                }
            }
            return try CommandReply.json(status: 200, Self.resource(stored))
        }
    }

    /// What a manual start says it is about: an alert or a subject, not both, and one of them
    /// when the card's texts or owners name the subject or the alert.
    private static func checkAbout(_ body: StartRunBody, _ definition: PlaybookDefinition) throws(APIError) {
        if let alert = body.alert, alert <= 0 {
            throw .invalidField("alert", Text("expected a positive whole number", nb: "forventet et positivt heltall"))
        }
        if body.alert != nil, body.subject != nil {
            throw .invalidField("subject", Text(
                "give alert or subject, not both (an alert has its subject)", nb: "oppgi alert eller subject, ikke begge (et varsel har sitt subjekt)"))
        }
        if body.alert == nil, body.subject == nil, definition.needsSubject {
            let missing = definition.placeholders.intersection(PlaybookDefinition.subjectPlaceholders).sorted()
            throw RunErrors.unresolved(PlaybookResolutionError(missing: missing), trigger: PlaybookRunTrigger(kind: .manual))
        }
    }

    /// A manual start, about an alert (then at most one run of the playbook per alert, as for
    /// triggered runs), about a subject, or about nothing in particular.
    private static func startManually(
        _ definition: PlaybookDefinition, _ body: StartRunBody, reason: String, execution: inout RunExecution,
        in transaction: inout WriteTransaction
    ) throws -> StoredRun {
        var trigger = PlaybookRunTrigger(kind: .manual)
        if case .surge = definition.trigger {
            // A surge card started by hand is about the level as it is now ({level} in its texts).
            trigger.subject = "city"
            trigger.level = try transaction.connection.surgeState().level
        }
        if let subject = body.subject {
            trigger = try manualTrigger(about: subject, definition, base: trigger, transaction.connection)
        }
        var key: String?
        if let alertID = body.alert {
            guard let alert = try transaction.connection.alert(id: alertID) else {
                throw APIError.invalidField("alert", Text("no alert #\(alertID)", nb: "ingen varsel #\(alertID)"))
            }
            let level = trigger.level
            trigger = RunExecution.alertTrigger(alert, kind: .manual, severity: alert.lifecycle.severity)
            trigger.level = level
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

    /// The trigger of a start about `subject`: it must exist, and fit the card (an alert card's
    /// subject pattern; the city for a surge card). An alert card's rule fills `{rule}`; the
    /// subject's district fills `bydel:{district}`.
    private static func manualTrigger(
        about subject: String, _ definition: PlaybookDefinition, base: PlaybookRunTrigger, _ connection: SQLiteConnection
    ) throws -> PlaybookRunTrigger {
        if let problem = try AlertRules.knownSubjects(connection).problem(runSubject: subject) {
            throw problem.error(field: "subject", value: subject)
        }
        var trigger = base
        switch definition.trigger {
        case .alert(let alert):
            guard AlertKeyPattern.matches(subject: alert.subjectPattern, subject) else {
                throw APIError.invalidField("subject", Text(
                    "\(definition.id) is about \(alert.subjectPattern), not \(subject)",
                    nb: "\(definition.id) gjelder \(alert.subjectPattern), ikke \(subject)"))
            }
            trigger.rule = alert.rule
        case .surge:
            guard subject == "city" else {
                throw APIError.invalidField("subject", Text(
                    "a card for the surge level is about the city (city), not \(subject)",
                    nb: "et tiltakskort for ankomstnivået gjelder byen (city), ikke \(subject)"))
            }
        case .manual:
            break
        }
        trigger.subject = subject
        if let id = AlertFigures.facilityID(of: subject) {
            trigger.district = try connection.facility(id)?.district
        } else if subject.hasPrefix("district/") {
            trigger.district = String(subject.dropFirst("district/".count))
        }
        return trigger
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
