/// `status-line = HTTP-version SP status-code SP [ reason-phrase ]` (RFC 9112 §4), client side.
///
/// The reason phrase is checked for controls and then ignored, as RFC 9112 §4 advises; a status
/// line without the second space is accepted because some servers omit it with an empty reason.
enum StatusLine {
    enum Parsed: Equatable {
        case status(Int)
        case malformed(String)
    }

    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        guard !line.contains(where: \.isForbiddenControl) else {
            return .malformed("status line contains a control character")
        }
        let parts = line.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return .malformed("status line has no status code") }
        guard case .supported = HTTPVersion.parse(parts[0]) else {
            return .malformed("unsupported HTTP version in status line")
        }
        let code = parts[1]
        guard code.count == 3, code.allSatisfy(\.isDecimalDigit), let first = code.first, first != UInt8(ascii: "0")
        else { return .malformed("status code is not three digits") }
        return .status(code.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
    }
}
