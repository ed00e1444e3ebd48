/// How the end of a message body is found (RFC 9112 §6.3), and the field checks behind it.
///
/// The field checks are shared by the request and response parsers; the decision differs
/// (a request without framing has no body, a response without framing runs until close).
enum BodyFraming: Sendable, Equatable {
    case none
    case contentLength(Int)
    case chunked
    case untilClose
}

enum ContentLengthField: Equatable {
    case absent
    case value(Int)
    /// More than one field, or a list value such as "5, 5".
    case duplicate
    /// Not a non-empty string of decimal digits.
    case invalid
    /// Digits, but beyond what an Int holds.
    case overflow

    /// `Content-Length = 1*DIGIT` (RFC 9110 §8.6): no sign, no whitespace inside, exactly once.
    /// Equal repeated values are rejected too (RFC 9110 allows accepting them; being stricter
    /// costs nothing and removes a class of parser disagreements).
    static func parse(_ headers: HTTPHeaders) -> ContentLengthField {
        let values = headers.values(for: "Content-Length")
        guard let value = values.first else { return .absent }
        guard values.count == 1, !value.utf8.contains(ASCII.comma) else { return .duplicate }
        guard !value.isEmpty, value.utf8.allSatisfy(\.isDecimalDigit) else { return .invalid }
        var length = 0
        for digit in value.utf8 {
            let (shifted, overflowed) = length.multipliedReportingOverflow(by: 10)
            let (sum, carried) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !overflowed && !carried else { return .overflow }
            length = sum
        }
        return .value(length)
    }
}

extension HTTPHeaders {
    /// True when Transfer-Encoding is exactly one field whose value is "chunked" in any case:
    /// the only coding this server decodes. A list such as "gzip, chunked" or a repeated field
    /// is not accepted, even "chunked, chunked".
    var transferEncodingIsExactlyChunked: Bool {
        let values = values(for: "Transfer-Encoding")
        return values.count == 1 && values[0].equalsIgnoringASCIICase("chunked")
    }
}
