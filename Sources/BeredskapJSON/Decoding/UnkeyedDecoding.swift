/// Reads the elements of one JSON array in order.
struct UnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: DecoderImpl
    let elements: [JSONValue]
    private(set) var currentIndex = 0

    init(decoder: DecoderImpl, elements: [JSONValue]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard try current().isNull else {
            return false
        }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoded = try decoder.decode(type, from: try current(), at: .index(currentIndex))
        currentIndex += 1
        return decoded
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nextDecoder().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nextDecoder().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let next = try nextDecoder()
        currentIndex += 1
        return next
    }

    private func current() throws(JSONFieldError) -> JSONValue {
        guard currentIndex < elements.count else {
            let count = elements.count
            let problem = "is required (the list has \(count) element\(count == 1 ? "" : "s"))"
            throw JSONFieldError(path: decoder.path + [.index(currentIndex)], problem: problem)
        }
        return elements[currentIndex]
    }

    private func nextDecoder() throws(JSONFieldError) -> DecoderImpl {
        decoder.decoder(for: try current(), at: .index(currentIndex))
    }

    private mutating func scalar<T: JSONScalar>() throws(JSONFieldError) -> T {
        let decoded = try decoder.unbox(T.self, from: try current(), at: .index(currentIndex))
        currentIndex += 1
        return decoded
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar() }
    mutating func decode(_ type: String.Type) throws -> String { try scalar() }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar() }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar() }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar() }
}
