import Testing
import BeredskapJSON

@Suite("JSONValueDecoder")
struct DecoderTests {
    let decoder = JSONValueDecoder()

    static let configJSON5 = """
        // beredskap.json5
        {
          socket: 'run/beredskap.sock',
          surge_level: 'elevated',
          access: {
            roles: {
              operator: { groups: ['ops', 'vakt'], permissions: ['read', 'operate'] },
              case_worker: { groups: [], permissions: ['cases'] },
              group1: { groups: ['g'], permissions: [] },
            },
          },
          facilities: [
            { id: 'refstad', capacity: 120, expansion_capacity: 40 },
            { id: 'tøyen', capacity: 80 },
          ],
          thresholds: { warn_at: 0.8, alarm: 1 },
        }
        """

    @Test func decodesARealisticConfig() throws {
        let config = try decoder.decode(Config.self, from: Array(Self.configJSON5.utf8), options: .json5)
        #expect(config.socket == "run/beredskap.sock")
        #expect(config.surgeLevel == .elevated)
        #expect(config.access.roles["operator"]?.groups == ["ops", "vakt"])
        #expect(config.access.roles["case_worker"]?.permissions == [.cases])
        #expect(config.access.roles["group1"] != nil)
        #expect(config.facilities == [Facility(id: "refstad", capacity: 120, expansionCapacity: 40), Facility(id: "tøyen", capacity: 80)])
        #expect(config.thresholds == ["warn_at": 0.8, "alarm": 1])

        // And back: encoding then decoding gives the same value.
        let encoded = try JSONValueEncoder().encode(config)
        #expect(try decoder.decode(Config.self, from: encoded) == config)
    }

    @Test func errorPathsUseJSONSpellingThroughDictionariesAndArrays() throws {
        let json = #"{"roles": {"operator": {"groups": ["ops", 5], "permissions": []}}}"#
        let error = try #require(fieldError(Access.self, json))
        #expect(error.path == [.key("roles"), .key("operator"), .key("groups"), .index(1)])
        #expect(error.field == "roles.operator.groups[1]")
        #expect(error.problem == "expected a string")
        #expect(error.description == "roles.operator.groups[1]: expected a string")

        let config = Self.configJSON5.replacingOccurrences(of: "expansion_capacity: 40", with: "expansion_capacity: '40'")
        let nested = try #require(fieldError(Config.self, config, options: .json5))
        #expect(nested.description == "facilities[0].expansion_capacity: expected an integer")
    }

    struct Mismatch: Sendable, CustomTestStringConvertible {
        let json: String
        let field: String
        let problem: String
        var testDescription: String { json }
    }

    static let scalarBase = #""bool":true,"string":"s","double":1,"float":1,"int":1,"int_8":1,"int_16":1,"int_32":1,"int_64":1,"uint":1,"uint_8":1,"uint_16":1,"uint_32":1,"uint_64":1"#

    /// `AllScalars` JSON with one member replaced.
    static func scalars(_ key: String, _ value: String) -> String {
        let members = scalarBase.split(separator: ",").map { member in
            member.hasPrefix("\"\(key)\":") ? "\"\(key)\":\(value)" : String(member)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static let mismatches: [Mismatch] = [
        Mismatch(json: scalars("string", "5"), field: "string", problem: "expected a string"),
        Mismatch(json: scalars("string", "null"), field: "string", problem: "must not be null"),
        Mismatch(json: scalars("bool", "1"), field: "bool", problem: "expected true or false"),
        Mismatch(json: scalars("bool", "\"true\""), field: "bool", problem: "expected true or false"),
        Mismatch(json: scalars("double", "\"1\""), field: "double", problem: "expected a number"),
        Mismatch(json: scalars("float", "1e300"), field: "float", problem: "expected a number between -3.4028235e+38 and 3.4028235e+38"),
        Mismatch(json: scalars("int", "1.5"), field: "int", problem: "expected an integer"),
        Mismatch(json: scalars("int", "1.0"), field: "int", problem: "expected an integer"),
        Mismatch(json: scalars("int", "1e3"), field: "int", problem: "expected an integer"),
        Mismatch(json: scalars("int", "\"1\""), field: "int", problem: "expected an integer"),
        Mismatch(json: scalars("int", "1e30"), field: "int", problem: "expected an integer between -9223372036854775808 and 9223372036854775807"),
        Mismatch(json: scalars("int", "99999999999999999999"), field: "int", problem: "expected an integer between -9223372036854775808 and 9223372036854775807"),
        Mismatch(json: scalars("int_8", "300"), field: "int_8", problem: "expected an integer between -128 and 127"),
        Mismatch(json: scalars("int_16", "-40000"), field: "int_16", problem: "expected an integer between -32768 and 32767"),
        Mismatch(json: scalars("int_32", "3000000000"), field: "int_32", problem: "expected an integer between -2147483648 and 2147483647"),
        Mismatch(json: scalars("uint", "-1"), field: "uint", problem: "expected an integer between 0 and 9223372036854775807"),
        Mismatch(json: scalars("uint_8", "256"), field: "uint_8", problem: "expected an integer between 0 and 255"),
        Mismatch(json: scalars("uint_16", "-1"), field: "uint_16", problem: "expected an integer between 0 and 65535"),
        Mismatch(json: scalars("uint_32", "4294967296"), field: "uint_32", problem: "expected an integer between 0 and 4294967295"),
        Mismatch(json: scalars("uint_64", "-1"), field: "uint_64", problem: "expected an integer between 0 and 9223372036854775807"),
        Mismatch(json: scalars("uint_64", "18446744073709551615"), field: "uint_64", problem: "expected an integer between 0 and 9223372036854775807"),
        Mismatch(json: scalars("int_64", "[]"), field: "int_64", problem: "expected an integer"),
        Mismatch(json: #"{"bool":true}"#, field: "string", problem: "is required"),
        Mismatch(json: "[]", field: "", problem: "expected an object"),
        Mismatch(json: "null", field: "", problem: "must not be null"),
    ]

    @Test(arguments: mismatches)
    func scalarMismatch(_ mismatch: Mismatch) throws {
        let error = try #require(fieldError(AllScalars.self, mismatch.json))
        #expect(error.field == mismatch.field)
        #expect(error.problem == mismatch.problem)
    }

    @Test func scalarsDecodeAtTheirLimits() throws {
        let json = #"{"bool":false,"string":"","double":5,"float":0.1,"int":-9223372036854775808,"int_8":-128,"int_16":32767,"int_32":-2147483648,"int_64":9223372036854775807,"uint":0,"uint_8":255,"uint_16":65535,"uint_32":4294967295,"uint_64":9223372036854775807}"#
        let value = try decoder.decode(AllScalars.self, from: Array(json.utf8))
        #expect(value.double == 5)
        #expect(value.float == 0.1)
        #expect(value.int == .min)
        #expect(value.uint32 == .max)
        #expect(value.uint64 == UInt64(Int64.max))
        #expect(try decoder.decode(Double.self, from: 3) == 3)
        #expect(try decoder.decode([Int].self, from: [1, 2]) == [1, 2])
        #expect(try decoder.decode([Int?].self, from: [1, nil]) == [1, nil])
        #expect(try decoder.decode([JSONValue?].self, from: [1, nil]) == [1, nil])
        #expect(try decoder.decode(String?.self, from: nil) == nil)
        #expect(try decoder.decode(Set<String>.self, from: ["a", "b", "a"]) == ["a", "b"])
    }

    @Test func optionalsAcceptMissingAndNull() throws {
        let empty = try decoder.decode(OptionalScalars.self, from: [:])
        #expect(empty == OptionalScalars())
        var allNull = JSONObject()
        for key in ["bool", "string", "double", "float", "int", "int_8", "int_16", "int_32", "int_64", "uint", "uint_8", "uint_16", "uint_32", "uint_64", "nested"] {
            allNull[key] = .null
        }
        #expect(try decoder.decode(OptionalScalars.self, from: .object(allNull)) == OptionalScalars())
        let wrong = try #require(fieldError(OptionalScalars.self, #"{"uint_8": -1}"#))
        #expect(wrong.description == "uint_8: expected an integer between 0 and 255")
        let nested = try #require(fieldError(OptionalScalars.self, #"{"nested": {"id": "x"}}"#))
        #expect(nested.description == "nested.capacity: is required")
    }

    @Test func containerKindMismatches() throws {
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":[],"facilities":[]}"#)?.description == "access: expected an object")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":{}},"facilities":{}}"#)?.description == "facilities: expected a list")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":[]},"facilities":[]}"#)?.description == "access.roles: expected an object")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":{"x":null}},"facilities":[]}"#)?.description == "access.roles.x: must not be null")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":null,"facilities":[]}"#)?.description == "access: must not be null")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":{}},"facilities":[null]}"#)?.description == "facilities[0]: must not be null")
        #expect(fieldError(Config.self, #"{"socket":"s","surge_level":"normal","access":{"roles":{}}}"#)?.description == "facilities: is required")
        #expect(fieldError([String: Int].self, #"{"a": 1, "b c": "x"}"#)?.description == #"["b c"]: expected an integer"#)
        #expect(fieldError([[Int]].self, "[[1], [2, true]]")?.description == "[1][1]: expected an integer")
    }

    @Test func syntaxErrorsBecomeFieldErrorsWithoutAPath() throws {
        let error = try #require(fieldError(Facility.self, "{\n  \"id\": \"x\",\n  \"capacity\": 1,\n}"))
        #expect(error.path.isEmpty)
        #expect(error.syntax?.line == 3)
        #expect(error.syntax?.message == "trailing comma is not allowed")
        #expect(error.problem == "line 3, column 16: trailing comma is not allowed")
        #expect(error.description == error.problem)
        #expect(error.field == "")
    }

    @Test func jsonValueFieldsAcceptAnything() throws {
        let json = #"{"event_seq": 1, "type": "t", "data": {"anyKey": [1, {"deep": null}], "x": "y"}}"#
        let event = try decoder.decode(Event.self, from: Array(json.utf8))
        #expect(event.data == ["anyKey": [1, ["deep": nil]], "x": "y"])
        #expect(event.data.objectValue?.keys == ["anyKey", "x"])
        #expect(try decoder.decode(JSONValue.self, from: ["a": 1]) == ["a": 1])
        #expect(try decoder.decode(JSONObject.self, from: ["a": 1]) == ["a": 1])
        #expect(fieldError(JSONObject.self, "[1]")?.problem == "expected an object")
    }

    @Test func fieldRendering() {
        #expect(JSONFieldError(path: [], problem: "p").description == "p")
        #expect(JSONFieldError(path: [.index(2)], problem: "p").description == "[2]: p")
        #expect(JSONFieldError(path: [.key("a"), .key("b.c"), .index(0), .key("")], problem: "p").field == #"a["b.c"][0][""]"#)
        #expect(JSONFieldError(path: [.key("gamle-oslo"), .key("tøyen_2"), .key("$x")], problem: "p").field == "gamle-oslo.tøyen_2.$x")
        let prefixed = JSONFieldError(path: [.key("x")], problem: "p").prefixed(with: [.key("playbooks"), .index(1)])
        #expect(prefixed.description == "playbooks[1].x: p")
    }

    @Test func defaultKeysAndIgnoredUnknowns() throws {
        let lenient = JSONValueDecoder(keyStrategy: .useDefaultKeys, unknownKeys: .ignore)
        let event = try lenient.decode(Event.self, from: ["eventSeq": 3, "type": "t", "data": nil, "extra": 1, "event_seq": 4])
        #expect(event.eventSeq == 3)
        #expect(fieldError(Event.self, #"{"eventSeq": 3, "type": "t", "data": null}"#, decoder: lenient) == nil)
        #expect(fieldError(Event.self, #"{"event_seq": 3, "type": "t", "data": null}"#, decoder: lenient)?.description == "eventSeq: is required")
    }

    @Test func foundationTypesWork() throws {
        struct Link: Codable, Equatable {
            var url: URLLike
        }
        #expect(try decoder.decode(Link.self, from: ["url": "https://example.org"]).url.text == "https://example.org")
        #expect(fieldError(Link.self, #"{"url": "not a url"}"#)?.description == "url: Invalid URL string.")
    }
}

/// A stand-in for a type whose `init(from:)` throws a standard `DecodingError`.
struct URLLike: Codable, Equatable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        text = try container.decode(String.self)
        guard text.hasPrefix("https://") else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Invalid URL string.")
        }
    }
}
