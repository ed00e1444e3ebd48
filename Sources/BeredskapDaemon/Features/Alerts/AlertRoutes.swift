import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Alerts: `GET /v1/alerts`, `GET /v1/alerts/{id}`, `POST /v1/alerts/{id}/ack`, `GET /v1/rules`.
///
/// The engine owns every state change of an alert; the only change people make here is the
/// acknowledgement, which the lifecycle itself validates (a resolved alert cannot be taken on).
struct AlertRoutes {
    static let maximumCommentLength = 500

    let reads: StoreReads
    let engine: AlertEngine
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Alerts.alerts) { context throws(APIError) in
                let query = try Self.alertQuery(context)
                let now = clock.now()
                @Sendable func list() throws(APIError) -> RouteResult {
                    let alerts = try reads.read { try $0.alerts(query) }
                    return .json(status: 200, body: AlertList(alerts: alerts.map { AlertResources.resource($0, now: now) }))
                }
                // Open alerts are few (one per rule and subject) and read on the loop; resolved
                // ones are the history, which only grows: off the loop.
                return query.state == .resolved ? .slowRead(list) : try list()
            },
            Route(Endpoints.Alerts.alert) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let now = clock.now()
                let found = try reads.read { connection -> (StoredAlert, [OutboxNotification])? in
                    guard let alert = try connection.alert(id: id) else { return nil }
                    return (alert, try connection.notifications(alert: id))
                }
                guard let (alert, notifications) = found else { throw Self.notFound(id) }
                return .json(status: 200, body: AlertResources.detailed(alert, notifications: notifications, now: now))
            },
            Route(Endpoints.Alerts.acknowledge) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(AckBody.self)
                let comment = body.comment.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !comment.isEmpty, comment.count <= Self.maximumCommentLength else {
                    throw .invalidField(
                        "comment",
                        Text(
                            "must be 1 to \(Self.maximumCommentLength) characters",
                            nb: "må være 1 til \(Self.maximumCommentLength) tegn"))
                }
                let language = settings.configuration.notifications.language
                let calendar = settings.calendar
                return .mutation { transaction in
                    let reply = try Self.acknowledge(id, comment: comment, until: body.expiresAt, engine: engine, in: &transaction)
                    try Self.logAcknowledgement(id, language: language, calendar: calendar, in: &transaction)
                    return reply
                }
            },
            Route(Endpoints.Alerts.rules) { context throws(APIError) in
                let open = try reads.read { try $0.openAlerts() }
                let configuration = settings.configuration
                return .json(
                    status: 200,
                    body: RuleResources.list(configuration.alerts, staleAfter: configuration.capacity.staleAfter, open: open))
            },
        ]
    }

    /// The filters of `GET /v1/alerts`; without `state`, the open alerts (what needs attention).
    static func alertQuery(_ context: RequestContext) throws(APIError) -> AlertQuery {
        var query = AlertQuery()
        switch try context.queryEnum("state", AlertStateFilter.self) ?? .open {
        case .open: query.openOnly = true
        case .pending: query.state = .pending
        case .firing: query.state = .firing
        case .resolved: query.state = .resolved
        }
        query.severity = try context.queryEnum("severity", AlertSeverity.self)
        if let rule = context.query("rule") {
            guard RuleResources.knownRules.contains(rule) else {
                throw .invalidField(
                    "rule",
                    Text("expected one of \(RuleResources.knownRules.sorted().joined(separator: ", "))",
                         nb: "forventet en av \(RuleResources.knownRules.sorted().joined(separator: ", "))"))
            }
            query.rule = rule
        }
        query.limit = try context.pageSize()
        return query
    }

    /// Records the acknowledgement, appends `alert.acknowledged` by the person, and has the
    /// engine look at the alert again once this commits.
    ///
    /// Why the engine looks again: an acknowledgement moves the alert's next deadline (repeats
    /// and escalation stop; an expiry becomes a deadline of its own), and the engine's clock
    /// for the alert was set before it. `advance` is queued behind this command, so it reads
    /// the acknowledged alert and reschedules from it; it changes nothing else.
    static func acknowledge(
        _ id: Int64, comment: String, until: Timestamp?, engine: AlertEngine, in transaction: inout WriteTransaction
    ) throws -> CommandReply {
        guard var alert = try transaction.connection.alert(id: id) else { throw notFound(id) }
        do {
            try alert.lifecycle.acknowledge(by: transaction.actor.user, comment: comment, until: until, at: transaction.now)
        } catch {
            switch error {
            case .notOpen:
                var refusal = APIError.conflict(Text(
                    "alert \(id) is resolved; only a pending or firing alert can be acknowledged",
                    nb: "varsel \(id) er avsluttet; bare et ventende eller aktivt varsel kan kvitteres"))
                refusal.details["state"] = .string(alert.lifecycle.state.rawValue)
                throw refusal
            case .expiryNotInFuture:
                throw APIError.invalidField(
                    "expires_at", Text("must be in the future", nb: "må være fram i tid"))
            }
        }
        try transaction.saveAlert(alert)
        // The comment is the alert's (its acknowledgement); the event names the alert.
        let event = try transaction.appendEvent(
            AlertEvents.acknowledged, AlertEvents.Acknowledged(rule: alert.key.rule, subject: alert.key.subject, expiresAt: until),
            subject: "alert/\(id)")
        engine.advance(alert: id)
        return try CommandReply.json(
            status: 200, AlertAcknowledged(alert: AlertResources.resource(alert, now: transaction.now), eventSeq: event.seq))
    }

    /// The acknowledgement in the incident log, filed under what the alert is about:
    /// `Varsel #12 (Refstad transittmottak: høyt belegg) er kvittert av oslo-ops: Ringer Hero`.
    static func logAcknowledgement(
        _ id: Int64, language: Language, calendar: LocalCalendar, in transaction: inout WriteTransaction
    ) throws {
        guard let alert = try transaction.connection.alert(id: id), let ack = alert.lifecycle.acknowledgement else { return }
        let what = AlertMessage.description(alert, name: try SubjectNames.name(of: alert.key.subject, transaction.connection))
        var text = Text("Alert #\(id) (\(what.en)) acknowledged by \(ack.by)", nb: "Varsel #\(id) (\(what.nb)) er kvittert av \(ack.by)")
        if let until = ack.until {
            let shown = calendar.dateTimeText(until)
            text = text + Text(" until \(shown)", nb: " til \(shown)")
        }
        text = text + Text(": \(ack.comment ?? "")", nb: ": \(ack.comment ?? "")")
        try transaction.addIncidentLogEntry(text: text(language), subject: alert.key.subject, source: .system)
    }

    static func notFound(_ id: Int64) -> APIError {
        var error = APIError.notFound(Text("no alert \(id)", nb: "ingen varsel med id \(id)"))
        error.details["id"] = .integer(id)
        return error
    }
}
