/// The request target in origin-form (RFC 9112 §3.2.1), split and percent-decoded once.
///
/// Routing on decoded *segments* rather than on the raw path means an encoded slash (`%2F`) is
/// data within one segment and can never introduce a path level, and every handler sees the same
/// decoding. Only origin-form is accepted: the daemon is an origin server on a local socket, so
/// absolute-form (proxies), authority-form (CONNECT) and asterisk-form (`OPTIONS *`) have no use
/// and are rejected rather than half-supported. Dot segments are kept verbatim; nothing maps
/// paths to files, so "/a/../b" simply matches no route.
public struct HTTPRequestTarget: Sendable, Equatable {
    /// As received, e.g. `/v1/log?since=2026-11-22&subject=facility%2Frefstad`.
    public var raw: String
    /// The raw (still encoded) path without the query, e.g. `/v1/log`.
    public var path: String
    /// Percent-decoded segments: `/v1/log` → `["v1", "log"]`, `/` → `[]`. Empty segments are kept
    /// (`/v1//log` → `["v1", "", "log"]`, `/v1/` → `["v1", ""]`) so a router can tell them apart.
    public var pathSegments: [String]
    /// Percent-decoded items in order; `+` means space; an item without `=` has the value "".
    public var queryItems: [(name: String, value: String)]

    /// The first value for the query parameter with exactly that (case-sensitive) name.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Nil for anything that is not a clean origin-form target: it must start with "/", consist of
    /// visible ASCII without a fragment, use only well-formed `%XX` escapes, and decode to UTF-8
    /// without control characters.
    public init?(parsing raw: String) {
        let bytes = Array(raw.utf8)
        guard bytes.first == ASCII.slash,
            bytes.allSatisfy({ $0.isVisibleASCII && $0 != ASCII.hash })
        else { return nil }

        let queryStart = bytes.firstIndex(of: ASCII.questionMark)
        let pathBytes = bytes[..<(queryStart ?? bytes.endIndex)]

        var segments: [String] = []
        if pathBytes.count > 1 {
            for segment in pathBytes.dropFirst().split(separator: ASCII.slash, omittingEmptySubsequences: false) {
                guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else { return nil }
                segments.append(decoded)
            }
        }

        var items: [(name: String, value: String)] = []
        if let queryStart {
            for item in bytes[(queryStart + 1)...].split(separator: ASCII.ampersand) {
                let equals = item.firstIndex(of: ASCII.equals)
                guard let name = PercentDecoding.decode(item[..<(equals ?? item.endIndex)], plusIsSpace: true),
                    let value = PercentDecoding.decode(item[(equals.map { $0 + 1 } ?? item.endIndex)...], plusIsSpace: true)
                else { return nil }
                items.append((name: name, value: value))
            }
        }

        self.raw = raw
        self.path = String(decoding: pathBytes, as: UTF8.self)
        self.pathSegments = segments
        self.queryItems = items
    }

    public static func == (lhs: HTTPRequestTarget, rhs: HTTPRequestTarget) -> Bool {
        lhs.raw == rhs.raw && lhs.path == rhs.path && lhs.pathSegments == rhs.pathSegments
            && lhs.queryItems.count == rhs.queryItems.count
            && zip(lhs.queryItems, rhs.queryItems).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
