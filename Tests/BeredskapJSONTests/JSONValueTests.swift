import Testing
import BeredskapJSON

@Suite("JSONValue and JSONObject")
struct JSONValueTests {
    @Test func conveniences() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.0, "f": 2.5, "b": true, "n": nil, "a": [1], "o": ["k": 1]]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["d"]?.intValue == 2)
        #expect(value["f"]?.intValue == nil)
        #expect(JSONValue.double(1e300).intValue == nil)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["f"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue == ["k": 1])
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("x")["s"] == nil)
        #expect(value["s"]?.intValue == nil)
    }

    @Test func objectKeepsInsertionOrderAndReplacesInPlace() {
        var object = JSONObject([("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["c"] = 4
        object["b"] = 5
        #expect(object.keys == ["b", "a", "c"])
        #expect(object.map(\.value) == [5, 2, 4])
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object.count == 2)
        #expect(!object.isEmpty)
        object["a"] = .null
        #expect(object["a"] == .null)
        #expect(object.keys == ["b", "c", "a"])
        #expect(JSONObject().isEmpty)
    }

    @Test func largeObjectsStayOrderedAndFindable() {
        var object = JSONObject()
        for number in (0..<50).reversed() {
            object["k\(number)"] = .integer(Int64(number))
        }
        #expect(object.keys.first == "k49")
        #expect(object["k7"] == 7)
        for number in stride(from: 0, to: 50, by: 2) {
            object["k\(number)"] = nil
        }
        #expect(object.count == 25)
        #expect(object["k7"] == 7)
        #expect(object["k8"] == nil)
        #expect(object.keys.first == "k49")
        object["k8"] = 80
        #expect(object.keys.last == "k8")
        #expect(object["k8"] == 80)
    }

    @Test func equalityIgnoresOrderButHashingAgrees() {
        let one: JSONValue = ["a": 1, "b": [1, 2]]
        let two: JSONValue = ["b": [1, 2], "a": 1]
        #expect(one == two)
        #expect(one.hashValue == two.hashValue)
        #expect(Set([one, two]).count == 1)
        #expect(one != ["a": 1, "b": [2, 1]])
        #expect(one != ["a": 1])
        #expect(JSONValue.integer(1) != .double(1))
    }

    @Test func literals() {
        let value: JSONValue = ["list": [1, 2.5, "s", true, nil, [:]]]
        #expect(value == .object(JSONObject([("list", .array([.integer(1), .double(2.5), .string("s"), .bool(true), .null, .object(JSONObject())]))])))
    }
}
