import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapHTTP

/// One entry of the route table: an endpoint of the API (method, path, permission, query
/// parameters; see `Endpoints`), whether reading it is recorded, and what to do.
///
/// Why a route is built from an endpoint value: the client calls the same value, so a path,
/// method or permission is written once; the permission is checked in one place before any
/// handler runs. The same goes for `audited`: who read person data is recorded by the handler,
/// not by each route remembering to.
public struct Route: Sendable {
    public let endpoint: EndpointSpec
    /// Copied from the endpoint: the router compares it for every candidate route.
    public let method: String
    /// Set for a read that must be recorded (person data): the route answers `.recordedRead`,
    /// and the read and its `access.read` event are one writer transaction.
    public let audited: ReadAudit?
    public let action: @Sendable (RequestContext) throws(APIError) -> RouteResult

    public init(
        _ endpoint: EndpointSpec, audited: ReadAudit? = nil,
        action: @escaping @Sendable (RequestContext) throws(APIError) -> RouteResult
    ) {
        self.endpoint = endpoint
        self.method = endpoint.method.rawValue
        self.audited = audited
        self.action = action
    }

    public init<Request, Response>(
        _ endpoint: Endpoint<Request, Response>, audited: ReadAudit? = nil,
        action: @escaping @Sendable (RequestContext) throws(APIError) -> RouteResult
    ) {
        self.init(endpoint.spec, audited: audited, action: action)
    }

    /// nil only for `GET /v1/health`, which anyone who can connect may call.
    public var permission: Permission? { endpoint.permission }
    /// Query parameter names the route accepts; any other is an `invalid_field` error.
    public var query: Set<String> { endpoint.query }
    /// The pattern as written (`/v1/facilities/{id}`): the label in metrics.
    public var pattern: String { endpoint.path.pattern }

    /// The path parameters if `path` matches this route's pattern.
    func match(_ path: [String]) -> [String: String]? { endpoint.path.match(path) }
}

/// What a route asks the API handler to do.
public enum RouteResult: Sendable {
    /// Answer with this status and JSON body now.
    case json(status: Int, body: any Encodable & Sendable)
    /// Answer with this exact response (e.g. Prometheus text).
    case response(HTTPResponse)
    /// Apply this change through the writer; answer once it is durable.
    case mutation(@Sendable (inout WriteTransaction) throws -> CommandReply)
    /// Run this read on a read worker (`ReadWorkers`), off the event loop, and answer with what
    /// it returns (JSON is encoded there too): for a read that can be slow — a page, a series, a
    /// list that grows with the history — so that the loop goes on serving its other
    /// connections. The request has been checked on the loop already; when every worker is busy
    /// and the queue is full, it is answered 503 at once.
    case slowRead(@Sendable () throws(APIError) -> RouteResult)
    /// The read of an `audited` route: run in the writer's transaction, on its connection, with
    /// the `access.read` event that records it; answered once both are committed, and not at
    /// all (503) if they cannot be. The reply is encoded there, as a mutation's is.
    case recordedRead(@Sendable (SQLiteConnection) throws -> CommandReply)
    /// The read of an audited list: as `recordedRead`, and its `access.read` event names the
    /// subjects the answer showed (`RecordedList.subjects`), appended after the read in the
    /// same transaction.
    case recordedList(@Sendable (SQLiteConnection) throws -> RecordedList)
    /// The route answered the exchange itself (a stream).
    case answered
}

/// What an audited list answers, and whom it showed.
public struct RecordedList: Sendable {
    public var reply: CommandReply
    /// `person/12`, one per row shown.
    public var subjects: [String]

    public init(reply: CommandReply, subjects: [String]) {
        self.reply = reply
        self.subjects = subjects
    }
}

/// How an audited route's reads are recorded: what the `access.read` event is about.
public struct ReadAudit: Sendable, Equatable {
    /// The event's subject with `{parameter}` taken from the path (`person/{id}`); nil: none.
    public var subject: String?

    /// Recorded with the route only.
    public static let route = ReadAudit(subject: nil)

    /// Recorded about `template` filled from the path: `.subject("person/{id}")`.
    public static func subject(_ template: String) -> ReadAudit { ReadAudit(subject: template) }

    /// The subject of one read, from the request's path parameters.
    func subject(filledFrom parameters: [String: String]) -> String? {
        subject.map { template in
            template.split(separator: "/", omittingEmptySubsequences: false).map { part in
                guard part.hasPrefix("{"), part.hasSuffix("}") else { return String(part) }
                return parameters[String(part.dropFirst().dropLast())] ?? String(part)
            }.joined(separator: "/")
        }
    }
}

/// Finds the route for a request.
public struct Router: Sendable {
    public enum Match {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public let routes: [Route]

    public init(routes: [Route]) { self.routes = routes }

    public func match(method: String, path: [String]) -> Match {
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(path) else { continue }
            if route.method == method { return .found(route, parameters: parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
