/// A path as the API contract writes it, `/v1/runs/{id}/steps/{step}/complete`: literal
/// segments and named parameters.
///
/// Why one type for both directions: the daemon matches a request's segments against it and
/// the client fills it in, so the path is written once and both sides agree on it by
/// construction (as isowords' router parses and prints one description).
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    /// The template as written; also the route's label in metrics.
    public let pattern: String
    public let segments: [Segment]

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    public init(stringLiteral pattern: String) { self.init(pattern) }

    public var description: String { pattern }

    /// The parameters' names, in the order `path(_:)` takes their values.
    public var parameterNames: [String] {
        segments.compactMap { segment in
            if case .parameter(let name) = segment { name } else { nil }
        }
    }

    /// The parameters by name if `path` (a request's decoded segments) fits this template;
    /// a parameter never matches an empty segment.
    public func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal): guard literal == part else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = part
            }
        }
        return parameters
    }

    /// The path with `values` for the parameters in order, each percent-encoded, so a value
    /// typed with a slash or a space reaches the daemon as one segment (and is refused there)
    /// instead of naming another route. A missing value leaves its segment empty, which no
    /// route matches.
    public func path(_ values: [String]) -> String {
        var remaining = values[...]
        var path = ""
        for segment in segments {
            path += "/"
            switch segment {
            case .literal(let literal): path += literal
            case .parameter: path += PercentEncoding.encode(remaining.popFirst() ?? "")
            }
        }
        return path
    }
}

/// Percent-encoding for path segments and query items.
public enum PercentEncoding {
    /// Everything outside RFC 3986's unreserved set, as `%XX`.
    public static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
