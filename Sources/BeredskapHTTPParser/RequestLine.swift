/// `request-line = method SP request-target SP HTTP-version` (RFC 9112 §3), parsed strictly.
///
/// Exactly single spaces: RFC 9112 §3 allows lenient whitespace parsing only at the price of
/// disagreeing with other parsers about where the target ends, which is how smuggling starts.
/// The version is checked before the target, so an HTTP/2 preface (`PRI * HTTP/2.0`) is answered
/// with 505 rather than a confusing "bad target".
struct RequestLine: Sendable, Equatable {
    var method: String
    var target: HTTPRequestTarget
    var version: HTTPVersion

    static func parse(_ line: ArraySlice<UInt8>) -> Result<RequestLine, HTTPParseError> {
        guard !line.contains(ASCII.cr) else { return .failure(.malformed("bare CR in request line")) }
        let parts = line.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].contains(ASCII.space) else {
            return .failure(.malformed("request line must be method, target and version separated by single spaces"))
        }
        let (methodBytes, targetBytes, versionBytes) = (parts[0], parts[1], parts[2])
        guard methodBytes.isToken else { return .failure(.malformed("method is not a valid token")) }

        let version: HTTPVersion
        switch HTTPVersion.parse(versionBytes) {
        case .supported(let supported): version = supported
        case .unsupported: return .failure(.unsupportedVersion)
        case .malformed: return .failure(.malformed("invalid HTTP version"))
        }

        guard targetBytes.allSatisfy(\.isVisibleASCII),
            let target = HTTPRequestTarget(parsing: String(decoding: targetBytes, as: UTF8.self))
        else { return .failure(.malformed("request target is not a valid origin-form path")) }

        return .success(RequestLine(method: String(decoding: methodBytes, as: UTF8.self), target: target, version: version))
    }
}
