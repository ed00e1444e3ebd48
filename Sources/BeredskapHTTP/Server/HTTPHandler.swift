import BeredskapHTTPParser

/// A complete response with a body of known length.
public struct HTTPResponse: Sendable {
    public var head: HTTPResponseHead
    public var body: [UInt8]

    public init(head: HTTPResponseHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.init(head: HTTPResponseHead(status: status, headers: headers), body: body)
    }
}

/// Why the server answered on its own, without a request reaching the handler.
public enum HTTPConnectionFailure: Sendable, Equatable {
    /// The bytes were not an acceptable HTTP/1.1 request (400, 413, 431, 505 …).
    case parse(HTTPParseError)
    /// A request started but did not arrive completely in time (408).
    case requestTimeout
    /// The connection limit was reached (503).
    case tooManyConnections
}

/// What the server calls; the daemon's router implements it. The server knows no domain.
///
/// All calls for one connection happen on that connection's event-loop thread, so a handler
/// may do short blocking work (a read-only SQLite query) inline; anything that waits for
/// other threads (the writer) must answer later through the exchange instead.
public protocol HTTPHandler: Sendable {
    /// Per-connection state, created once when the connection is accepted.
    associatedtype Session: Sendable

    /// Called once per connection, with the peer credentials read at accept time.
    func openSession(peer: PeerCredentials) -> Session

    /// Called for each complete request, in order. Must answer `exchange` exactly once,
    /// now or later, from any thread (`respond` or `startStream`).
    func handle(_ request: HTTPRequest, session: Session, exchange: HTTPExchange)

    /// The response for a failure the server detected itself. The server adds
    /// `Connection: close` and closes the connection after sending it.
    func errorResponse(for failure: HTTPConnectionFailure) -> HTTPResponse

    /// Called once when the connection has closed, on its loop thread.
    func closeSession(_ session: Session)

    /// Called once at shutdown, after requests in flight had their grace period and before the
    /// loops stop: work the handler runs on threads of its own is finished or cancelled here,
    /// while its answers can still reach the connections waiting for them. Blocks until done.
    func serverWillStop()
}

extension HTTPHandler {
    public func closeSession(_ session: Session) {}
    public func serverWillStop() {}
}

/// Callbacks for a streaming response, made on the connection's loop thread, each as a task
/// of its own: never from inside a `write` or `finish` the producer is making.
public protocol HTTPStreamDelegate: Sendable {
    /// The socket took everything buffered after the stream had gone over its low-water mark:
    /// a producer that stopped because the client was slow can continue.
    func streamDidDrain(_ stream: HTTPResponseStream)
    /// Nothing was written for the stream's idle interval: time for a heartbeat.
    func streamIsIdle(_ stream: HTTPResponseStream)
    /// The stream ended: the client went away, or the server is shutting down.
    func streamDidClose(_ stream: HTTPResponseStream)
}
