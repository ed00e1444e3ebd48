import BeredskapTestSupport
import Testing
import BeredskapJSON

@Suite("Snake-case key conversion")
struct KeyStrategyTests {
    static let pairs: [(swift: String, json: String)] = [
        ("expansionCapacity", "expansion_capacity"),
        ("eventSeq", "event_seq"),
        ("uptimeS", "uptime_s"),
        ("minor15To17", "minor_15_to_17"),
        ("ipv4Address", "ipv_4_address"),
        ("a1B", "a_1_b"),
        ("userID", "user_i_d"),
        ("id", "id"),
        ("x", "x"),
        ("", ""),
        ("_private", "_private"),
        ("_privateValue", "_private_value"),
        ("__twice", "__twice"),
        ("level2", "level_2"),
        ("v2_3", "v_2_3"),
        ("utf8", "utf_8"),
        ("Capitalized", "capitalized"),
        ("tøyenAreal", "tøyen_areal"),
    ]

    @Test func swiftToJSON() {
        for (swift, json) in Self.pairs {
            #expect(JSONKeyStrategy.convertSnakeCase.jsonKey(for: swift) == json, "\(swift)")
        }
    }

    @Test func jsonToSwiftInvertsTheRule() {
        for (swift, json) in Self.pairs where swift.first?.isUppercase != true {
            #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: json) == swift, "\(json)")
        }
        // Underscores the rule never produces are kept.
        #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: "a__b") == "a__b")
        #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: "trailing_") == "trailing_")
        #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: "x_Y") == "x_Y")
        #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: "1_2") == "1_2")
    }

    @Test func snakeCaseIsIdempotentOnSnakeNamesWithoutDigits() {
        for name in ["event_seq", "expansion_capacity", "a_b_c", "_x"] {
            #expect(JSONKeyStrategy.convertSnakeCase.jsonKey(for: name) == name)
        }
    }

    @Test func roundTripOverGeneratedNames() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("abcXYZ019")
        for _ in 0..<2000 {
            var name = String(alphabet[Int.random(in: 0..<3, using: &generator)])
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                name.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let json = JSONKeyStrategy.convertSnakeCase.jsonKey(for: name)
            #expect(json == json.lowercased())
            #expect(JSONKeyStrategy.convertSnakeCase.swiftKey(for: json) == name, "\(name) → \(json)")
        }
    }

    @Test func defaultKeysAreUntouched() {
        #expect(JSONKeyStrategy.useDefaultKeys.jsonKey(for: "eventSeq") == "eventSeq")
        #expect(JSONKeyStrategy.useDefaultKeys.swiftKey(for: "event_seq") == "event_seq")
    }
}
