/// What `HTTPResponseParser.next()` has to say.
public enum HTTPResponseParserEvent: Sendable, Equatable {
    case needMoreData
    /// The final response's head; 1xx interim responses are skipped silently.
    case head(HTTPResponseHead)
    /// Zero or more non-empty parts of the body, handed out as soon as bytes arrive so that a
    /// streamed body (NDJSON events) is seen line by line.
    case body([UInt8])
    /// The message is complete; the parser is ready for the next response on the connection.
    case end
    /// Terminal: every later `next()` returns the same failure.
    case failure(String)
}

/// Incremental HTTP/1.1 response parser for the client side.
///
/// The mirror of `HTTPRequestParser`, built from the same pieces (line search, field section
/// reader, chunked decoder) so both ends of the socket agree on the syntax. Bodies are streamed
/// rather than collected, because the event feed is an endless chunked response. It does not
/// know the request method, so a response to HEAD must not be fed to it (the client never
/// sends HEAD).
public struct HTTPResponseParser: Sendable {
    private enum Phase: Sendable {
        case statusLine
        case fields(status: Int)
        case body(BodyFraming)
        case failed(String)
    }

    /// Bounds memory against a misbehaving server; far above what the daemon ever sends.
    public static let maxHeaderCount = 256

    private let maxHeaderBytes: Int
    private var buffer = InputBuffer()
    private var phase = Phase.statusLine
    private var fieldReader: HeaderBlockReader
    private var chunkedDecoder: ChunkedDecoder
    private var closed = false

    /// - Parameter maxHeaderBytes: bounds the status line, each field line and all field lines
    ///   together (and the same for trailers).
    public init(maxHeaderBytes: Int = 64 * 1024) {
        self.maxHeaderBytes = max(0, maxHeaderBytes)
        self.fieldReader = Self.makeFieldReader(maxHeaderBytes: self.maxHeaderBytes, keepsFields: true)
        self.chunkedDecoder = Self.makeChunkedDecoder(maxHeaderBytes: self.maxHeaderBytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !isFailed else { return }
        buffer.append(bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        guard !isFailed else { return }
        buffer.append(bytes)
    }

    /// The server closed the connection: ends a body delimited by close, and turns any other
    /// incomplete message into a failure on the next `next()`.
    public mutating func connectionClosed() {
        closed = true
    }

    /// True while a response has begun (any byte of it received) but has not ended.
    public var isMidMessage: Bool {
        switch phase {
        case .statusLine: return buffer.readableCount > 0
        case .fields, .body: return true
        case .failed: return false
        }
    }

    /// How many bytes the line search has examined: exposed to tests to prove linear work.
    var examinedByteCount: Int { buffer.examinedByteCount }

    public mutating func next() -> HTTPResponseParserEvent {
        let event = advance()
        if case .failure(let reason) = event, !isFailed {
            phase = .failed(reason)
            buffer.discardAll()
        }
        return event
    }

    private var isFailed: Bool {
        if case .failed = phase { return true }
        return false
    }

    /// Every loop iteration consumes bytes or moves to another phase; skipping interim
    /// responses consumes their bytes, so the loop always ends.
    private mutating func advance() -> HTTPResponseParserEvent {
        while true {
            switch phase {
            case .failed(let reason):
                return .failure(reason)
            case .statusLine:
                if let event = readStatusLine() { return event }
            case .fields(let status):
                if let event = readFields(status: status) { return event }
            case .body(let framing):
                return readBody(framing)
            }
        }
    }

    private mutating func readStatusLine() -> HTTPResponseParserEvent? {
        switch buffer.nextLine(maxLength: maxHeaderBytes) {
        case .incomplete:
            if closed {
                return .failure(buffer.readableCount == 0 ? "connection closed before a response arrived" : truncated)
            }
            return .needMoreData
        case .tooLong:
            return .failure("status line is too long")
        case .line(let content, let length):
            switch StatusLine.parse(buffer[content]) {
            case .malformed(let reason):
                return .failure(reason)
            case .status(let status):
                buffer.consume(length)
                fieldReader = Self.makeFieldReader(maxHeaderBytes: maxHeaderBytes, keepsFields: true)
                phase = .fields(status: status)
                return nil
            }
        }
    }

    private mutating func readFields(status: Int) -> HTTPResponseParserEvent? {
        switch fieldReader.read(from: &buffer) {
        case .needMoreData:
            return closed ? .failure(truncated) : .needMoreData
        case .failure(let failure):
            return .failure(Self.describe(failure))
        case .complete(let headers):
            let head = HTTPResponseHead(status: status, headers: headers)
            if (100...199).contains(status) {
                phase = .statusLine
                return nil
            }
            switch Self.framing(of: head) {
            case .refused(let reason):
                return .failure(reason)
            case .framed(let framing):
                chunkedDecoder = Self.makeChunkedDecoder(maxHeaderBytes: maxHeaderBytes)
                phase = .body(framing)
                return .head(head)
            }
        }
    }

    private enum FramingDecision {
        case framed(BodyFraming)
        case refused(String)
    }

    private mutating func readBody(_ framing: BodyFraming) -> HTTPResponseParserEvent {
        switch framing {
        case .none:
            phase = .statusLine
            return .end
        case .contentLength(let remaining):
            guard buffer.readableCount > 0 else { return closed ? .failure(truncated) : .needMoreData }
            let part = buffer.take(upTo: remaining)
            phase = .body(part.count == remaining ? .none : .contentLength(remaining - part.count))
            return .body(part)
        case .chunked:
            switch chunkedDecoder.next(from: &buffer) {
            case .data(let part):
                return .body(part)
            case .needMoreData:
                return closed ? .failure(truncated) : .needMoreData
            case .end:
                phase = .statusLine
                return .end
            case .failure(.malformed(let reason)):
                return .failure(reason)
            case .failure(.trailers(let failure)):
                return .failure(Self.describe(failure))
            case .failure(.bodyTooLarge):
                return .failure("chunked body is too large")
            }
        case .untilClose:
            if buffer.readableCount > 0 { return .body(buffer.take(upTo: buffer.readableCount)) }
            guard closed else { return .needMoreData }
            phase = .statusLine
            return .end
        }
    }

    private var truncated: String { "connection closed in the middle of a response" }

    /// RFC 9112 §6.3 for responses, minus the lenient parts: a response carrying both
    /// Content-Length and Transfer-Encoding, or a coding other than chunked, is refused.
    private static func framing(of head: HTTPResponseHead) -> FramingDecision {
        if head.statusForbidsBody { return .framed(.none) }
        let contentLength = ContentLengthField.parse(head.headers)
        if head.headers.contains("Transfer-Encoding") {
            guard contentLength == .absent else {
                return .refused("response has both Content-Length and Transfer-Encoding")
            }
            guard head.headers.transferEncodingIsExactlyChunked else {
                return .refused("unsupported transfer encoding in response")
            }
            return .framed(.chunked)
        }
        switch contentLength {
        case .absent: return .framed(.untilClose)
        case .value(0): return .framed(.none)
        case .value(let length): return .framed(.contentLength(length))
        case .duplicate, .invalid, .overflow: return .refused("invalid Content-Length in response")
        }
    }

    private static func describe(_ failure: HeaderBlockReader.Failure) -> String {
        switch failure {
        case .lineTooLong: return "response header line is too long"
        case .tooLarge: return "response headers are too large"
        case .tooMany: return "response has too many header fields"
        case .malformed(let reason): return "malformed response: \(reason)"
        }
    }

    private static func makeFieldReader(maxHeaderBytes: Int, keepsFields: Bool) -> HeaderBlockReader {
        HeaderBlockReader(
            maxLineBytes: maxHeaderBytes,
            maxTotalBytes: maxHeaderBytes,
            maxCount: maxHeaderCount,
            keepsFields: keepsFields
        )
    }

    /// The client accepts bodies of any length: the event stream never ends.
    private static func makeChunkedDecoder(maxHeaderBytes: Int) -> ChunkedDecoder {
        ChunkedDecoder(
            maxBodyBytes: Int.max,
            trailerReader: makeFieldReader(maxHeaderBytes: maxHeaderBytes, keepsFields: false)
        )
    }
}
