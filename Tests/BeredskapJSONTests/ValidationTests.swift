import Testing
import BeredskapJSON

@Suite("String enums and validation in init(from:)")
struct ValidationTests {
    @Test func stringEnumListsTheAcceptedValues() throws {
        let base = #"{"socket":"s","surge_level":"LEVEL","access":{"roles":{}},"facilities":[]}"#
        for bad in [#""extreme""#, "5", "true", #""Normal""#, "[]"] {
            let error = try #require(fieldError(Config.self, base.replacingOccurrences(of: #""LEVEL""#, with: bad)))
            #expect(error.description == "surge_level: expected one of: normal, elevated, high, crisis")
        }
        let null = fieldError(Config.self, base.replacingOccurrences(of: #""LEVEL""#, with: "null"))
        #expect(null?.description == "surge_level: must not be null")
        #expect(Level.expectedValues == "expected one of: normal, elevated, high, crisis")
    }

    @Test func stringEnumInsideListsAndDictionaries() throws {
        let json = #"{"roles":{"operator":{"groups":[],"permissions":["read","delete"]}}}"#
        #expect(fieldError(Access.self, json)?.description == "roles.operator.permissions[1]: expected one of: read, operate, cases, admin")
        #expect(try JSONValueDecoder().decode([String: Level].self, from: ["a": "high"]) == ["a": .high])
        #expect(fieldError([String: Level].self, #"{"a":"low"}"#)?.description == "a: expected one of: normal, elevated, high, crisis")
        #expect(try JSONValueEncoder().encode([Level.crisis, .normal]) == ["crisis", "normal"])
        #expect(try JSONValueDecoder().decode(Level?.self, from: nil) == nil)
    }

    @Test func validationFromAKeyedContainerLandsAtTheMember() throws {
        let facilities = (0..<4).map { #"{"id":"f\#($0)","capacity":\#($0 == 3 ? 1500 : 10)}"# }.joined(separator: ",")
        let error = try #require(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":{}},"facilities":[\#(facilities)]}"#))
        #expect(error.path == [.key("facilities"), .index(3), .key("capacity")])
        #expect(error.description == "facilities[3].capacity: must be at most 1000")
    }

    @Test func standardDecodingErrorsAreMappedWithSnakeCaseKeys() throws {
        let error = try #require(fieldError([Facility].self, #"[{"id":"a","capacity":1},{"id":"b","capacity":1,"expansion_capacity":-5}]"#))
        #expect(error.description == "[1].expansion_capacity: must not be negative")
        let useDefault = JSONValueDecoder(keyStrategy: .useDefaultKeys)
        let camel = try #require(fieldError([Facility].self, #"[{"id":"b","capacity":1,"expansionCapacity":-5}]"#, decoder: useDefault))
        #expect(camel.description == "[0].expansionCapacity: must not be negative")
    }

    @Test func validationOfTheWholeValue() throws {
        let error = try #require(fieldError([String: Facility].self, #"{"gamle-oslo":{"id":"","capacity":1}}"#))
        #expect(error.description == "gamle-oslo: must have a non-empty id")
    }

    @Test func otherErrorsFromInitLandAtTheValue() throws {
        #expect(fieldError(Wrapper.self, #"{"inner":{"n":-1}}"#)?.description == "inner: negative (-1)")
        #expect(fieldError(Wrapper.self, #"{"inner":{"n":1001}}"#)?.description == "inner.limit: is required")
        #expect(fieldError(Wrapper.self, #"{"inner":{"n":5000}}"#)?.description == "inner.n: too big")
        #expect(fieldError(Wrapper.self, #"{"inner":{"n":1}}"#) == nil)
    }
}

struct Wrapper: Decodable {
    var inner: Checked
}

struct NegativeNumber: Error, CustomStringConvertible {
    var value: Int
    var description: String { "negative (\(value))" }
}

/// Throws each kind of error a hand-written `init(from:)` might.
struct Checked: Decodable {
    enum Keys: String, CodingKey { case n, limit }
    var n: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        n = try container.decode(Int.self, forKey: .n)
        if n < 0 {
            throw NegativeNumber(value: n)
        }
        if n > 4000 {
            throw JSONFieldError(path: JSONFieldError.invalid("", at: decoder).path + [.key("n")], problem: "too big")
        }
        if n > 1000 {
            throw DecodingError.keyNotFound(Keys.limit, DecodingError.Context(codingPath: container.codingPath, debugDescription: ""))
        }
    }
}
