/// What the decoder does with object members no type asked for.
public enum JSONUnknownKeyPolicy: Sendable {
    /// Report the first one as `unknown field (expected one of: …)`: a typo in a request
    /// or config file must not pass silently.
    case reject
    /// Skip them, e.g. for responses from a newer server.
    case ignore
}

/// Decodes `Decodable` types from a `JSONValue` (or from bytes), reporting every failure
/// as a `JSONFieldError` that names the field in JSON spelling.
///
/// Why not Foundation's `JSONDecoder`: it ignores unknown keys, takes the first of
/// duplicate keys and reports Swift-centric messages. This decoder never uses it.
///
/// Rules worth knowing:
/// - Integer fields need a JSON integer (`1.0` is refused); `Double` fields take integers.
/// - `[String: T]` dictionaries keep their keys verbatim (no snake_case conversion), and
///   all their keys count as used.
/// - A `JSONValue` field takes any JSON, and nothing inside it is checked for unknown keys.
/// - A missing or `null` member decodes as `nil` for optionals; for anything else it is
///   `is required` or `must not be null`.
/// - Errors from a type's own `init(from:)` are kept: a `JSONFieldError` as is, a
///   `DecodingError` at its coding path with its debug description as the problem (see
///   `KeyedDecodingContainerProtocol.invalid(_:forKey:)`), any other error at the value
///   being decoded.
public struct JSONValueDecoder: Sendable {
    public var keyStrategy: JSONKeyStrategy = .convertSnakeCase
    public var unknownKeys: JSONUnknownKeyPolicy = .reject

    public init(keyStrategy: JSONKeyStrategy = .convertSnakeCase, unknownKeys: JSONUnknownKeyPolicy = .reject) {
        self.keyStrategy = keyStrategy
        self.unknownKeys = unknownKeys
    }

    /// Decodes `type` from `value`. With `unknownKeys == .reject`, once decoding succeeds
    /// every object that was decoded through a keyed container must have had all its
    /// members asked for; the first one that was not, in document order, is reported.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(JSONFieldError) -> T {
        let state = DecodingState(keyStrategy: keyStrategy, tracksKeys: unknownKeys == .reject)
        defer { state.finish() }
        let decoder = DecoderImpl(value: value, state: state)
        let result: T
        do {
            result = try decoder.decodeValue(as: type)
        } catch {
            throw state.fieldError(for: error, at: [])
        }
        if let unknown = state.firstUnknownMember(in: value) {
            throw unknown
        }
        return result
    }

    /// Parses and decodes. A syntax error becomes a `JSONFieldError` with an empty path,
    /// the syntax error's description as problem and the error itself in `syntax`.
    public func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], options: JSONParseOptions = .strict
    ) throws(JSONFieldError) -> T {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: options)
        } catch {
            throw JSONFieldError(syntax: error)
        }
        return try decode(type, from: value)
    }
}
