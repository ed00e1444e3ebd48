/// What `HTTPRequestParser.next()` has to say.
public enum HTTPParserEvent: Sendable, Equatable {
    case needMoreData
    /// Emitted once, after the head of a request with `expectsContinue` whose non-empty body is
    /// not yet fully buffered; the caller then writes `HTTPResponseEncoder.continueResponse`.
    /// Every limit that can be checked from the head (413 etc.) has passed by then.
    case expectContinue(HTTPRequestHead)
    case request(HTTPRequest)
    /// Terminal: every later `next()` returns the same failure.
    case failure(HTTPParseError)
}

/// Incremental HTTP/1.1 request parser: feed bytes as they arrive, in any split; pull complete
/// requests in order.
///
/// A pull-based value type with no I/O so that every edge case is a unit test over bytes, and so
/// the connection code decides when to read, write and time out. Pipelined requests that arrive
/// in one read come out one per `next()`. The parser works in phases (request line, field
/// section, body); each phase resumes where the previous call stopped, so total work is linear in
/// the bytes received however they are split, and every limit in `HTTPLimits` is enforced while
/// bytes are still arriving. After a failure the buffer is released and further input ignored:
/// the connection is to be answered and closed.
public struct HTTPRequestParser: Sendable {
    private enum Phase: Sendable {
        case requestLine
        case fields(RequestLine)
        case body(HTTPRequestHead, BodyFraming)
        case failed(HTTPParseError)
    }

    private let limits: HTTPLimits
    private var buffer = InputBuffer()
    private var phase = Phase.requestLine
    /// Bytes of empty lines consumed before the current request line (RFC 9112 §2.2).
    private var leadingBlankBytes = 0
    /// Bytes at the front of the buffer known to be CR/LF while waiting for a request line;
    /// maintained on append so `hasPartialRequest` is O(1).
    private var blankPrefix = 0
    /// Stream position just past the last request returned.
    private var returnedThrough = 0
    // The workers for the current phase live outside `Phase` so they are mutated in place
    // rather than copied out of an enum payload on every call.
    private var fieldReader: HeaderBlockReader
    private var chunkedDecoder: ChunkedDecoder
    private var body: [UInt8] = []
    private var continueEmitted = false

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        self.fieldReader = Self.makeFieldReader(limits)
        self.chunkedDecoder = Self.makeChunkedDecoder(limits)
    }

    /// Buffers bytes; parsing (and every limit check) happens in `next()`, so call `next()` until
    /// it returns `.needMoreData` after each append, or memory is bounded only by the caller.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !isFailed else { return }
        buffer.append(bytes)
        noteArrival()
    }

    public mutating func append(_ bytes: [UInt8]) {
        guard !isFailed else { return }
        buffer.append(bytes)
        noteArrival()
    }

    public mutating func next() -> HTTPParserEvent {
        let event = advance()
        if case .failure(let error) = event, !isFailed {
            phase = .failed(error)
            buffer.discardAll()
            body = []
        }
        return event
    }

    /// Bytes received but not yet returned as part of a request (including the consumed head and
    /// body bytes of the request in progress).
    public var bufferedByteCount: Int {
        isFailed ? 0 : buffer.readableCount + (buffer.consumedByteCount - returnedThrough)
    }

    /// True once any byte of the next request has arrived, to choose between the "request must
    /// arrive in time" and the "idle keep-alive" timeouts. Empty lines between requests do not count.
    public var hasPartialRequest: Bool {
        switch phase {
        case .requestLine: return blankPrefix < buffer.readableCount
        case .fields, .body: return true
        case .failed: return false
        }
    }

    /// How many bytes the line search has examined: exposed to tests to prove linear work.
    var examinedByteCount: Int { buffer.examinedByteCount }
    /// Bytes held in memory: exposed to tests to prove the buffer is compacted.
    var storageByteCount: Int { buffer.storageByteCount }

    private var isFailed: Bool {
        if case .failed = phase { return true }
        return false
    }

    private mutating func noteArrival() {
        if case .requestLine = phase {
            blankPrefix = buffer.blankPrefixLength(continuingFrom: blankPrefix)
        }
    }

    /// Runs the phases until one needs more bytes or produces an event. Every loop iteration
    /// either consumes bytes or moves to a later phase, so the loop always ends.
    private mutating func advance() -> HTTPParserEvent {
        while true {
            switch phase {
            case .failed(let error):
                return .failure(error)
            case .requestLine:
                if let event = readRequestLine() { return event }
            case .fields(let line):
                if let event = readFields(after: line) { return event }
            case .body(let head, let framing):
                return readBody(of: head, framing: framing)
            }
        }
    }

    private mutating func readRequestLine() -> HTTPParserEvent? {
        switch buffer.nextLine(maxLength: limits.maxRequestLineBytes - leadingBlankBytes) {
        case .incomplete:
            return .needMoreData
        case .tooLong:
            return .failure(.requestLineTooLong)
        case .line(let content, let length) where content.isEmpty:
            leadingBlankBytes += length
            guard leadingBlankBytes <= limits.maxRequestLineBytes else { return .failure(.requestLineTooLong) }
            buffer.consume(length)
            blankPrefix = max(0, blankPrefix - length)
            return nil
        case .line(let content, let length):
            switch RequestLine.parse(buffer[content]) {
            case .failure(let error):
                return .failure(error)
            case .success(let line):
                buffer.consume(length)
                fieldReader = Self.makeFieldReader(limits)
                phase = .fields(line)
                return nil
            }
        }
    }

    private mutating func readFields(after line: RequestLine) -> HTTPParserEvent? {
        switch fieldReader.read(from: &buffer) {
        case .needMoreData:
            return .needMoreData
        case .failure(let failure):
            return .failure(HTTPParseError(failure))
        case .complete(let headers):
            switch HTTPRequestHead.validated(line: line, headers: headers, limits: limits) {
            case .failure(let error):
                return .failure(error)
            case .success(let validated):
                chunkedDecoder = Self.makeChunkedDecoder(limits)
                phase = .body(validated.head, validated.framing)
                return nil
            }
        }
    }

    private mutating func readBody(of head: HTTPRequestHead, framing: BodyFraming) -> HTTPParserEvent {
        switch framing {
        case .none, .untilClose:
            // Requests are never delimited by close (RFC 9112 §6.3): no framing means no body.
            return finish(head)
        case .contentLength(let length):
            guard buffer.readableCount >= length else { return waitForBody(of: head) }
            body = buffer.take(upTo: length)
            return finish(head)
        case .chunked:
            while true {
                switch chunkedDecoder.next(from: &buffer) {
                case .data(let bytes): body.append(contentsOf: bytes)
                case .needMoreData: return waitForBody(of: head)
                case .end: return finish(head)
                case .failure(let failure): return .failure(HTTPParseError(failure))
                }
            }
        }
    }

    private mutating func waitForBody(of head: HTTPRequestHead) -> HTTPParserEvent {
        guard head.expectsContinue && !continueEmitted else { return .needMoreData }
        continueEmitted = true
        return .expectContinue(head)
    }

    private mutating func finish(_ head: HTTPRequestHead) -> HTTPParserEvent {
        let request = HTTPRequest(head: head, body: body)
        body = []
        continueEmitted = false
        leadingBlankBytes = 0
        returnedThrough = buffer.consumedByteCount
        phase = .requestLine
        blankPrefix = buffer.blankPrefixLength(continuingFrom: 0)
        return .request(request)
    }

    private static func makeFieldReader(_ limits: HTTPLimits) -> HeaderBlockReader {
        HeaderBlockReader(
            maxLineBytes: limits.maxHeaderLineBytes,
            maxTotalBytes: limits.maxHeaderBytes,
            maxCount: limits.maxHeaderCount
        )
    }

    /// Trailers get the same limits as the head's fields, counted afresh, and are dropped.
    private static func makeChunkedDecoder(_ limits: HTTPLimits) -> ChunkedDecoder {
        ChunkedDecoder(
            maxBodyBytes: limits.maxBodyBytes,
            trailerReader: HeaderBlockReader(
                maxLineBytes: limits.maxHeaderLineBytes,
                maxTotalBytes: limits.maxHeaderBytes,
                maxCount: limits.maxHeaderCount,
                keepsFields: false
            )
        )
    }
}
