/// Appends the elements of one JSON array.
struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: EncoderImpl
    let box: ArrayBox

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.elements.count }

    private var nextKey: JSONPathKey { JSONPathKey(.index(count)) }

    mutating func encodeNil() throws {
        box.elements.append(.value(.null))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try encoder.encodeNode(for: value, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        let child = encoder.child(key: nextKey, node: .object(nested))
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedEncoding<NestedKey>(encoder: child, box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let child = encoder.child(key: nextKey, node: .array(nested))
        box.elements.append(.array(nested))
        return UnkeyedEncoding(encoder: child, box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let (child, placeholder) = encoder.superEncoder(key: nextKey)
        box.elements.append(placeholder)
        return child
    }

    private mutating func scalar(_ value: some JSONScalar) throws {
        box.elements.append(.value(try encoder.box(value, key: nextKey)))
    }

    mutating func encode(_ value: Bool) throws { try scalar(value) }
    mutating func encode(_ value: String) throws { try scalar(value) }
    mutating func encode(_ value: Double) throws { try scalar(value) }
    mutating func encode(_ value: Float) throws { try scalar(value) }
    mutating func encode(_ value: Int) throws { try scalar(value) }
    mutating func encode(_ value: Int8) throws { try scalar(value) }
    mutating func encode(_ value: Int16) throws { try scalar(value) }
    mutating func encode(_ value: Int32) throws { try scalar(value) }
    mutating func encode(_ value: Int64) throws { try scalar(value) }
    mutating func encode(_ value: UInt) throws { try scalar(value) }
    mutating func encode(_ value: UInt8) throws { try scalar(value) }
    mutating func encode(_ value: UInt16) throws { try scalar(value) }
    mutating func encode(_ value: UInt32) throws { try scalar(value) }
    mutating func encode(_ value: UInt64) throws { try scalar(value) }
}
