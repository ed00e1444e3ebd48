/// Why a request could not be parsed. After any of these the connection is answered and closed:
/// once framing is in doubt, no later byte on the connection can be trusted to start a request.
///
/// The cases are distinct (rather than one `malformed` with a status) so that callers and tests
/// can match on the reason, and so that the status mapping lives in exactly one place.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// 400. The reason is plain English, e.g. "header name contains a space".
    case malformed(String)
    /// 431 (the API contract maps an over-long request line to 431, not 414).
    case requestLineTooLong
    /// 431: one header or trailer field line is over `maxHeaderLineBytes`.
    case headerLineTooLong
    /// 431: all header field lines together are over `maxHeaderBytes`.
    case headersTooLarge
    /// 431: more than `maxHeaderCount` field lines.
    case tooManyHeaders
    /// 413: Content-Length over the limit (checked before reading the body), or a chunked body
    /// growing over it (`declared` nil; also nil for a Content-Length too large to represent).
    case bodyTooLarge(declared: Int?)
    /// 505: anything but HTTP/1.0 and HTTP/1.1.
    case unsupportedVersion
    /// 400: Content-Length together with Transfer-Encoding (a request-smuggling vector).
    case conflictingFraming
    /// 400: more than one Content-Length field (even with equal values), or a list value "5, 5".
    case duplicateContentLength
    /// 501: any Transfer-Encoding other than exactly "chunked" (case-insensitive).
    case unsupportedTransferEncoding
    /// 417: an Expect value other than 100-continue.
    case unsupportedExpectation

    public var statusCode: Int {
        switch self {
        case .malformed, .conflictingFraming, .duplicateContentLength: return 400
        case .requestLineTooLong, .headerLineTooLong, .headersTooLarge, .tooManyHeaders: return 431
        case .bodyTooLarge: return 413
        case .unsupportedVersion: return 505
        case .unsupportedTransferEncoding: return 501
        case .unsupportedExpectation: return 417
        }
    }

    /// One short English sentence for the error body.
    public var message: String {
        switch self {
        case .malformed(let reason): return "Malformed request: \(reason)."
        case .requestLineTooLong: return "The request line is too long."
        case .headerLineTooLong: return "A header field is too long."
        case .headersTooLarge: return "The request headers are too large."
        case .tooManyHeaders: return "The request has too many header fields."
        case .bodyTooLarge(let declared?): return "The request body of \(declared) bytes is over the limit."
        case .bodyTooLarge(nil): return "The request body is over the limit."
        case .unsupportedVersion: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .conflictingFraming: return "Content-Length and Transfer-Encoding must not be sent together."
        case .duplicateContentLength: return "Content-Length must be sent exactly once with a single value."
        case .unsupportedTransferEncoding: return "Only the chunked transfer coding is supported."
        case .unsupportedExpectation: return "Only the 100-continue expectation is supported."
        }
    }
}

// Component failures mapped to the public error, in one place, so the request line, fields,
// trailers and chunked framing all report limits the same way.
extension HTTPParseError {
    init(_ failure: HeaderBlockReader.Failure) {
        switch failure {
        case .lineTooLong: self = .headerLineTooLong
        case .tooLarge: self = .headersTooLarge
        case .tooMany: self = .tooManyHeaders
        case .malformed(let reason): self = .malformed(reason)
        }
    }

    init(_ failure: ChunkedDecoder.Failure) {
        switch failure {
        case .malformed(let reason): self = .malformed(reason)
        case .bodyTooLarge: self = .bodyTooLarge(declared: nil)
        case .trailers(let trailerFailure): self.init(trailerFailure)
        }
    }
}
