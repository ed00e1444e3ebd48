import BeredskapAPI
import BeredskapHTTPParser

/// A request to the local API: an endpoint's method and target, and an optional JSON body.
public struct APIRequest: Sendable {
    public var method: String
    /// Path plus percent-encoded query.
    public var target: String
    public var body: [UInt8]
    public var idempotencyKey: String?
    /// Further headers (a precondition such as `If-None-Match: *`).
    public var headers: [(String, String)]

    /// A request to `endpoint`.
    /// - Parameters:
    ///   - path: the values of the path's parameters, in the template's order (percent-encoded here).
    ///   - query: query items; those without a value are left out.
    public init<Request, Response>(
        _ endpoint: Endpoint<Request, Response>, path: [String] = [], query: [(String, String?)] = [], body: [UInt8] = [],
        idempotencyKey: String? = nil, headers: [(String, String)] = []
    ) {
        assert(path.count == endpoint.spec.path.parameterNames.count, "\(endpoint.spec) takes \(endpoint.spec.path.parameterNames)")
        assert(query.allSatisfy { endpoint.spec.query.contains($0.0) }, "\(endpoint.spec) takes the query \(endpoint.spec.query)")
        method = endpoint.spec.method.rawValue
        target = endpoint.spec.target(path, query: query)
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.headers = headers
    }

    /// A repeat is harmless for reads and for mutations that carry an idempotency key.
    var isSafeToRetry: Bool { method == "GET" || idempotencyKey != nil }
}

/// A complete response.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public var wasReplayed: Bool { headers[APIContract.Header.idempotentReplayed] == "true" }
}
