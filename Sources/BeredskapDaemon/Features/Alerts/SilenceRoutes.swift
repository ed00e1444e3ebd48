import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Silences: `POST /v1/silences`, `GET /v1/silences`, `DELETE /v1/silences/{id}`.
///
/// The routes only store silences and record `silence.created` / `silence.expired` (the
/// comment stays with the silence); the engine reviews every open alert after any committed
/// event about silences, so a new silence quiets matching alerts, and an expired one lets a
/// still-firing alert notify at once.
struct SilenceRoutes {
    /// The longest silence: one that outlives the situation it was made for hides the next.
    static let maximumLength = FixedDuration(milliseconds: 30 * 24 * 3_600_000)
    /// How many silences a list looks at before filtering by state (newest first).
    static let listWindow = 1000

    let reads: StoreReads
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Alerts.createSilence) { context throws(APIError) in
                let body = try context.decodeBody(NewSilence.self)
                return .mutation { transaction in try Self.create(body, in: &transaction) }
            },
            Route(Endpoints.Alerts.silences) { context throws(APIError) in
                let filter = try context.queryEnum("state", SilenceStateFilter.self)
                let limit = try context.pageSize()
                let now = clock.now()
                let rows = try reads.read { try $0.silences(limit: Self.listWindow) }
                let shown = rows.map { SilenceResource($0.silence, expiredAt: $0.expiredAt, now: now) }
                    .filter { filter?.includes($0.state) ?? true }
                return .json(status: 200, body: SilenceList(silences: Array(shown.prefix(limit))))
            },
            Route(Endpoints.Alerts.expireSilence) { context throws(APIError) in
                let id = context.parameters["id"] ?? ""
                return .mutation { transaction in try Self.expire(id, in: &transaction) }
            },
        ]
    }

    /// Builds the silence from the body, checks it, stores it and records `silence.created`.
    static func create(_ body: NewSilence, in transaction: inout WriteTransaction) throws -> CommandReply {
        let now = transaction.now
        let startsAt = body.startsAt ?? now
        let silence = Silence(
            id: try nextID(transaction.connection), matchers: body.matchers.matchers, startsAt: startsAt,
            endsAt: try end(of: body, startingAt: startsAt, now: now),
            comment: body.comment.trimmingCharacters(in: .whitespacesAndNewlines), author: transaction.actor.user,
            createdAt: now)
        if let problem = silence.validate().first { throw APIError.invalidField(problem.field, problem.problem) }
        try checkMatchesSomething(silence.matchers, transaction.connection)
        try transaction.saveSilence(silence)
        let event = try transaction.appendEvent(
            AlertEvents.silenceCreated, AlertEvents.SilenceDefined(silence), subject: "silence/\(silence.id)")
        return try CommandReply.json(
            status: 201, SilenceChanged(silence: SilenceResource(silence, expiredAt: nil, now: now), eventSeq: event.seq))
    }

    /// A rule that no alert has, or a subject no alert can be about (an unknown facility, a
    /// kind of subject the rule's alerts never have), would silence nothing: refused, with the
    /// values that would match in `details.known` and the refused one in `details.value`.
    private static func checkMatchesSomething(_ matchers: Silence.Matchers, _ connection: SQLiteConnection) throws {
        let known = try AlertRules.knownSubjects(connection)
        let field: String, value: String, problem: KnownSubjects.Problem
        if let unknown = known.problem(rule: matchers.rule) {
            (field, value, problem) = ("matchers.rule", matchers.rule, unknown)
        } else if let unknown = known.problem(alertSubject: matchers.subject, rule: matchers.rule) {
            (field, value, problem) = ("matchers.subject", matchers.subject, unknown)
        } else {
            return
        }
        throw problem.error(field: field, value: value)
    }

    /// `ends_at`, or `starts_at` plus `duration`: exactly one of them, in the future, and at
    /// most `maximumLength` after the start.
    private static func end(of body: NewSilence, startingAt start: Timestamp, now: Timestamp) throws(APIError) -> Timestamp {
        let end: Timestamp
        let field: String
        switch (body.endsAt, body.duration) {
        case (let endsAt?, nil):
            (end, field) = (endsAt, "ends_at")
        case (nil, let duration?):
            (end, field) = (start.adding(milliseconds: duration.milliseconds), "duration")
        case (nil, nil):
            throw .invalidField("ends_at", Text(
                "say when the silence ends: ends_at or duration", nb: "oppgi når dempingen slutter: ends_at eller duration"))
        case (_?, _?):
            throw .invalidField("duration", Text(
                "give ends_at or duration, not both", nb: "oppgi ends_at eller duration, ikke begge"))
        }
        guard end > now else { throw .invalidField(field, Text("must end in the future", nb: "må slutte fram i tid")) }
        guard end.millisecondsSinceEpoch - start.millisecondsSinceEpoch <= maximumLength.milliseconds else {
            throw .invalidField(field, Text(
                "a silence may last at most \(maximumLength.name.en)", nb: "en demping kan vare høyst \(maximumLength.name.nb)"))
        }
        return end
    }

    /// Ends a silence now and records `silence.expired`.
    private static func expire(_ id: String, in transaction: inout WriteTransaction) throws -> CommandReply {
        guard let (silence, expiredAt) = try transaction.connection.silence(id: id) else {
            var error = APIError.notFound(Text("no silence \(id)", nb: "ingen demping med id \(id)"))
            error.details["id"] = .string(id)
            throw error
        }
        let now = transaction.now
        guard try transaction.expireSilence(id: id) else {
            let state = SilenceState(silence, expiredAt: expiredAt, now: now)
            var error = APIError.conflict(Text(
                "silence \(id) is \(state.rawValue) already", nb: "demping \(id) er allerede \(state.name.nb)"))
            error.details["state"] = .string(state.rawValue)
            throw error
        }
        let event = try transaction.appendEvent(AlertEvents.silenceExpired, AlertEvents.SilenceDefined(silence), subject: "silence/\(id)")
        return try CommandReply.json(
            status: 200, SilenceChanged(silence: SilenceResource(silence, expiredAt: now, now: now), eventSeq: event.seq))
    }

    /// `s-1`, `s-2`, …: one more than the newest silence's number.
    private static func nextID(_ connection: SQLiteConnection) throws -> String {
        let newest = try connection.silences(limit: 1).first?.silence.id
        let number = newest.flatMap { Int64($0.dropFirst(2)) } ?? 0
        return "s-\(number + 1)"
    }

}

extension KnownSubjects.Problem {
    /// 400 `invalid_field` at `field`, with the refused `value` and the `known` ones in the
    /// details, so that a client can offer the closest.
    func error(field: String, value: String) -> APIError {
        var error = APIError.invalidField(field, problem)
        error.details["value"] = .string(value)
        error.details["known"] = .array(known.map(JSONValue.string))
        return error
    }
}
