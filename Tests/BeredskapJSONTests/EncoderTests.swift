import Testing
import BeredskapJSON

@Suite("JSONValueEncoder")
struct EncoderTests {
    let encoder = JSONValueEncoder()

    @Test func keysAreSnakeCasedInDeclarationOrder() throws {
        let event = Event(eventSeq: 7, type: "capacity_reported", data: ["facility": "refstad", "beds": 12], uptimeS: 1.5, minor15To17: 3)
        let text = String(decoding: try encoder.encodeBytes(event), as: UTF8.self)
        #expect(text == #"{"event_seq":7,"type":"capacity_reported","data":{"facility":"refstad","beds":12},"uptime_s":1.5,"minor_15_to_17":3}"#)
    }

    @Test func nilOptionalsAreOmitted() throws {
        let event = Event(eventSeq: 1, type: "t", data: nil)
        #expect(try encoder.encode(event).serializedString() == #"{"event_seq":1,"type":"t","data":null}"#)
        #expect(try encoder.encode(OptionalScalars()).serializedString() == "{}")
    }

    @Test func jsonValueFieldsPassThroughUntouched() throws {
        let data: JSONValue = ["camelCase": [1, 2.5, "x"], "z": nil, "a": ["nestedKey": true]]
        let encoded = try encoder.encode(Event(eventSeq: 1, type: "t", data: data))
        #expect(encoded["data"] == data)
        #expect(encoded["data"]?.objectValue?.keys == ["camelCase", "z", "a"])
        #expect(try encoder.encode(data) == data)
        #expect(try encoder.encode(JSONObject([("b", 1), ("a", 2)])).objectValue?.keys == ["b", "a"])
    }

    @Test func stringKeyedDictionariesKeepKeysVerbatimAndSorted() throws {
        let thresholds: [String: Double] = ["zone2": 0.9, "caseWorker": 0.5, "a_b": 1]
        #expect(try encoder.encode(thresholds).serializedString() == #"{"a_b":1.0,"caseWorker":0.5,"zone2":0.9}"#)
        let access = Access(roles: ["operator": Role(groups: ["ops"], permissions: [.read, .operate]), "case_worker": Role(groups: [], permissions: [.cases])])
        #expect(try encoder.encode(access).serializedString() == #"{"roles":{"case_worker":{"groups":[],"permissions":["cases"]},"operator":{"groups":["ops"],"permissions":["read","operate"]}}}"#)
    }

    @Test func defaultKeysKeepSwiftNames() throws {
        let encoded = try JSONValueEncoder(keyStrategy: .useDefaultKeys).encode(Event(eventSeq: 1, type: "t", data: nil, uptimeS: 2))
        #expect(encoded.objectValue?.keys == ["eventSeq", "type", "data", "uptimeS"])
    }

    @Test func scalarsOfEveryType() throws {
        let value = AllScalars(
            bool: true, string: "s", double: 0.1, float: 0.1, int: -1, int8: -8, int16: -16, int32: -32, int64: .min,
            uint: 1, uint8: 8, uint16: 16, uint32: 32, uint64: UInt64(Int64.max))
        let text = try encoder.encode(value).serializedString()
        #expect(text == #"{"bool":true,"string":"s","double":0.1,"float":0.1,"int":-1,"int_8":-8,"int_16":-16,"int_32":-32,"int_64":-9223372036854775808,"uint":1,"uint_8":8,"uint_16":16,"uint_32":32,"uint_64":9223372036854775807}"#)
        #expect(try encoder.encode([1, 2, 3]) == [1, 2, 3])
        #expect(try encoder.encode("top") == "top")
        #expect(try encoder.encode(Optional<Int>.none) == nil)
        #expect(try encoder.encode([Optional(1), nil]) == [1, nil])
    }

    @Test func unrepresentableNumbersThrow() {
        #expect(throws: EncodingError.self) { try encoder.encode(Event(eventSeq: 1, type: "t", data: nil, uptimeS: .nan)) }
        #expect(throws: EncodingError.self) { try encoder.encode([Double.infinity]) }
        #expect(throws: EncodingError.self) { try encoder.encode(Float.infinity) }
        #expect(throws: EncodingError.self) { try encoder.encode(["big": UInt64.max]) }
        do {
            _ = try encoder.encode(["list": [1.0, .nan]])
            Issue.record("expected an error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["list", "Index 1"])
            #expect(context.debugDescription == "cannot encode nan: JSON has no NaN or infinity")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nestedContainersSuperEncodersAndEnums() throws {
        let value = try encoder.encode(Manual(name: "x", values: [1, 2]))
        #expect(value.serializedString() == #"{"name":"x","nested_thing":{"inner_value":1,"list":[[2]]},"super":{"base_field":true},"values":[1,2]}"#)

        let shapes: [Shape] = [.circle(radius: 2), .square(side: 1.5), .empty]
        let encoded = try encoder.encode(shapes)
        #expect(encoded.serializedString() == #"[{"circle":{"radius":2.0}},{"square":{"side":1.5}},{"empty":{}}]"#)
        #expect(try JSONValueDecoder().decode([Shape].self, from: encoded) == shapes)
    }

    @Test func conflictingContainersThrowInsteadOfCrashing() {
        #expect(throws: EncodingError.self) { try encoder.encode(Conflicted()) }
    }

    @Test func prettyBytes() throws {
        let bytes = try encoder.encodeBytes(Facility(id: "refstad", capacity: 120), pretty: true)
        #expect(String(decoding: bytes, as: UTF8.self) == "{\n  \"id\": \"refstad\",\n  \"capacity\": 120\n}")
    }
}

enum Shape: Codable, Equatable {
    case circle(radius: Double)
    case square(side: Double)
    case empty
}

/// Uses the less common parts of the `Encoder` protocol by hand.
struct Manual: Encodable {
    var name: String
    var values: [Int]

    enum Keys: String, CodingKey { case name, nestedThing, innerValue, list, baseField, values }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nestedThing)
        try nested.encode(1, forKey: .innerValue)
        var list = nested.nestedUnkeyedContainer(forKey: .list)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode(2)
        var base = container.superEncoder().container(keyedBy: Keys.self)
        try base.encode(true, forKey: .baseField)
        try container.encode(values, forKey: .values)
    }
}

struct Conflicted: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(1)
        var keyed = encoder.container(keyedBy: ManualKey.self)
        try keyed.encode(2, forKey: ManualKey(stringValue: "a"))
    }
}

struct ManualKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
