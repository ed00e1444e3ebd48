// `[String: T]` dictionaries get special treatment in both directions.
//
// Why: the standard library encodes a dictionary through a keyed container, so a key
// strategy would rewrite its keys ("case_worker" stays, but "group1" would become
// "group_1" and decoding would camelCase "case_worker" into "caseWorker"), and its keys
// would come out in random order. Dictionary keys are data, not property names: they are
// kept verbatim, and encoded sorted so output is reproducible.

protocol StringKeyedDictionaryDecodable {
    static func decodeMembers(with decoder: DecoderImpl) throws -> Self
}

protocol StringKeyedDictionaryEncodable {
    func encodeMembers(with encoder: EncoderImpl) throws -> EncodedNode
}

extension Dictionary: StringKeyedDictionaryDecodable where Key == String, Value: Decodable {
    static func decodeMembers(with decoder: DecoderImpl) throws -> Self {
        guard case .object(let object) = decoder.value else {
            throw decoder.mismatch("expected an object")
        }
        var result = Self(minimumCapacity: object.count)
        for (key, member) in object {
            result[key] = try decoder.decode(Value.self, from: member, at: .key(key))
        }
        return result
    }
}

extension Dictionary: StringKeyedDictionaryEncodable where Key == String, Value: Encodable {
    func encodeMembers(with encoder: EncoderImpl) throws -> EncodedNode {
        let box = ObjectBox()
        box.members.reserveCapacity(count)
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            box.members.set(try encoder.encodeNode(for: value, key: JSONPathKey(.key(key))), forKey: key)
        }
        return .object(box)
    }
}
