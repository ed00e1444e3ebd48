import BeredskapCore
import BeredskapJSON

/// The members of a `Decodable` type and the kind of value each holds, found without any
/// instance: the type is decoded from a decoder that has nothing, answers every question with
/// a placeholder, and notes what was asked for where.
///
/// Why decoding: the payload types' own `init(from:)` is what readers of the log run, so what
/// it asks for is exactly what the log holds (nested types, optionals and `@NullEncoded`
/// included). Paths are in JSON spelling: `trigger.subject`; an array's elements are the
/// array's path, a dictionary's values `name.*`.
enum PayloadProbe {
    enum Kind: Equatable, CustomStringConvertible {
        case number, flag, enumeration, date, string, json

        var description: String {
            switch self {
            case .number: "number"
            case .flag: "flag"
            case .enumeration: "enum"
            case .date: "date"
            case .string: "string"
            case .json: "any JSON"
            }
        }
    }

    struct Member: Equatable {
        var path: String
        var kind: Kind
    }

    static func members(of type: any Decodable.Type) throws -> [Member] {
        let recorder = Recorder()
        _ = try recorder.value(type, at: [])
        return recorder.members
    }

    fileprivate struct Unsupported: Error {
        var type: String
    }

    fileprivate struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The key a dictionary is asked to have: its values are recorded under `*`.
    fileprivate static let dictionaryKey = "*"

    fileprivate final class Recorder {
        var members: [Member] = []

        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in
                key.stringValue == PayloadProbe.dictionaryKey ? key.stringValue : JSONKeyStrategy.convertSnakeCase.jsonKey(for: key.stringValue)
            }.joined(separator: ".")
        }

        func value<T: Decodable>(_ type: T.Type, at codingPath: [any CodingKey]) throws -> T {
            func noted<V>(_ kind: Kind, _ placeholder: V) throws -> T {
                members.append(Member(path: path(codingPath), kind: kind))
                guard let value = placeholder as? T else { throw Unsupported(type: "\(T.self)") }
                return value
            }
            switch type {
            case is String.Type: return try noted(.string, "x")
            case is Bool.Type: return try noted(.flag, false)
            case is Int.Type: return try noted(.number, 0)
            case is Int64.Type: return try noted(.number, Int64(0))
            case is Int32.Type: return try noted(.number, Int32(0))
            case is UInt32.Type: return try noted(.number, UInt32(0))
            case is Double.Type: return try noted(.number, 0.0)
            case is Timestamp.Type: return try noted(.date, Timestamp(millisecondsSinceEpoch: 0))
            case is CalendarDate.Type: return try noted(.date, CalendarDate(daysSinceEpoch: 0))
            case is JSONValue.Type: return try noted(.json, JSONValue.null)
            default: break
            }
            if let enumeration = type as? any JSONStringEnum.Type {
                return try noted(.enumeration, Self.firstCase(of: enumeration))
            }
            return try T(from: ProbeDecoder(recorder: self, codingPath: codingPath))
        }

        private static func firstCase<E: JSONStringEnum>(of type: E.Type) throws -> E {
            guard let first = type.allCases.first else { throw Unsupported(type: "\(E.self) has no cases") }
            return first
        }
    }

    fileprivate struct ProbeDecoder: Decoder {
        let recorder: Recorder
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(recorder: recorder, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            Unkeyed(recorder: recorder, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            Single(recorder: recorder, codingPath: codingPath)
        }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: Recorder
        let codingPath: [any CodingKey]

        /// A dictionary (whose keys are any strings) has one, so its values are looked at.
        var allKeys: [Key] { [Key(stringValue: PayloadProbe.dictionaryKey)].compactMap { $0 } }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try recorder.value(type, at: codingPath + [key])
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try recorder.value(type, at: codingPath + [key]) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try recorder.value(type, at: codingPath + [key]) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            KeyedDecodingContainer(Keyed<NestedKey>(recorder: recorder, codingPath: codingPath + [key]))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(recorder: recorder, codingPath: codingPath + [key])
        }

        func superDecoder() throws -> any Decoder { ProbeDecoder(recorder: recorder, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            ProbeDecoder(recorder: recorder, codingPath: codingPath + [key])
        }
    }

    /// An array of one element, recorded under the array's own path.
    fileprivate struct Unkeyed: UnkeyedDecodingContainer {
        let recorder: Recorder
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex >= 1 }

        init(recorder: Recorder, codingPath: [any CodingKey]) {
            self.recorder = recorder
            self.codingPath = codingPath
        }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try recorder.value(type, at: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(recorder: recorder, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(recorder: recorder, codingPath: codingPath)
        }

        mutating func superDecoder() throws -> any Decoder { ProbeDecoder(recorder: recorder, codingPath: codingPath) }
    }

    fileprivate struct Single: SingleValueDecodingContainer {
        let recorder: Recorder
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try recorder.value(type, at: codingPath) }
        func decode(_ type: Bool.Type) throws -> Bool { try recorder.value(type, at: codingPath) }
        func decode(_ type: String.Type) throws -> String { try recorder.value(type, at: codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try recorder.value(type, at: codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try recorder.value(type, at: codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try recorder.value(type, at: codingPath) }
    }
}
