import Testing
import BeredskapJSON

@Suite("Strict parser (RFC 8259)")
struct ParserTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let text: String
        let value: JSONValue
        var testDescription: String { text.debugDescription }
    }

    static let validDocuments: [Valid] = [
        Valid(text: "0", value: 0),
        Valid(text: "-0", value: 0),
        Valid(text: "42", value: 42),
        Valid(text: "-17", value: -17),
        Valid(text: "1.5", value: 1.5),
        Valid(text: "1.0", value: .double(1.0)),
        Valid(text: "-1.5e-3", value: -0.0015),
        Valid(text: "1E2", value: .double(100)),
        Valid(text: "1e+2", value: .double(100)),
        Valid(text: "0.5", value: 0.5),
        Valid(text: "9223372036854775807", value: .integer(.max)),
        Valid(text: "-9223372036854775808", value: .integer(.min)),
        Valid(text: "9223372036854775808", value: .double(9.223372036854775808e18)),
        Valid(text: "-9223372036854775809", value: .double(-9.223372036854775809e18)),
        Valid(text: "123456789012345678901234567890", value: .double(1.2345678901234568e29)),
        Valid(text: "1e-400", value: .double(0)),
        Valid(text: "true", value: true),
        Valid(text: "false", value: false),
        Valid(text: "null", value: nil),
        Valid(text: "\"\"", value: ""),
        Valid(text: "\"a\\\"b\\\\c\\/d\"", value: "a\"b\\c/d"),
        Valid(text: "\"\\b\\f\\n\\r\\t\"", value: "\u{8}\u{C}\n\r\t"),
        Valid(text: "\"\\u0041\\u00e9\\u20AC\"", value: "Aé€"),
        Valid(text: "\"\\ud83d\\ude00\"", value: "😀"),
        Valid(text: "\"Tøyen 😀\"", value: "Tøyen 😀"),
        Valid(text: "\"\u{7F}\"", value: "\u{7F}"),
        Valid(text: "[]", value: []),
        Valid(text: "{}", value: [:]),
        Valid(text: " \t\r\n[ 1 , \"two\" , [ ] , { } ] \n", value: [1, "two", [], [:]]),
        Valid(text: "{\"a\":{\"b\":[null,true]}}", value: ["a": ["b": [nil, true]]]),
        Valid(text: "\u{FEFF}{\"bom\":1}", value: ["bom": 1]),
    ]

    @Test(arguments: validDocuments)
    func parsesValidDocument(_ document: Valid) throws {
        let parsed = try JSONParser.parse(document.text)
        #expect(parsed == document.value)
        // Same result from bytes as from a String, and JSON5 is a superset.
        #expect(try JSONParser.parse(Array(document.text.utf8)) == parsed)
        #expect(try JSONParser.parse(document.text, options: .json5) == parsed)
    }

    @Test func integersAndDoublesStayDistinct() throws {
        #expect(try JSONParser.parse("1") == .integer(1))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("1e0") == .double(1))
        #expect(try JSONParser.parse("1") != JSONParser.parse("1.0"))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let message: String
        let column: Int

        init(_ text: String, _ message: String, column: Int) {
            self.init(bytes: Array(text.utf8), message, column: column)
        }

        init(bytes: [UInt8], _ message: String, column: Int) {
            self.bytes = bytes
            self.message = message
            self.column = column
        }

        var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
    }

    static let invalidDocuments: [Invalid] = [
        Invalid("", "expected a value, found end of input", column: 1),
        Invalid("   ", "expected a value, found end of input", column: 4),
        Invalid("01", "leading zeros are not allowed", column: 1),
        Invalid("-01", "leading zeros are not allowed", column: 2),
        Invalid("[00]", "leading zeros are not allowed", column: 2),
        Invalid("-", "expected a digit after '-', found end of input", column: 2),
        Invalid("-a", "expected a digit after '-', found 'a'", column: 2),
        Invalid("1.", "expected a digit after the decimal point, found end of input", column: 3),
        Invalid("1.e5", "expected a digit after the decimal point, found 'e'", column: 3),
        Invalid(".1", "expected a value, found '.'", column: 1),
        Invalid("+1", "expected a value, found '+'", column: 1),
        Invalid("1e", "expected a digit in the exponent, found end of input", column: 3),
        Invalid("1e+", "expected a digit in the exponent, found end of input", column: 4),
        Invalid("0x1F", "expected the end of the document after the value, found 'x'", column: 2),
        Invalid("1e400", "number is too large", column: 1),
        Invalid("[-1e999]", "number is too large", column: 2),
        Invalid("NaN", "expected a value, found 'NaN'", column: 1),
        Invalid("Infinity", "expected a value, found 'Infinity'", column: 1),
        Invalid("tru", "expected a value, found 'tru'", column: 1),
        Invalid("True", "expected a value, found 'True'", column: 1),
        Invalid("nul", "expected a value, found 'nul'", column: 1),
        Invalid("1 2", "expected the end of the document after the value, found '2'", column: 3),
        Invalid("{}}", "expected the end of the document after the value, found '}'", column: 3),
        Invalid("\"abc", "unterminated string", column: 1),
        Invalid("\"\\u00\"", "invalid \\u escape: expected 4 hex digits", column: 2),
        Invalid("\"\\u12G4\"", "invalid \\u escape: expected 4 hex digits", column: 2),
        Invalid("\"\\x41\"", "invalid escape sequence '\\x'", column: 2),
        Invalid("\"\\'\"", "invalid escape sequence '\\''", column: 2),
        Invalid("\"a\nb\"", "line break in string (write it as \\n)", column: 3),
        Invalid("\"a\tb\"", "control character U+0009 must be escaped in a string", column: 3),
        Invalid("\"\u{0}\"", "control character U+0000 must be escaped in a string", column: 2),
        Invalid("'a'", "expected a value, found \"'\"", column: 1),
        Invalid("[1,]", "trailing comma is not allowed", column: 3),
        Invalid("{\"a\":1,}", "trailing comma is not allowed", column: 7),
        Invalid("[1,,2]", "expected a value, found ','", column: 4),
        Invalid("[,]", "expected a value, found ','", column: 2),
        Invalid("[1 2]", "expected ',' or ']' after an array element, found '2'", column: 4),
        Invalid("[1", "expected ',' or ']' after an array element, found end of input", column: 3),
        Invalid("[", "expected a value, found end of input", column: 2),
        Invalid("{\"a\":1 \"b\":2}", "expected ',' or '}' after an object member, found '\"'", column: 8),
        Invalid("{\"a\":1", "expected ',' or '}' after an object member, found end of input", column: 7),
        Invalid("{\"a\" 1}", "expected ':' after an object key, found '1'", column: 6),
        Invalid("{a:1}", "expected a string key in double quotes, found 'a'", column: 2),
        Invalid("{1:1}", "expected a string key in double quotes, found '1'", column: 2),
        Invalid("{\"a\":1,\"a\":2}", "duplicate key 'a'", column: 8),
        Invalid("// c\n1", "expected a value, found '/'", column: 1),
        Invalid("\u{FEFF}\u{FEFF}1", "expected a value, found U+FEFF", column: 1),
        Invalid("1\u{FEFF}", "expected the end of the document after the value, found U+FEFF", column: 2),
        Invalid("\u{A0}1", "expected a value, found U+00A0", column: 1),
        Invalid("\u{B}1", "expected a value, found U+000B", column: 1),
        // Invalid UTF-8: a stray continuation byte, an overlong '/', an encoded surrogate,
        // a truncated sequence, a scalar above U+10FFFF, and a byte that never occurs.
        Invalid(bytes: [0x80], "expected a value, found invalid UTF-8", column: 1),
        Invalid(bytes: [0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 in string", column: 2),
        Invalid(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 in string", column: 2),
        Invalid(bytes: [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 in string", column: 2),
        Invalid(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 in string", column: 2),
        Invalid(bytes: [0x22, 0x61, 0xFF, 0x22], "invalid UTF-8 in string", column: 3),
        Invalid(bytes: [0x22, 0xE2, 0x82], "invalid UTF-8 in string", column: 2),
        // Lone and mismatched surrogate escapes.
        Invalid("\"\\ud800\"", "unpaired surrogate \\uD800 (a high surrogate must be followed by a low one)", column: 2),
        Invalid("\"x\\uDBFFy\"", "unpaired surrogate \\uDBFF (a high surrogate must be followed by a low one)", column: 3),
        Invalid("\"\\ud800\\u0041\"", "unpaired surrogate \\uD800 (a high surrogate must be followed by a low one)", column: 2),
        Invalid("\"\\ud800\\ud800\"", "unpaired surrogate \\uD800 (a high surrogate must be followed by a low one)", column: 2),
        Invalid("\"\\udc00\"", "unpaired surrogate \\uDC00 (a low surrogate must follow a high one)", column: 2),
        Invalid("\"\\ude00\\ud83d\"", "unpaired surrogate \\uDE00 (a low surrogate must follow a high one)", column: 2),
    ]

    @Test(arguments: invalidDocuments)
    func rejectsInvalidDocument(_ document: Invalid) throws {
        let error = try #require(syntaxError(document.bytes))
        #expect(error.message == document.message)
        #expect(error.line == 1)
        #expect(error.column == document.column)
    }

    @Test func depthAtTheLimitParsesAndOneMoreFails() throws {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(atLimit) }

        let over = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(syntaxError(over))
        #expect(error.message == "nesting deeper than 64 levels")
        #expect(error.column == 65)

        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(syntaxError(objects)?.message == "nesting deeper than 64 levels")
        #expect(syntaxError(objects, JSONParseOptions(maxDepth: 65)) == nil)
        #expect(syntaxError("[[1]]", JSONParseOptions(maxDepth: 1))?.message == "nesting deeper than 1 level")
        #expect(syntaxError("1", JSONParseOptions(maxDepth: 0)) == nil)
    }

    @Test func hugeNestingIsAnErrorNotACrash() {
        let bombs = [
            String(repeating: "[", count: 200_000),
            String(repeating: "{\"a\":", count: 100_000),
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        ]
        for bomb in bombs {
            #expect(syntaxError(bomb)?.message == "nesting deeper than 64 levels")
            #expect(syntaxError(bomb, .json5)?.message == "nesting deeper than 64 levels")
        }
    }

    @Test func duplicateKeysAreRejectedAtTheSecondKey() throws {
        let nested = try #require(syntaxError("{\"x\": {\"a\": 1, \"b\": 2, \"a\": 3}}"))
        #expect(nested.message == "duplicate key 'a'")
        #expect(nested.column == 24)

        // Large objects switch to a hashed index; duplicates are still found.
        let members = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(syntaxError("{\(members)}") == nil)
        #expect(syntaxError("{\(members), \"k3\": 0}")?.message == "duplicate key 'k3'")
        // Keys are compared after unescaping.
        #expect(syntaxError("{\"a\": 1, \"\\u0061\": 2}")?.message == "duplicate key 'a'")
        // The same key in different objects is fine.
        #expect(syntaxError("[{\"a\": 1}, {\"a\": 2}]") == nil)
    }

    @Test func lineAndColumnInMultiLineInput() throws {
        let text = """
            {
              "name": "Refstad",
              "capacity" 120
            }
            """
        let error = try #require(syntaxError(text))
        #expect(error.line == 3)
        #expect(error.column == 14)
        #expect(error.message == "expected ':' after an object key, found '1'")
        #expect(error.description == "line 3, column 14: expected ':' after an object key, found '1'")
        #expect(Array(text.utf8)[error.offset] == UInt8(ascii: "1"))
    }

    @Test func columnsCountUnicodeScalarsAndLinesCountCRLFOnce() throws {
        // "ø" and "😀" are 2 and 4 bytes but one column each.
        let unicode = try #require(syntaxError("[\"ø😀\", x]"))
        #expect(unicode.column == 8)
        #expect(unicode.offset == 11)

        let crlf = try #require(syntaxError("[\r\n1,\r\n2\r\n,]"))
        #expect(crlf.line == 4)
        #expect(crlf.column == 1)

        let crOnly = try #require(syntaxError("[\r1,\r\r x]"))
        #expect(crOnly.line == 4)
        #expect(crOnly.column == 2)

        let afterBOM = try #require(syntaxError("\u{FEFF}[x]"))
        #expect(afterBOM.column == 2)
        #expect(afterBOM.offset == 4)
    }

    @Test func unterminatedStringPointsAtItsStart() throws {
        let error = try #require(syntaxError("{\n  \"a\": \"never closed\n}"))
        #expect(error.message == "line break in string (write it as \\n)")
        #expect(error.line == 2)
        let atEnd = try #require(syntaxError("[\n \"abc"))
        #expect(atEnd.message == "unterminated string")
        #expect((atEnd.line, atEnd.column) == (2, 2))
    }

    @Test func stringsAndBytesAgree() throws {
        let text = "{\"ä\": [1, 2.5, \"x\\n\"]}"
        #expect(try JSONParser.parse(text) == JSONParser.parse(Array(text.utf8)))
        // A Substring-backed String (not native) still parses.
        let padded = "  [true]  "
        let slice = String(padded.utf8.dropFirst(2).dropLast(2)) ?? ""
        #expect(try JSONParser.parse(slice) == [true])
    }
}
