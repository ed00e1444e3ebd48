/// Writes the members of one JSON object in the order they are encoded, converting Swift
/// key names to JSON spelling. Encoding a key again replaces its value in place.
struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: EncoderImpl
    let box: ObjectBox

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        set(.value(.null), forKey: key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try encoder.encodeNode(for: value, key: key), forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        set(.object(nested), forKey: key)
        return KeyedEncodingContainer(KeyedEncoding<NestedKey>(encoder: encoder.child(key: key, node: .object(nested)), box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        set(.array(nested), forKey: key)
        return UnkeyedEncoding(encoder: encoder.child(key: key, node: .array(nested)), box: nested)
    }

    /// Writes to the member `super`, as Foundation does.
    mutating func superEncoder() -> any Encoder {
        superEncoder(key: JSONPathKey(.key("super")), name: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(key: key, name: jsonName(key))
    }

    private func superEncoder(key: any CodingKey, name: String) -> any Encoder {
        let (child, placeholder) = encoder.superEncoder(key: key)
        box.members.set(placeholder, forKey: name)
        return child
    }

    private func jsonName(_ key: Key) -> String {
        encoder.state.jsonName(for: key.stringValue)
    }

    private func set(_ node: EncodedNode, forKey key: Key) {
        box.members.set(node, forKey: jsonName(key))
    }

    private mutating func scalar(_ value: some JSONScalar, forKey key: Key) throws {
        set(.value(try encoder.box(value, key: key)), forKey: key)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try scalar(value, forKey: key) }
}
