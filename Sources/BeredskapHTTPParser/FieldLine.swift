/// Parsing of one header or trailer field line, `name ":" OWS value OWS` (RFC 9112 §5).
///
/// Strict where leniency has enabled request smuggling or header injection elsewhere: no
/// whitespace before the colon (§5.1 requires a 400), no obs-fold (§5.2), no CR, NUL or other
/// controls in values. Values may carry UTF-8 (obs-text) and are kept as decoded text; bytes that
/// are not UTF-8 are rejected rather than replaced, so what a handler sees is what was sent.
enum FieldLine {
    enum Parsed: Equatable {
        case field(name: String, value: String)
        case malformed(String)
    }

    /// - Parameter line: the line content without its terminator; never empty (an empty line ends
    ///   the field section and is handled by the caller).
    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        guard !line.contains(ASCII.cr) else { return .malformed("bare CR in header section") }
        guard let first = line.first, !first.isHorizontalSpace else {
            return .malformed("obsolete line folding is not allowed")
        }
        guard let colon = line.firstIndex(where: { !$0.isTokenChar }) else {
            return .malformed("header line has no colon")
        }
        guard line[colon] == ASCII.colon else {
            switch line[colon] {
            case ASCII.space: return .malformed("header name contains a space")
            case ASCII.tab: return .malformed("header name contains a tab")
            default: return .malformed("header name contains an invalid character")
            }
        }
        guard colon > line.startIndex else { return .malformed("header name is empty") }

        let value = line[(colon + 1)...].trimmingHorizontalSpace()
        if value.contains(0) { return .malformed("header value contains a NUL byte") }
        if value.contains(where: \.isForbiddenControl) {
            return .malformed("header value contains a control character")
        }
        guard let text = String(validating: value, as: UTF8.self) else {
            return .malformed("header value is not valid UTF-8")
        }
        return .field(name: String(decoding: line[..<colon], as: UTF8.self), value: text)
    }
}
