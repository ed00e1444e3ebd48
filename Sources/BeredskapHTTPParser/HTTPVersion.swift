/// An HTTP protocol version.
///
/// Kept as two integers rather than a string so that comparisons (`version == .http1_1`) cannot be
/// fooled by spelling; the parser only ever produces 1.0 and 1.1 and answers anything else with 505.
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    /// The wire form, e.g. `HTTP/1.1`.
    public var description: String { "HTTP/\(major).\(minor)" }
}

extension HTTPVersion {
    enum Parsed: Equatable {
        case supported(HTTPVersion)
        /// Well-formed `HTTP/d.d` but not 1.0 or 1.1: the peer speaks HTTP, just not ours (505).
        case unsupported
        case malformed
    }

    /// `HTTP-version = "HTTP" "/" DIGIT "." DIGIT` (RFC 9112 §2.3), case-sensitive.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Parsed {
        let prefix = Array("HTTP/".utf8)
        guard bytes.count == prefix.count + 3, bytes.starts(with: prefix) else { return .malformed }
        let major = bytes[bytes.startIndex + prefix.count]
        let dot = bytes[bytes.startIndex + prefix.count + 1]
        let minor = bytes[bytes.startIndex + prefix.count + 2]
        guard major.isDecimalDigit, dot == ASCII.period, minor.isDecimalDigit else { return .malformed }
        let version = HTTPVersion(major: Int(major - UInt8(ascii: "0")), minor: Int(minor - UInt8(ascii: "0")))
        return version == .http1_0 || version == .http1_1 ? .supported(version) : .unsupported
    }
}
