/// The `Decoder` handed to `init(from:)`: one JSON value at one path.
///
/// It is also its own single-value container, as that container reads the same value.
/// The path is kept as a link to the parent decoder and only assembled when an error (or
/// `codingPath`) needs it, so decoding a nested value allocates no path array.
final class DecoderImpl: Decoder {
    let value: JSONValue
    let state: DecodingState
    private let parent: DecoderImpl?
    private let component: JSONPathComponent?
    /// Whether `init(from:)` asked for any container; see `decodeValue(as:)`.
    private var opened = false

    init(value: JSONValue, state: DecodingState, parent: DecoderImpl? = nil, component: JSONPathComponent? = nil) {
        self.value = value
        self.state = state
        self.parent = parent
        self.component = component
    }

    /// Where this value is in the document, in JSON spelling.
    var path: [JSONPathComponent] {
        var components: [JSONPathComponent] = []
        var decoder: DecoderImpl? = self
        while let current = decoder {
            if let component = current.component {
                components.append(component)
            }
            decoder = current.parent
        }
        return components.reversed()
    }

    var codingPath: [any CodingKey] {
        path.map(JSONPathKey.init)
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        opened = true
        guard case .object(let object) = value else {
            throw mismatch("expected an object")
        }
        return KeyedDecodingContainer(KeyedDecoding<Key>(decoder: self, object: object, usage: state.trackUsage(of: self, memberCount: object.count)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        opened = true
        guard case .array(let elements) = value else {
            throw mismatch("expected a list")
        }
        return UnkeyedDecoding(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        opened = true
        return self
    }

    /// The raw value, for `JSONValue`'s own `init(from:)`; like opening a container, it
    /// stops the value counting as unread.
    func takeValue() -> JSONValue {
        opened = true
        return value
    }

    /// Decodes this decoder's own value as `type`, taking the shortcuts for `JSONValue`,
    /// scalars and string-keyed dictionaries, and mapping whatever `init(from:)` throws to
    /// a `JSONFieldError`.
    ///
    /// A type whose `init(from:)` never opens a container (a synthesized `Codable` struct
    /// without stored properties does not) is taken to expect no fields: every member of
    /// an object given to it is unknown.
    func decodeValue<T: Decodable>(as type: T.Type) throws -> T {
        if type == JSONValue.self {
            return try cast(value)
        }
        if let scalarType = type as? any JSONScalar.Type {
            return try cast(unbox(scalarType))
        }
        do {
            if let dictionaryType = type as? any StringKeyedDictionaryDecodable.Type {
                return try cast(dictionaryType.decodeMembers(with: self))
            }
            let decoded = try T(from: self)
            if !opened, case .object(let object) = value {
                _ = state.trackUsage(of: self, memberCount: object.count)
            }
            return decoded
        } catch {
            throw state.fieldError(for: error, at: path)
        }
    }

    /// Decodes the member or element `component` of this value.
    func decode<T: Decodable>(_ type: T.Type, from child: JSONValue, at component: JSONPathComponent) throws -> T {
        try decoder(for: child, at: component).decodeValue(as: type)
    }

    /// Converts a scalar member or element without creating a nested decoder.
    func unbox<T: JSONScalar>(_ type: T.Type, from child: JSONValue, at component: JSONPathComponent) throws(JSONFieldError) -> T {
        do {
            return try T.unbox(child)
        } catch {
            throw JSONFieldError(path: path + [component], problem: error.problem)
        }
    }

    func decoder(for child: JSONValue, at component: JSONPathComponent) -> DecoderImpl {
        DecoderImpl(value: child, state: state, parent: self, component: component)
    }

    /// `expectation`, or "must not be null" when the value is null.
    func mismatch(_ expectation: String) -> JSONFieldError {
        JSONFieldError(path: path, problem: value.isNull ? "must not be null" : expectation)
    }

    private func unbox<T: JSONScalar>(_ type: T.Type) throws(JSONFieldError) -> T {
        do {
            return try T.unbox(value)
        } catch {
            throw JSONFieldError(path: path, problem: error.problem)
        }
    }

    private func cast<T>(_ decoded: Any) throws(JSONFieldError) -> T {
        guard let result = decoded as? T else {
            throw JSONFieldError(path: path, problem: "could not be decoded as \(T.self)")
        }
        return result
    }
}

extension DecoderImpl: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try unbox(type) }
    func decode(_ type: String.Type) throws -> String { try unbox(type) }
    func decode(_ type: Double.Type) throws -> Double { try unbox(type) }
    func decode(_ type: Float.Type) throws -> Float { try unbox(type) }
    func decode(_ type: Int.Type) throws -> Int { try unbox(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try unbox(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try unbox(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try unbox(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try unbox(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try unbox(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(as: type) }
}
