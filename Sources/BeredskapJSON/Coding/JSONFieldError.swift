/// One step in the path to a field: an object member or an array element.
///
/// Why structured rather than a string: the API puts the field in `details.field` and
/// config loading prefixes the file name, so callers need to render or extend paths, not
/// re-parse them.
public enum JSONPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// A request body or configuration file that does not fit the expected type, naming the
/// field that is wrong.
///
/// Why not `DecodingError`: its messages are written for Swift developers ("Expected to
/// decode Int but found a string instead.") and its paths use Swift property names. The
/// API answers `invalid_field` with `details.field`, and config errors must read like
/// `access.roles.operator.groups[1]: expected a string`, so this error carries the path in
/// JSON spelling and a short plain-English problem.
public struct JSONFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, in JSON spelling (after key conversion). Empty for the root.
    public var path: [JSONPathComponent]
    /// What is wrong: "expected a string", "is required", "unknown field (…)", …
    public var problem: String
    /// Set when the input was not well-formed JSON at all; `problem` then holds its
    /// description ("line 3, column 5: …").
    public var syntax: JSONSyntaxError?

    public init(path: [JSONPathComponent], problem: String) {
        self.path = path
        self.problem = problem
        self.syntax = nil
    }

    /// A document that did not parse: no path, the syntax error's description as problem.
    public init(syntax: JSONSyntaxError) {
        self.path = []
        self.problem = syntax.description
        self.syntax = syntax
    }

    /// The path as text: `access.roles.operator.groups[1]`; "" for the root. Keys that are
    /// not plain names (empty, or containing characters other than letters, digits, `_`,
    /// `-` and `$`) are written as `["a.b"]` so the path stays unambiguous.
    public var field: String {
        var text = ""
        for component in path {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlainName(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                text += "[" + JSONValue.string(key).serializedString() + "]"
            }
        }
        return text
    }

    /// "access.roles.operator.groups[1]: expected a string", or just the problem at the root.
    public var description: String {
        path.isEmpty ? problem : "\(field): \(problem)"
    }

    /// The same error located inside `prefix`, for a value that was decoded separately
    /// from the document it came from.
    public func prefixed(with prefix: [JSONPathComponent]) -> JSONFieldError {
        var copy = self
        copy.path = prefix + path
        return copy
    }

    /// A validation error for the value `decoder` is decoding, for use in a custom
    /// `init(from:)`: `throw JSONFieldError.invalid("must be at most 1000", at: decoder)`.
    /// (For one member of a keyed container use `container.invalid(_:forKey:)`.)
    public static func invalid(_ problem: String, at decoder: any Decoder) -> JSONFieldError {
        if let ours = decoder as? DecoderImpl {
            return JSONFieldError(path: ours.path, problem: problem)
        }
        return JSONFieldError(path: JSONPathKey.components(of: decoder.codingPath, strategy: .convertSnakeCase), problem: problem)
    }

    private static func isPlainName(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar == "_" || scalar == "-" || scalar == "$"
        }
    }
}

extension KeyedDecodingContainerProtocol {
    /// A validation error for the member `key`, for use in a custom `init(from:)`:
    /// `throw container.invalid("must be at most 1000", forKey: .capacity)`.
    ///
    /// Why it returns a `DecodingError`: the member's JSON spelling depends on the
    /// decoder's key strategy, which a container does not expose. `JSONValueDecoder`
    /// turns it into a `JSONFieldError` at `…capacity` with this problem; other decoders
    /// report it as ordinary data corruption.
    public func invalid(_ problem: String, forKey key: Key) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: problem)
    }
}
