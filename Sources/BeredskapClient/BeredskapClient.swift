import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON

/// A client of the local API over the daemon's Unix socket; the CLI, tests and benchmarks
/// use it. Uses nothing curl could not do.
///
/// It may be given several socket paths (the CLI's defaults): it connects to the first that
/// answers and stays with it; when none does, the error lists every path and why it failed.
///
/// Keeps one keep-alive connection. If a reused connection turns out to be closed (the daemon
/// restarted, or closed it as idle), a request that is safe to repeat is sent once more on a
/// fresh connection; a mutation is safe to repeat only with an idempotency key, so a retry can
/// never apply it twice.
public final class BeredskapClient {
    /// The paths to try, in order.
    public let socketPaths: [String]
    public var timeout: Double
    public var language: Language
    /// The daemon's time zone as its last response named it (`Beredskap-Time-Zone`).
    public private(set) var serverTimeZone: String?
    private var connection: UnixSocketConnection?
    /// The path that answered; later connections go only there.
    public private(set) var connectedPath: String?

    public convenience init(socketPath: String, timeout: Double = 30, language: Language = .en) {
        self.init(socketPaths: [socketPath], timeout: timeout, language: language)
    }

    public init(socketPaths: [String], timeout: Double = 30, language: Language = .en) {
        self.socketPaths = socketPaths
        self.timeout = timeout
        self.language = language
    }

    public func close() {
        connection?.close()
        connection = nil
    }

    /// Sends a request and reads the whole response, whatever its status.
    public func send(_ request: APIRequest) throws(ClientError) -> APIResponse {
        let reused = connection != nil
        do {
            return try exchange(request)
        } catch .connection(.closedEarly) where reused && request.isSafeToRetry {
            close()
            return try exchange(request)
        }
    }

    /// Sends a request and decodes a 2xx body as `T`; an error body becomes `.api`.
    public func call<T: Decodable>(_ request: APIRequest, as type: T.Type) throws(ClientError) -> T {
        let response = try send(request)
        try Self.check(response)
        return try Self.decode(type, response)
    }

    /// Calls `endpoint` with `body` and decodes a 2xx answer as the endpoint's response; an
    /// error body becomes `.api`. `path` fills the path's parameters in order.
    public func call<Request: Encodable, Response: Decodable>(
        _ endpoint: Endpoint<Request, Response>, path: [String] = [], query: [(String, String?)] = [], body: Request,
        idempotencyKey: String? = nil, headers: [(String, String)] = []
    ) throws(ClientError) -> Response {
        try call(
            APIRequest(
                endpoint, path: path, query: query, body: Self.body(body), idempotencyKey: idempotencyKey, headers: headers),
            as: Response.self)
    }

    /// Calls an endpoint that takes no body.
    public func call<Response: Decodable>(
        _ endpoint: Endpoint<NoBody, Response>, path: [String] = [], query: [(String, String?)] = [],
        idempotencyKey: String? = nil
    ) throws(ClientError) -> Response {
        try call(APIRequest(endpoint, path: path, query: query, idempotencyKey: idempotencyKey), as: Response.self)
    }

    /// Reads a streaming response (NDJSON), handing each line to `onLine` until it returns
    /// false or the daemon ends the stream. `idleTimeout` bounds the silence between lines.
    public func stream(_ request: APIRequest, idleTimeout: Double, onLine: ([UInt8]) -> Bool) throws(ClientError) {
        close()  // a stream takes a connection of its own
        let connection = try open()
        defer { close() }
        try write(request, on: connection)
        var head: HTTPResponseHead?
        var pending: [UInt8] = []
        var errorBody: [UInt8] = []
        while true {
            let event: HTTPResponseParserEvent
            do {
                event = try connection.nextEvent(timeout: head == nil ? timeout : idleTimeout)
            } catch {
                throw .connection(error)
            }
            switch event {
            case .head(let received):
                head = received
                note(received)
            case .body(let bytes):
                guard let head, head.status == 200 else {
                    errorBody.append(contentsOf: bytes)
                    continue
                }
                pending.append(contentsOf: bytes)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    if !line.isEmpty && !onLine(line) { return }
                }
            case .end:
                if let head, head.status != 200 {
                    try Self.check(APIResponse(status: head.status, headers: head.headers, body: errorBody))
                }
                return
            case .needMoreData, .failure:
                continue
            }
        }
    }

    // MARK: Plumbing

    private func open() throws(ClientError) -> UnixSocketConnection {
        if let connection, connection.isOpen { return connection }
        var attempts: [SocketAttempt] = []
        for path in connectedPath.map({ [$0] }) ?? socketPaths {
            do {
                let opened = try UnixSocketConnection(path: path)
                connection = opened
                connectedPath = path
                return opened
            } catch .unreachable(let failed) {
                attempts += failed
            } catch {
                throw .connection(error)
            }
        }
        throw .connection(.unreachable(attempts))
    }

    private func write(_ request: APIRequest, on connection: UnixSocketConnection) throws(ClientError) {
        var headers: HTTPHeaders = [
            "Host": APIContract.hostName, "Accept": APIContract.MediaType.json,
            "Accept-Language": language.rawValue, "User-Agent": "beredskap/\(APIContract.serverVersion)",
        ]
        if !request.body.isEmpty { headers.add("Content-Type", APIContract.MediaType.json) }
        if let key = request.idempotencyKey { headers.add(APIContract.Header.idempotencyKey, key) }
        for (name, value) in request.headers { headers.add(name, value) }
        let bytes = HTTPRequestEncoder.encode(method: request.method, target: request.target, headers: headers, body: request.body)
        do {
            try connection.send(bytes, timeout: timeout)
        } catch {
            throw .connection(error)
        }
    }

    private func exchange(_ request: APIRequest) throws(ClientError) -> APIResponse {
        let connection = try open()
        do {
            try write(request, on: connection)
        } catch {
            close()
            throw error
        }
        var head: HTTPResponseHead?
        var body: [UInt8] = []
        while true {
            let event: HTTPResponseParserEvent
            do {
                event = try connection.nextEvent(timeout: timeout)
            } catch {
                close()
                throw .connection(error)
            }
            switch event {
            case .head(let received):
                head = received
                note(received)
            case .body(let bytes):
                body.append(contentsOf: bytes)
            case .end:
                guard let head else {
                    close()
                    throw .connection(.invalidResponse("a body without a head"))
                }
                if head.headers["Connection"]?.lowercased() == "close" { close() }
                return APIResponse(status: head.status, headers: head.headers, body: body)
            case .needMoreData, .failure:
                continue
            }
        }
    }

    private func note(_ head: HTTPResponseHead) {
        if let zone = head.headers[APIContract.Header.timeZone], !zone.isEmpty { serverTimeZone = zone }
    }

    /// The daemon's time zone: from the last response, or asked for (`GET /v1`) when nothing
    /// was exchanged yet, e.g. to read a local time the user typed before sending it.
    public func timeZone() throws(ClientError) -> String {
        if let serverTimeZone { return serverTimeZone }
        return try version().timeZone
    }

    static func check(_ response: APIResponse) throws(ClientError) {
        guard !(200..<300).contains(response.status) else { return }
        if let body = try? JSONValueDecoder(unknownKeys: .ignore).decode(APIErrorBody.self, from: response.body) {
            throw .api(status: response.status, body: body)
        }
        throw .unexpected(status: response.status, body: String(decoding: response.body, as: UTF8.self))
    }

    /// The JSON body of a request. Our wire types always encode (no non-finite numbers), so
    /// a failure here is impossible in practice; an empty body would be refused by the daemon
    /// rather than silently doing something else.
    static func body(_ value: some Encodable) -> [UInt8] {
        (try? JSONValueEncoder().encodeBytes(value)) ?? []
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: APIResponse) throws(ClientError) -> T {
        do {
            return try JSONValueDecoder(unknownKeys: .ignore).decode(type, from: response.body)
        } catch {
            throw .unexpected(status: response.status, body: "\(error): \(String(decoding: response.body.prefix(200), as: UTF8.self))")
        }
    }
}
