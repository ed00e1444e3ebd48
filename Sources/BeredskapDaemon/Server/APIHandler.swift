import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The daemon's `HTTPHandler`: the one path every request takes.
///
/// In order, before any route code runs: browsers are refused (`Origin`/`Referer`), the route
/// is found, the caller's permission is checked (a denial is written to the event log before
/// the 403 goes out), unknown query parameters are refused, a body must be JSON, and an
/// `Idempotency-Key` must be well formed. Then the route answers now, streams, hands a
/// mutation to the writer and answers after the commit, or hands a read that can be slow to
/// the read workers and answers when it is done. The event loop itself only parses, routes,
/// checks and writes.
public struct APIHandler: HTTPHandler {
    public struct Session: Sendable {
        let identity: Identity
        let denials = DenialBudget()
    }

    let router: Router
    let services: DaemonServices
    let readWorkers: ReadWorkers

    public init(router: Router, services: DaemonServices) {
        self.init(router: router, services: services, readWorkers: ReadWorkers(count: services.configuration.http.readWorkers))
    }

    init(router: Router, services: DaemonServices, readWorkers: ReadWorkers) {
        self.router = router
        self.services = services
        self.readWorkers = readWorkers
    }

    /// Reads still queued are answered 503, reads running are waited for.
    public func serverWillStop() {
        readWorkers.shutdown()
    }

    public func openSession(peer: PeerCredentials) -> Session {
        Session(identity: services.identityResolver.resolve(peer))
    }

    /// Writes one summary event for the denials a connection made beyond its budget.
    public func closeSession(_ session: Session) {
        let suppressed = session.denials.suppressed
        guard suppressed > 0 else { return }
        let command = WriteCommand(actor: session.identity.principal) { transaction in
            try transaction.appendEvent(
                AccessEvents.deniedRepeatedly,
                AccessEvents.DeniedRepeatedly(notLoggedIndividually: suppressed, pid: Int64(session.identity.peer.pid)),
                subject: nil)
            return CommandReply(status: 204, body: [])
        }
        services.writer.submit(command) { _ in }
    }

    public func handle(_ request: HTTPRequest, session: Session, exchange: HTTPExchange) {
        let language = Language.fromAcceptLanguage(request.head.headers["Accept-Language"])
        let identity = session.identity
        let method = request.head.method

        if request.head.headers.contains("Origin") || request.head.headers.contains("Referer") {
            deny(
                request, session: session, permission: nil, reason: .browser, routeLabel: "refused",
                error: APIError(
                    .forbidden,
                    Text(
                        "requests from browsers (with Origin or Referer) are refused",
                        nb: "forespørsler fra nettlesere (med Origin eller Referer) avvises"),
                    details: JSONObject([("reason", .string("browser"))])),
                language: language, exchange: exchange)
            return
        }

        let route: Route
        let parameters: [String: String]
        switch router.match(method: method, path: request.head.target.pathSegments) {
        case .found(let found, let foundParameters):
            route = found
            parameters = foundParameters
        case .methodNotAllowed(let allowed):
            var error = APIError(
                .methodNotAllowed,
                Text(
                    "\(method) is not allowed here; use \(allowed.joined(separator: ", "))",
                    nb: "\(method) er ikke tillatt her; bruk \(allowed.joined(separator: ", "))"),
                details: JSONObject([("allowed", .array(allowed.map(JSONValue.string)))]))
            error.headers = [("Allow", allowed.joined(separator: ", "))]
            respond(error: error, routeLabel: "unmatched", method: method, language: language, exchange: exchange)
            return
        case .notFound:
            let path = request.head.target.path
            respond(
                error: .notFound(Text("no such route: \(path)", nb: "ingen slik rute: \(path)")),
                routeLabel: "unmatched", method: method, language: language, exchange: exchange)
            return
        }

        if let permission = route.permission, !services.policy.allows(identity, permission) {
            deny(
                request, session: session, permission: permission, reason: .permission, routeLabel: route.pattern,
                error: .forbidden(permission), language: language, exchange: exchange)
            return
        }

        do {
            try checkQuery(request, route: route)
            try checkBody(request)
            let claim = try idempotencyClaim(request)
            let context = RequestContext(
                request: request, identity: identity, parameters: parameters, language: language,
                exchange: exchange, route: route)
            let recording = route.audited.map { audit in
                RecordedRead(
                    payload: AccessEvents.Read(method: method, route: route.pattern), subject: audit.subject(filledFrom: parameters))
            }
            perform(
                try route.action(context), actor: identity.principal, claim: claim, recording: recording,
                routeLabel: route.pattern, method: method, language: language, exchange: exchange)
        } catch {
            respond(error: error, routeLabel: route.pattern, method: method, language: language, exchange: exchange)
        }
    }

    /// What the `access.read` event of an audited route's read says.
    private struct RecordedRead: Sendable {
        var payload: AccessEvents.Read
        var subject: String?
    }

    /// Does what the route asked: on the loop, or for a `slowRead` on a read worker (where the
    /// read's own result is then performed). An audited route (`recording`) answers only with
    /// a read recorded in the writer's transaction, and only such a route may.
    private func perform(
        _ result: RouteResult, actor: Principal, claim: IdempotencyClaim?, recording: RecordedRead? = nil,
        routeLabel: String, method: String, language: Language, exchange: HTTPExchange
    ) {
        if recording != nil, !result.isRecordedRead {
            return refuseUnrecorded(routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        }
        switch result {
        case .json(let status, let body):
            respond(json: body, status: status, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        case .response(let response):
            finish(response, routeLabel: routeLabel, method: method, exchange: exchange)
        case .mutation(let apply):
            submit(
                WriteCommand(actor: actor, idempotency: claim, apply: apply),
                routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        case .recordedRead(let read):
            guard let recording else {
                return refuseUnrecorded(routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            }
            // The record first: a read that throws (404) rolls it back with itself.
            let command = WriteCommand(actor: actor) { transaction in
                try transaction.appendEvent(AccessEvents.read, recording.payload, subject: recording.subject)
                return try read(transaction.connection)
            }
            submit(command, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        case .recordedList(let read):
            guard let recording else {
                return refuseUnrecorded(routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            }
            let command = WriteCommand(actor: actor) { transaction in
                let listed = try read(transaction.connection)
                var payload = recording.payload
                payload.subjects = listed.subjects
                let event = try transaction.appendEvent(AccessEvents.read, payload, subject: recording.subject)
                try transaction.noteReadSubjects(listed.subjects, seq: event.seq)
                return listed.reply
            }
            submit(command, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        case .answered:
            services.metrics.recordRequest(
                route: routeLabel, method: method, status: 200, seconds: Double(exchange.elapsedNanoseconds) / 1e9)
        case .slowRead(let read):
            let job = ReadWorkers.Job(
                run: {
                    do throws(APIError) {
                        perform(
                            try read(), actor: actor, claim: claim, routeLabel: routeLabel, method: method, language: language,
                            exchange: exchange)
                    } catch {
                        respond(error: error, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
                    }
                },
                cancel: {
                    respond(error: Self.shuttingDown, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
                })
            switch readWorkers.submit(job) {
            case .accepted:
                break
            case .full:
                respond(
                    error: .unavailable(Text(
                        "too many long reads at once; try again shortly", nb: "for mange lange oppslag samtidig; prøv igjen om litt")),
                    routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            case .stopped:
                respond(error: Self.shuttingDown, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            }
        }
    }

    /// A route whose declaration and answer disagree (audited without a recorded read, or the
    /// other way round) is a bug: nothing is read unrecorded.
    private func refuseUnrecorded(routeLabel: String, method: String, language: Language, exchange: HTTPExchange) {
        DaemonLog.error("\(method) \(routeLabel): an audited route must answer with a recorded read, and no other route may")
        respond(
            error: .internal(Text(
                "\(method) \(routeLabel) does not record its reads as its route declares",
                nb: "\(method) \(routeLabel) registrerer ikke oppslagene sine slik ruten sier")),
            routeLabel: routeLabel, method: method, language: language, exchange: exchange)
    }

    private static let shuttingDown = APIError.unavailable(Text("the daemon is shutting down", nb: "tjenesten avsluttes"))

    public func errorResponse(for failure: HTTPConnectionFailure) -> HTTPResponse {
        let error: APIError
        switch failure {
        case .parse(let parseError):
            error = Self.error(for: parseError)
        case .requestTimeout:
            error = APIError(
                .requestTimeout,
                Text("the request did not arrive in time", nb: "forespørselen kom ikke fram i tide"))
        case .tooManyConnections:
            error = .unavailable(
                Text("too many connections; try again shortly", nb: "for mange tilkoblinger; prøv igjen om litt"))
        }
        services.metrics.recordRequest(route: "unmatched", method: "-", status: error.code.status, seconds: 0)
        return Self.render(error, language: .en)
    }

    // MARK: Checks

    private func checkQuery(_ request: HTTPRequest, route: Route) throws(APIError) {
        var seen = Set<String>()
        for item in request.head.target.queryItems where !seen.insert(item.name).inserted {
            throw .invalidField(
                item.name, Text("given more than once", nb: "er oppgitt mer enn én gang"))
        }
        for item in request.head.target.queryItems where !route.query.contains(item.name) {
            let known = route.query.sorted().joined(separator: ", ")
            throw .invalidField(
                item.name,
                Text(
                    known.isEmpty ? "unknown query parameter (this route takes none)"
                        : "unknown query parameter (expected one of: \(known))",
                    nb: known.isEmpty ? "ukjent parameter (denne ruten tar ingen)"
                        : "ukjent parameter (forventet ett av: \(known))"))
        }
    }

    private func checkBody(_ request: HTTPRequest) throws(APIError) {
        guard !request.body.isEmpty else { return }
        let contentType = request.head.headers["Content-Type"] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { String($0).lowercased() } ?? ""
        guard mediaType.trimmingCharacters(in: .whitespaces) == APIContract.MediaType.json else {
            throw APIError(
                .unsupportedMediaType,
                Text(
                    "the body must be JSON (Content-Type: application/json)",
                    nb: "innholdet må være JSON (Content-Type: application/json)"),
                details: JSONObject([("content_type", .string(contentType))]))
        }
    }

    private func idempotencyClaim(_ request: HTTPRequest) throws(APIError) -> IdempotencyClaim? {
        let keys = request.head.headers.values(for: APIContract.Header.idempotencyKey)
        guard let key = keys.first else { return nil }
        let printable = key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard keys.count == 1, !key.isEmpty, key.utf8.count <= APIContract.maximumIdempotencyKeyLength, printable else {
            throw .invalidField(
                APIContract.Header.idempotencyKey,
                Text(
                    "expected one key of 1–\(APIContract.maximumIdempotencyKeyLength) printable ASCII characters without spaces",
                    nb: "forventet én nøkkel på 1–\(APIContract.maximumIdempotencyKeyLength) synlige ASCII-tegn uten mellomrom"))
        }
        var hasher = SHA256()
        hasher.update(request.head.method)
        hasher.update(" ")
        hasher.update(request.head.target.raw)
        hasher.update("\n")
        hasher.update(request.body)
        return IdempotencyClaim(key: key, requestHash: hasher.finalizeHex())
    }

    // MARK: Answers

    /// Hands the command to the writer. Its completion only passes the outcome to the
    /// connection's loop: the writer thread, which every write waits for, builds no responses.
    private func submit(
        _ command: WriteCommand, routeLabel: String, method: String, language: Language, exchange: HTTPExchange
    ) {
        services.writer.submit(command) { outcome in
            exchange.onLoop {
                answer(outcome, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            }
        }
    }

    private func answer(
        _ outcome: WriteOutcome, routeLabel: String, method: String, language: Language, exchange: HTTPExchange
    ) {
            switch outcome {
            case .committed(let reply, _):
                finish(Self.jsonResponse(reply.body, status: reply.status), routeLabel: routeLabel, method: method, exchange: exchange)
            case .replayed(let reply):
                var response = Self.jsonResponse(reply.body, status: reply.status)
                response.head.headers.add(APIContract.Header.idempotentReplayed, "true")
                finish(response, routeLabel: routeLabel, method: method, exchange: exchange)
            case .rejected(let error):
                respond(error: APIError.from(error, context: "\(method) \(routeLabel)"), routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            case .idempotencyConflict:
                respond(
                    error: APIError(
                        .idempotencyConflict,
                        Text(
                            "this Idempotency-Key was used before with a different request",
                            nb: "denne Idempotency-Key er brukt før med en annen forespørsel")),
                    routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            case .storeFailed(let failure):
                DaemonLog.error("write failed: \(failure)")
                let message = failure.kind == .full
                    ? Text("storage is full or refuses writes; nothing was saved", nb: "lagringen er full eller avviser skriving; ingenting ble lagret")
                    : Text("the store could not save this; nothing was saved (see the daemon log)",
                           nb: "lageret kunne ikke lagre dette; ingenting ble lagret (se daemon-loggen)")
                respond(error: .unavailable(message), routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            case .closed:
                respond(error: Self.shuttingDown, routeLabel: routeLabel, method: method, language: language, exchange: exchange)
            }
    }

    /// Writes `access.denied` to the event log, then answers 403. Past the connection's
    /// budget a denial is only counted (see `DenialBudget`) and answered at once.
    private func deny(
        _ request: HTTPRequest, session: Session, permission: Permission?, reason: AccessEvents.DenialReason, routeLabel: String,
        error: APIError, language: Language, exchange: HTTPExchange
    ) {
        services.metrics.recordDenial()
        let identity = session.identity
        guard session.denials.admit() else {
            respond(error: error, routeLabel: routeLabel, method: request.head.method, language: language, exchange: exchange)
            return
        }
        let denial = AccessEvents.Denied(
            method: request.head.method, path: request.head.target.path, reason: reason, pid: Int64(identity.peer.pid),
            permission: permission)
        let command = WriteCommand(actor: identity.principal) { transaction in
            try transaction.appendEvent(AccessEvents.denied, denial, subject: nil)
            return CommandReply(status: 403, body: [])
        }
        services.writer.submit(command) { outcome in
            if case .storeFailed(let failure) = outcome { DaemonLog.error("could not log a denial: \(failure)") }
            exchange.onLoop {
                respond(error: error, routeLabel: routeLabel, method: request.head.method, language: language, exchange: exchange)
            }
        }
    }

    private func respond(
        json body: any Encodable & Sendable, status: Int, routeLabel: String, method: String, language: Language,
        exchange: HTTPExchange
    ) {
        do {
            let bytes = try (body as? any JSONRepresentable)?.jsonValue.serialized() ?? JSONValueEncoder().encodeBytes(body)
            finish(Self.jsonResponse(bytes, status: status), routeLabel: routeLabel, method: method, exchange: exchange)
        } catch {
            respond(
                error: .internal(Text("could not encode the response: \(error)", nb: "kunne ikke kode svaret: \(error)")),
                routeLabel: routeLabel, method: method, language: language, exchange: exchange)
        }
    }

    private func respond(error: APIError, routeLabel: String, method: String, language: Language, exchange: HTTPExchange) {
        finish(Self.render(error, language: language), routeLabel: routeLabel, method: method, exchange: exchange)
    }

    private func finish(_ response: HTTPResponse, routeLabel: String, method: String, exchange: HTTPExchange) {
        var response = response
        response.head.headers.replaceOrAdd(APIContract.Header.version, APIContract.serverVersion)
        response.head.headers.replaceOrAdd(APIContract.Header.timeZone, services.timeZoneIdentifier)
        services.metrics.recordRequest(
            route: routeLabel, method: method, status: response.head.status,
            seconds: Double(exchange.elapsedNanoseconds) / 1e9)
        exchange.respond(response)
    }

    static func jsonResponse(_ body: [UInt8], status: Int) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [
                "Content-Type": APIContract.MediaType.json,
                APIContract.Header.version: APIContract.serverVersion,
            ],
            body: body)
    }

    static func render(_ error: APIError, language: Language) -> HTTPResponse {
        let bytes = (try? JSONValueEncoder().encodeBytes(error.body(in: language))) ?? Array(#"{"error":{"code":"internal","message":"","details":{}}}"#.utf8)
        var response = jsonResponse(bytes, status: error.code.status)
        for (name, value) in error.headers { response.head.headers.add(name, value) }
        return response
    }

    static func error(for parseError: HTTPParseError) -> APIError {
        let code: APIErrorCode
        switch parseError {
        case .requestLineTooLong, .headerLineTooLong, .headersTooLarge, .tooManyHeaders: code = .headersTooLarge
        case .bodyTooLarge: code = .payloadTooLarge
        default: code = .badRequest
        }
        var details = JSONObject()
        if case .bodyTooLarge(let declared) = parseError, let declared { details["declared_bytes"] = .integer(Int64(declared)) }
        var error = APIError(code, Text(parseError.message, nb: parseError.message), details: details)
        // Statuses the contract maps to bad_request but HTTP knows better (505, 501, 417).
        if code == .badRequest && parseError.statusCode != 400 {
            error.details["http_status"] = .integer(Int64(parseError.statusCode))
        }
        return error
    }
}

extension RouteResult {
    fileprivate var isRecordedRead: Bool {
        switch self {
        case .recordedRead, .recordedList: true
        default: false
        }
    }
}
