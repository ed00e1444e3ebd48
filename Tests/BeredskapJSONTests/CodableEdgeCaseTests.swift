import Foundation
import Testing
import BeredskapJSON

@Suite("Codable edge cases")
struct CodableEdgeCaseTests {
    let encoder = JSONValueEncoder()
    let decoder = JSONValueDecoder()

    @Test func classInheritanceThroughSuperEncoderAndDecoder() throws {
        let value = Derived(baseName: "b", derivedCount: 2)
        let encoded = try encoder.encode(value)
        #expect(encoded.serializedString() == #"{"derived_count":2,"super":{"base_name":"b"}}"#)
        let decoded = try decoder.decode(Derived.self, from: encoded)
        #expect(decoded.baseName == "b" && decoded.derivedCount == 2)
        let error = try #require(fieldError(Derived.self, #"{"derived_count":2,"super":{"base_name":"b","extra":1}}"#))
        #expect(error.description == "super.extra: unknown field (expected one of: base_name)")
    }

    @Test func nonStringDictionaryKeys() throws {
        let byNumber: [Int: String] = [2: "two", 10: "ten"]
        let encoded = try encoder.encode(byNumber)
        #expect(Set(encoded.objectValue?.keys ?? []) == ["2", "10"])
        #expect(try decoder.decode([Int: String].self, from: encoded) == byNumber)
    }

    @Test func decodingOneObjectAsTwoTypesUnionsTheKnownKeys() throws {
        let json: JSONValue = ["kind": "facility", "id": "refstad", "capacity": 10]
        let tagged = try decoder.decode(Tagged.self, from: json)
        #expect(tagged.kind == "facility" && tagged.facility.capacity == 10)
        let extra = try #require(fieldError(Tagged.self, #"{"kind":"facility","id":"x","capacity":1,"colour":"red"}"#))
        #expect(extra.description == "colour: unknown field (expected one of: kind, id, capacity, expansion_capacity)")
    }

    @Test func shortListForAFixedShape() throws {
        #expect(try decoder.decode(Point.self, from: [59.9, 10.7]) == Point(lat: 59.9, lon: 10.7))
        #expect(fieldError(Point.self, "[59.9]")?.description == "[1]: is required (the list has 1 element)")
        #expect(fieldError(Point.self, #"[59.9, "x"]"#)?.description == "[1]: expected a number")
    }

    @Test func json5SpecialNumbersMeetTypedFields() throws {
        #expect(try decoder.decode(Double.self, from: Array("Infinity".utf8), options: .json5) == .infinity)
        #expect(fieldError(Int.self, "NaN", options: .json5)?.problem == "expected an integer")
        #expect(fieldError(Int.self, "Infinity", options: .json5)?.problem == "expected an integer between -9223372036854775808 and 9223372036854775807")
        #expect(try decoder.decode(Int.self, from: Array("0x10".utf8), options: .json5) == 16)
    }

    @Test func emptyTypesEncodeAsEmptyObjects() throws {
        #expect(try encoder.encode(Empty()) == [:])
        #expect(try encoder.encode([String: Int]()) == [:])
        #expect(try encoder.encode([Int]()) == [])
    }

    @Test func jsonValueWorksWithFoundationCoders() throws {
        let value: JSONValue = ["a": [1, 2.5, "s", true, nil], "b": ["c": -3]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
        #expect(try JSONDecoder().decode(JSONObject.self, from: data)["b"] == ["c": -3])
        // And the protocol's errors work with Foundation too.
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Level].self, from: Data(#"["x"]"#.utf8)) }
    }

    @Test func decodersAreUsableConcurrently() async throws {
        let decoder = self.decoder
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try decoder.decode(Facility.self, from: ["id": "f", "capacity": .integer(Int64(index))]).capacity
                }
            }
            return try await group.reduce(into: 0) { $0 += $1 }
        }
        #expect(results == 120)
    }
}

class Base: Codable {
    var baseName: String

    init(baseName: String) {
        self.baseName = baseName
    }
}

final class Derived: Base {
    var derivedCount: Int

    enum CodingKeys: String, CodingKey { case derivedCount }

    init(baseName: String, derivedCount: Int) {
        self.derivedCount = derivedCount
        super.init(baseName: baseName)
    }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        derivedCount = try container.decode(Int.self, forKey: .derivedCount)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(derivedCount, forKey: .derivedCount)
        try super.encode(to: container.superEncoder())
    }
}

/// Reads a discriminator, then the same object again as the full type.
struct Tagged: Decodable {
    var kind: String
    var facility: Facility

    enum Keys: String, CodingKey { case kind }

    init(from decoder: any Decoder) throws {
        kind = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .kind)
        facility = try Facility(from: decoder)
    }
}

struct Point: Decodable, Equatable {
    var lat: Double
    var lon: Double

    init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        lat = try container.decode(Double.self)
        lon = try container.decode(Double.self)
    }
}
