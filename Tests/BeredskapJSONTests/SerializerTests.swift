import BeredskapTestSupport
import Testing
import BeredskapJSON

@Suite("Serializer")
struct SerializerTests {
    @Test func compactOutputKeepsKeyOrder() {
        let value: JSONValue = ["zeta": 1, "alpha": [true, false, nil], "mid": ["b": "x", "a": 2.5], "empty": [:], "none": []]
        #expect(value.serializedString() == #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x","a":2.5},"empty":{},"none":[]}"#)
    }

    @Test func prettyOutput() {
        let value: JSONValue = ["name": "Refstad", "tags": ["a", "b"], "empty": [:], "list": [], "nested": ["x": [1]]]
        let expected = """
            {
              "name": "Refstad",
              "tags": [
                "a",
                "b"
              ],
              "empty": {},
              "list": [],
              "nested": {
                "x": [
                  1
                ]
              }
            }
            """
        #expect(value.serializedString(pretty: true) == expected)
        #expect(JSONValue.array([]).serializedString(pretty: true) == "[]")
        #expect(JSONValue.integer(3).serializedString(pretty: true) == "3")
    }

    @Test func stringEscaping() {
        let value = JSONValue.string("q\" b\\ s/ \u{0}\u{1}\u{1F} \n\r\t\u{8}\u{C} \u{7F} é😀 \u{2028}\u{2029} \u{2027}\u{202A}")
        let expected = #""q\" b\\ s/ \u0000\u0001\u001f \n\r\t\b\f "# + "\u{7F} é😀 " + #"\u2028\u2029 "# + "\u{2027}\u{202A}\""
        #expect(value.serializedString() == expected)
        #expect(JSONValue.string("").serializedString() == "\"\"")
        #expect(JSONValue.object(["k\"ey\n": 1]).serializedString() == #"{"k\"ey\n":1}"#)
    }

    @Test(arguments: [
        (JSONValue.integer(0), "0"), (.integer(-5), "-5"), (.integer(.max), "9223372036854775807"),
        (.integer(.min), "-9223372036854775808"), (.double(1.5), "1.5"), (.double(100), "100.0"),
        (.double(-0.0), "-0.0"), (.double(0.1), "0.1"), (.double(1e20), "1e+20"), (.double(1e-7), "1e-07"),
        (.double(.greatestFiniteMagnitude), "1.7976931348623157e+308"), (.double(.leastNonzeroMagnitude), "5e-324"),
        (.double(.nan), "null"), (.double(.infinity), "null"), (.double(-.infinity), "null"),
        (.bool(true), "true"), (.null, "null"),
    ])
    func scalars(_ value: JSONValue, _ text: String) {
        #expect(value.serializedString() == text)
    }

    @Test func doublesKeepTheirKindThroughARoundTrip() throws {
        for double in [1.0, 100.0, 1e16, 1e20, -0.0, 0.1, 123.456, 9.007199254740993e15] {
            let reparsed = try JSONParser.parse(JSONValue.double(double).serialized())
            #expect(reparsed == .double(double))
        }
    }

    @Test func seededRandomValuesRoundTrip() throws {
        var generator = SplitMix64(seed: 0xBE4E_D5CA)
        for _ in 0..<300 {
            let value = randomValue(depth: 0, using: &generator)
            for pretty in [false, true] {
                let bytes = value.serialized(pretty: pretty)
                let reparsed = try JSONParser.parse(bytes)
                #expect(reparsed == value)
                // Order is kept too: serializing again gives the same bytes.
                #expect(reparsed.serialized(pretty: pretty) == bytes)
            }
        }
    }

    private func randomValue(depth: Int, using generator: inout SplitMix64) -> JSONValue {
        let kind = Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0...63, using: &generator))
        case 3: return .double(randomDouble(using: &generator))
        case 4, 5: return .string(randomString(using: &generator))
        case 6:
            return .array((0..<Int.random(in: 0...5, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                object[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }

    private func randomDouble(using generator: inout SplitMix64) -> Double {
        while true {
            let double = Double(bitPattern: generator.next())
            if double.isFinite {
                return double
            }
        }
    }

    private func randomString(using generator: inout SplitMix64) -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "ø", "€", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "𝄞"]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...10, using: &generator) {
            if Int.random(in: 0..<4, using: &generator) == 0, let scalar = Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &generator)) {
                scalars.append(scalar)
            } else {
                scalars.append(pool[Int.random(in: 0..<pool.count, using: &generator)])
            }
        }
        return String(scalars)
    }
}
