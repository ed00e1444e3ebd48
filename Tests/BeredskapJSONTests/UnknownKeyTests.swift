import Testing
import BeredskapJSON

@Suite("Unknown keys")
struct UnknownKeyTests {
    static let validConfig = #"{"socket":"s","surge_level":"normal","access":{"roles":{"operator":{"groups":[],"permissions":[]}}},"facilities":[{"id":"a","capacity":1},{"id":"b","capacity":2}]}"#

    private func withExtra(_ original: String, _ replacement: String) -> String {
        Self.validConfig.replacingOccurrences(of: original, with: replacement)
    }

    @Test func validConfigHasNone() {
        #expect(fieldError(Config.self, Self.validConfig) == nil)
    }

    @Test func atTheTopLevel() throws {
        let error = try #require(fieldError(Config.self, withExtra(#""socket":"s""#, #""socket":"s","sokcet":"t""#)))
        #expect(error.path == [.key("sokcet")])
        #expect(error.description == "sokcet: unknown field (expected one of: socket, surge_level, access, facilities, thresholds)")
    }

    @Test func insideAnArrayOfObjects() throws {
        let error = try #require(fieldError(Config.self, withExtra(#"{"id":"b","capacity":2}"#, #"{"id":"b","capcity":3,"capacity":2}"#)))
        #expect(error.description == "facilities[1].capcity: unknown field (expected one of: id, capacity, expansion_capacity)")
    }

    @Test func insideADictionaryValue() throws {
        let error = try #require(fieldError(Config.self, withExtra(#""groups":[]"#, #""groups":[],"grups":["x"]"#)))
        #expect(error.description == "access.roles.operator.grups: unknown field (expected one of: groups, permissions)")
    }

    @Test func firstInDocumentOrderWins() throws {
        // `access` is declared after `socket` but the unknown key inside it comes first in
        // the document.
        let json = #"{"access":{"roles":{},"rolez":1},"socket":"s","zzz":1,"surge_level":"normal","facilities":[]}"#
        #expect(fieldError(Config.self, json)?.field == "access.rolez")
        let later = #"{"socket":"s","zzz":1,"access":{"roles":{},"rolez":1},"surge_level":"normal","facilities":[]}"#
        #expect(fieldError(Config.self, later)?.field == "zzz")
    }

    @Test func typeErrorsAreReportedBeforeUnknownKeys() {
        let json = withExtra(#""socket":"s""#, #""socket":5,"extra":1"#)
        #expect(fieldError(Config.self, json)?.description == "socket: expected a string")
    }

    @Test func nothingInsideAJSONValueIsUnknown() {
        let json = #"{"event_seq":1,"type":"t","data":{"whatever":{"deep":[{"x":1}]}}}"#
        #expect(fieldError(Event.self, json) == nil)
        #expect(fieldError(Event.self, #"{"event_seq":1,"type":"t","data":{},"datum":1}"#)?.field == "datum")
    }

    @Test func ignorePolicySkipsTheCheck() throws {
        let lenient = JSONValueDecoder(unknownKeys: .ignore)
        let json = withExtra(#""groups":[]"#, #""groups":[],"grups":["x"]"#)
        #expect(fieldError(Config.self, json, decoder: lenient) == nil)
    }

    @Test func emptyTypesAndManualContainers() throws {
        #expect(fieldError(Empty.self, "{}") == nil)
        #expect(fieldError(Empty.self, #"{"a":1}"#)?.description == "a: unknown field (no fields are expected here)")
        #expect(fieldError([Empty].self, #"[{}, {"b": {"c": 1}}]"#)?.description == "[1].b: unknown field (no fields are expected here)")
        #expect(fieldError(RawHolder.self, #"{"a":1}"#) == nil)
        // Keys asked for through contains() or decodeNil() count as known.
        #expect(fieldError(Probe.self, #"{"probe_a":1,"probe_b":null}"#) == nil)
        #expect(fieldError(Probe.self, #"{"probe_a":1,"probe_b":null,"probe_c":2}"#)?.description == "probe_c: unknown field (expected one of: probe_a, probe_b)")
    }

    @Test func synthesizedEnumsAndDynamicKeys() throws {
        #expect(fieldError(Shape.self, #"{"circle":{"radius":1}}"#) == nil)
        #expect(fieldError(Shape.self, #"{"circle":{"radius":1,"color":"red"}}"#)?.description == "circle.color: unknown field (expected one of: radius)")
        // A type iterating allKeys with a closed key set: keys that do not convert to a
        // key are unknown.
        #expect(fieldError(Flags.self, #"{"read_only":true,"hidden":false}"#) == nil)
        #expect(fieldError(Flags.self, #"{"read_only":true,"visible":false}"#)?.description == "visible: unknown field (expected one of: read_only)")
    }
}

struct Empty: Codable {}

struct Probe: Decodable {
    enum Keys: String, CodingKey { case probeA, probeB }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        _ = container.contains(.probeA)
        _ = try container.decodeNil(forKey: .probeB)
    }
}

struct Flags: Decodable {
    enum Keys: String, CodingKey { case readOnly, hidden }
    var set: [String: Bool] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        for key in container.allKeys {
            set[key.stringValue] = try container.decode(Bool.self, forKey: key)
        }
    }
}

/// Reads its whole value as a `JSONValue` from a custom `init(from:)`.
struct RawHolder: Decodable {
    var raw: JSONValue

    init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
    }
}
