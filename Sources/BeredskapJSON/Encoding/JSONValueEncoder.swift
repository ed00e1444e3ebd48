/// Encodes `Encodable` values to a `JSONValue` (or straight to bytes).
///
/// Why not Foundation's `JSONEncoder`: on Linux it emits object keys in random order, so
/// responses and event payloads would differ byte-for-byte between runs. Here keys come
/// out in the order `encode(_:forKey:)` was called, which for synthesized `Codable` is
/// declaration order; `[String: T]` dictionaries are written with sorted keys.
///
/// `nil` optionals are omitted (as synthesized `encodeIfPresent` does); a `JSONValue`
/// encodes as itself, so `data: JSONValue` fields pass through untouched. Values JSON
/// cannot represent throw `EncodingError.invalidValue`: non-finite `Double`/`Float`, and
/// unsigned integers above `Int64.max`.
public struct JSONValueEncoder: Sendable {
    public var keyStrategy: JSONKeyStrategy = .convertSnakeCase

    public init(keyStrategy: JSONKeyStrategy = .convertSnakeCase) {
        self.keyStrategy = keyStrategy
    }

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let state = EncodingState(keyStrategy: keyStrategy)
        let root = EncoderImpl(state: state, parent: nil, key: nil)
        let node = try root.encodeNode(for: value, key: nil)
        if let conflict = state.conflict {
            throw conflict
        }
        return node.resolved()
    }

    public func encodeBytes<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        try encode(value).serialized(pretty: pretty)
    }
}
