/// The `Encoder` handed to `encode(to:)`: collects what one value encodes into a node.
///
/// It is also its own single-value container. The coding path is kept as a parent link
/// and only assembled when an error needs it, so encoding allocates no path arrays.
final class EncoderImpl: Encoder {
    let state: EncodingState
    private let parent: EncoderImpl?
    private let key: (any CodingKey)?
    /// For a super-encoder: where its output goes, as well as `node`.
    private let slot: NodeSlot?
    private(set) var node: EncodedNode?

    init(state: EncodingState, parent: EncoderImpl?, key: (any CodingKey)?, node: EncodedNode? = nil, slot: NodeSlot? = nil) {
        self.state = state
        self.parent = parent
        self.key = key
        self.node = node
        self.slot = slot
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var encoder: EncoderImpl? = self
        while let current = encoder {
            if let key = current.key {
                keys.append(key)
            }
            encoder = current.parent
        }
        return keys.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = node {
            box = existing
        } else {
            box = ObjectBox()
            claim(.object(box))
        }
        return KeyedEncodingContainer(KeyedEncoding<Key>(encoder: self, box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = node {
            box = existing
        } else {
            box = ArrayBox()
            claim(.array(box))
        }
        return UnkeyedEncoding(encoder: self, box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// Encodes `value` as the child `key` of this encoder (nil: at this encoder's own
    /// path), taking the shortcuts for `JSONValue`, scalars and string-keyed dictionaries.
    func encodeNode<T: Encodable>(for value: T, key: (any CodingKey)?) throws -> EncodedNode {
        if T.self == JSONValue.self, let json = value as? JSONValue {
            return .value(json)
        }
        if let scalar = value as? any JSONScalar {
            return .value(try box(scalar, key: key))
        }
        let child = EncoderImpl(state: state, parent: self, key: key)
        if let dictionary = value as? any StringKeyedDictionaryEncodable {
            return try dictionary.encodeMembers(with: child)
        }
        try value.encode(to: child)
        return child.node ?? .object(ObjectBox())
    }

    /// A nested encoder for `key` whose node starts as `node` (for nested containers).
    func child(key: any CodingKey, node: EncodedNode) -> EncoderImpl {
        EncoderImpl(state: state, parent: self, key: key, node: node)
    }

    /// A super-encoder for `key`, and the node to store in place of its future output.
    func superEncoder(key: any CodingKey) -> (encoder: EncoderImpl, placeholder: EncodedNode) {
        let slot = NodeSlot()
        return (EncoderImpl(state: state, parent: self, key: key, slot: slot), .pending(slot))
    }

    func box(_ scalar: some JSONScalar, key: (any CodingKey)?) throws -> JSONValue {
        do {
            return try scalar.box()
        } catch {
            var path = codingPath
            if let key {
                path.append(key)
            }
            throw EncodingError.invalidValue(scalar, EncodingError.Context(codingPath: path, debugDescription: error.problem))
        }
    }

    /// Sets this encoder's output, recording a conflict if it already had a different one.
    private func claim(_ newNode: EncodedNode) {
        if node != nil && state.conflict == nil {
            state.conflict = EncodingError.invalidValue(
                newNode.resolved(),
                EncodingError.Context(codingPath: codingPath, debugDescription: "encoded twice, as different kinds of value")
            )
        }
        node = newNode
        slot?.node = newNode
    }

    private func store(_ scalar: some JSONScalar) throws {
        claim(.value(try box(scalar, key: nil)))
    }
}

extension EncoderImpl: SingleValueEncodingContainer {
    func encodeNil() throws { claim(.value(.null)) }
    func encode(_ value: Bool) throws { try store(value) }
    func encode(_ value: String) throws { try store(value) }
    func encode(_ value: Double) throws { try store(value) }
    func encode(_ value: Float) throws { try store(value) }
    func encode(_ value: Int) throws { try store(value) }
    func encode(_ value: Int8) throws { try store(value) }
    func encode(_ value: Int16) throws { try store(value) }
    func encode(_ value: Int32) throws { try store(value) }
    func encode(_ value: Int64) throws { try store(value) }
    func encode(_ value: UInt) throws { try store(value) }
    func encode(_ value: UInt8) throws { try store(value) }
    func encode(_ value: UInt16) throws { try store(value) }
    func encode(_ value: UInt32) throws { try store(value) }
    func encode(_ value: UInt64) throws { try store(value) }
    func encode<T: Encodable>(_ value: T) throws { claim(try encodeNode(for: value, key: nil)) }
}
