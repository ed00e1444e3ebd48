import BeredskapCore

/// The methods the API uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
}

/// One operation of the API without its body types: method, path, the permission it needs and
/// the query parameters it accepts. The daemon's route table and the walk over every endpoint
/// (`Endpoints.all`) read this.
///
/// Why the permission is part of it: the daemon checks it in one place before any handler
/// runs, and reading the endpoints shows at a glance who may do what (as Tailscale's LocalAPI
/// declares it in its route table).
public struct EndpointSpec: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPMethod
    public let path: PathTemplate
    /// nil only for `GET /v1/health`, which anyone who can connect may call.
    public let permission: Permission?
    /// Query parameter names the endpoint accepts; the daemon refuses any other.
    public let query: Set<String>

    public init(_ method: HTTPMethod, _ path: PathTemplate, permission: Permission?, query: Set<String> = []) {
        self.method = method
        self.path = path
        self.permission = permission
        self.query = query
    }

    /// `GET /v1/facilities/{id}`.
    public var description: String { "\(method.rawValue) \(path.pattern)" }

    /// The request target: the path with `parameters` filled in (percent-encoded, in the
    /// template's order) and the query items that have a value, percent-encoded.
    public func target(_ parameters: [String] = [], query items: [(String, String?)] = []) -> String {
        let path = path.path(parameters)
        let present = items.compactMap { name, value in value.map { (name, $0) } }
        guard !present.isEmpty else { return path }
        return path + "?" + present.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }
}

/// An endpoint with the body it takes (`NoBody` when none) and the body it answers with: the
/// value both the daemon's router and the client are built from, so no path, method or
/// permission is written twice, and the client cannot send the wrong body or expect the
/// wrong answer.
public struct Endpoint<Request, Response>: Sendable {
    public let spec: EndpointSpec

    public init(_ method: HTTPMethod, _ path: PathTemplate, permission: Permission?, query: Set<String> = []) {
        spec = EndpointSpec(method, path, permission: permission, query: query)
    }
}

/// The body of a request that has none.
public struct NoBody: Sendable, Codable, Equatable {
    public init() {}
}
