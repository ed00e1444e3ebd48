/// The message-level rules applied once a request's field section is complete: Host, body
/// framing, expectations and persistence (RFC 9112 §3.2, §6, §9.3; RFC 9110 §10.1.1).
///
/// Kept apart from the byte-level state machine so each rule reads as a rule and can be tested
/// by its error case, and so the order of checks is written down in one place:
/// Host, then framing (including the 413 size check), then Expect.
extension HTTPRequestHead {
    static func validated(
        line: RequestLine,
        headers: HTTPHeaders,
        limits: HTTPLimits
    ) -> Result<(head: HTTPRequestHead, framing: BodyFraming), HTTPParseError> {
        let hostCount = headers.values(for: "Host").count
        // A 1.1 request must name a host; no request may name two (RFC 9112 §3.2).
        if hostCount > 1 || (hostCount == 0 && line.version == .http1_1) {
            return .failure(.malformed("an HTTP/1.1 request needs exactly one Host header"))
        }

        let framing: BodyFraming
        switch bodyFraming(headers, maxBodyBytes: limits.maxBodyBytes) {
        case .success(let decided): framing = decided
        case .failure(let error): return .failure(error)
        }

        let expectations = headers.lowercasedListElements(for: "Expect")
        guard expectations.allSatisfy({ $0 == "100-continue" }) else {
            return .failure(.unsupportedExpectation)
        }

        let connection = headers.lowercasedListElements(for: "Connection")
        var keepAlive =
            line.version == .http1_1
            ? !connection.contains("close")
            : connection.contains("keep-alive") && !connection.contains("close")
        // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means framing is in doubt.
        if line.version == .http1_0 && framing == .chunked { keepAlive = false }

        let head = HTTPRequestHead(
            method: line.method,
            target: line.target,
            version: line.version,
            headers: headers,
            keepAlive: keepAlive,
            // RFC 9110 §10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request.
            expectsContinue: line.version == .http1_1 && !expectations.isEmpty
        )
        return .success((head: head, framing: framing))
    }

    /// A request without Content-Length or Transfer-Encoding has an empty body (RFC 9112 §6.3).
    private static func bodyFraming(_ headers: HTTPHeaders, maxBodyBytes: Int) -> Result<BodyFraming, HTTPParseError> {
        let contentLength = ContentLengthField.parse(headers)
        if headers.contains("Transfer-Encoding") {
            guard contentLength == .absent else { return .failure(.conflictingFraming) }
            guard headers.transferEncodingIsExactlyChunked else { return .failure(.unsupportedTransferEncoding) }
            return .success(.chunked)
        }
        switch contentLength {
        case .absent: return .success(.none)
        case .duplicate: return .failure(.duplicateContentLength)
        case .invalid: return .failure(.malformed("Content-Length is not a decimal number"))
        case .overflow: return .failure(.bodyTooLarge(declared: nil))
        case .value(let length) where length > maxBodyBytes: return .failure(.bodyTooLarge(declared: length))
        case .value(0): return .success(.none)
        case .value(let length): return .success(.contentLength(length))
        }
    }
}
