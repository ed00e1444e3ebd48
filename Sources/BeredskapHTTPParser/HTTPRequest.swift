/// A parsed and validated request head.
///
/// Connection semantics (`keepAlive`, `expectsContinue`) are decided here, once, by the parser
/// rather than by each caller re-reading headers, so that the 1.0/1.1 defaults and list parsing
/// of `Connection` cannot be gotten wrong in several places.
public struct HTTPRequestHead: Sendable, Equatable {
    /// A token, case-sensitive (RFC 9110 §9.1), e.g. `GET`.
    public var method: String
    public var target: HTTPRequestTarget
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// HTTP/1.1: true unless `Connection: close`; HTTP/1.0: only with `Connection: keep-alive`.
    /// Always false for an HTTP/1.0 request with Transfer-Encoding (RFC 9112 §6.1).
    public var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request (HTTP/1.0 clients cannot expect it).
    public var expectsContinue: Bool

    public init(
        method: String,
        target: HTTPRequestTarget,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = [:],
        keepAlive: Bool = true,
        expectsContinue: Bool = false
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }
}

/// A complete request: the head and the whole (de-chunked) body.
///
/// The body is buffered whole because every API body is small JSON under `maxBodyBytes`;
/// streaming request bodies would complicate every handler for no gain.
public struct HTTPRequest: Sendable, Equatable {
    public var head: HTTPRequestHead
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }
}
