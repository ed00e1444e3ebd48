/// Reads the members of one JSON object, converting Swift key names to JSON spelling and
/// recording each member asked for, so unknown members can be reported afterwards.
struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: DecoderImpl
    let object: JSONObject
    let usage: MemberUsage?

    var codingPath: [any CodingKey] { decoder.codingPath }

    /// The members whose names convert to a valid `Key`; those count as asked for.
    var allKeys: [Key] {
        object.keys.enumerated().compactMap { position, name in
            guard let key = Key(stringValue: decoder.state.keyStrategy.swiftKey(for: name)) else {
                return nil
            }
            usage?.markAsked(name, at: position)
            return key
        }
    }

    func contains(_ key: Key) -> Bool {
        lookUp(key).value != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try require(key).value.isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (name, value) = try require(key)
        return try decoder.decode(type, from: value, at: .key(name))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let (name, value) = lookUp(key)
        guard let value, !value.isNull else {
            return nil
        }
        return try decoder.decode(type, from: value, at: .key(name))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let (name, value) = try require(key)
        return try decoder.decoder(for: value, at: .key(name)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let (name, value) = try require(key)
        return try decoder.decoder(for: value, at: .key(name)).unkeyedContainer()
    }

    /// A missing `super` member decodes as `null`, as in Foundation.
    func superDecoder() throws -> any Decoder {
        superDecoder(named: "super")
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        superDecoder(named: jsonName(key))
    }

    private func superDecoder(named name: String) -> any Decoder {
        decoder.decoder(for: lookUp(name: name) ?? .null, at: .key(name))
    }

    private func jsonName(_ key: Key) -> String {
        decoder.state.jsonName(for: key.stringValue)
    }

    private func lookUp(_ key: Key) -> (name: String, value: JSONValue?) {
        let name = jsonName(key)
        return (name, lookUp(name: name))
    }

    private func lookUp(name: String) -> JSONValue? {
        let position = object.members.position(of: name)
        usage?.markAsked(name, at: position)
        return position.map { object.members.values[$0] }
    }

    private func require(_ key: Key) throws(JSONFieldError) -> (name: String, value: JSONValue) {
        let (name, value) = lookUp(key)
        guard let value else {
            throw JSONFieldError(path: decoder.path + [.key(name)], problem: "is required")
        }
        return (name, value)
    }

    private func scalar<T: JSONScalar>(_ key: Key) throws(JSONFieldError) -> T {
        let (name, value) = try require(key)
        return try decoder.unbox(T.self, from: value, at: .key(name))
    }

    private func scalarIfPresent<T: JSONScalar>(_ key: Key) throws(JSONFieldError) -> T? {
        let (name, value) = lookUp(key)
        guard let value, !value.isNull else {
            return nil
        }
        return try decoder.unbox(T.self, from: value, at: .key(name))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try scalarIfPresent(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try scalarIfPresent(key) }
}
