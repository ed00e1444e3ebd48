import Foundation
import Testing
import BeredskapJSON

@Suite("JSON5 parser")
struct JSON5Tests {
    private func parse5(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text, options: .json5)
    }

    @Test func comments() throws {
        let text = """
            // leading comment
            {
              /* block * with / inside */ a: 1, // trailing
              b: /* between */ 2,
            } // after
            /* and at the very end */
            """
        #expect(try parse5(text) == ["a": 1, "b": 2])
        #expect(try parse5("1//no newline at end") == 1)
        #expect(try parse5("[1,//x\u{2028}2]") == [1, 2])

        let unterminated = try #require(syntaxError("[1, /* never\n closed", .json5))
        #expect(unterminated.message == "unterminated comment")
        #expect((unterminated.line, unterminated.column) == (1, 5))
        #expect(syntaxError("[1, / 2]", .json5)?.message == "expected a comment after '/' (// or /*)")
    }

    @Test func trailingCommas() throws {
        #expect(try parse5("[1, 2,]") == [1, 2])
        #expect(try parse5("{\"a\": 1,}") == ["a": 1])
        #expect(try parse5("[[],{},]") == [[], [:]])
        #expect(syntaxError("[,]", .json5)?.message == "expected a value, found ','")
        #expect(syntaxError("[1,,]", .json5)?.message == "expected a value, found ','")
        #expect(syntaxError("{,}", .json5)?.message == "expected an object key, found ','")
    }

    @Test func unquotedKeys() throws {
        let value = try parse5("{a: 1, $b_2: 2, _c: 3, null: 4, Infinity: 5}")
        #expect(value.objectValue?.keys == ["a", "$b_2", "_c", "null", "Infinity"])
        #expect(syntaxError("{1a: 1}", .json5)?.message == "expected an object key, found '1'")
        #expect(syntaxError("{a-b: 1}", .json5)?.message == "expected ':' after an object key, found '-'")
        #expect(syntaxError("{a: 1, a: 2}", .json5)?.message == "duplicate key 'a'")
        #expect(syntaxError("{a: 1, 'a': 2}", .json5)?.message == "duplicate key 'a'")
    }

    @Test func singleQuotedStringsAndEscapes() throws {
        #expect(try parse5("'it\"s'") == "it\"s")
        #expect(try parse5("'it\\'s'") == "it's")
        #expect(try parse5("\"it\\'s\"") == "it's")
        #expect(try parse5("'\\x41\\x7e\\xE9'") == "A~é")
        #expect(try parse5("'\\v\\0'") == "\u{B}\u{0}")
        #expect(try parse5("'\\q\\é\\😀'") == "qé😀")
        #expect(try parse5("'line \\\none'") == "line one")
        #expect(try parse5("'line \\\r\none'") == "line one")
        #expect(try parse5("'line \\\rone'") == "line one")
        #expect(try parse5("'line \\\u{2028}one'") == "line one")
        #expect(try parse5("'raw\u{2028}separator'") == "raw\u{2028}separator")
        #expect(try parse5("'raw\ttab'") == "raw\ttab")

        #expect(syntaxError("'\\xG1'", .json5)?.message == "invalid \\x escape: expected 2 hex digits")
        #expect(syntaxError("'\\01'", .json5)?.message == "octal escapes are not allowed")
        #expect(syntaxError("'\\1'", .json5)?.message == "invalid escape sequence '\\1'")
        #expect(syntaxError("'a\nb'", .json5)?.message == "line break in string (write it as \\n)")
        #expect(syntaxError("'abc", .json5)?.message == "unterminated string")
        #expect(syntaxError("'\\ud800'", .json5)?.message.hasPrefix("unpaired surrogate") == true)
    }

    @Test func numbers() throws {
        #expect(try parse5("0x1F") == 31)
        #expect(try parse5("0XaB") == 171)
        #expect(try parse5("-0x10") == -16)
        #expect(try parse5("+0x10") == 16)
        #expect(try parse5("-0x8000000000000000") == .integer(.min))
        #expect(try parse5("0xFFFFFFFFFFFFFFFF") == .double(0x1p64))
        #expect(try parse5("+1") == 1)
        #expect(try parse5("+1.5") == 1.5)
        #expect(try parse5(".5") == 0.5)
        #expect(try parse5("+.5") == 0.5)
        #expect(try parse5("-.5") == -0.5)
        #expect(try parse5("5.") == .double(5))
        #expect(try parse5("5.e2") == .double(500))
        #expect(try parse5("Infinity") == .double(.infinity))
        #expect(try parse5("+Infinity") == .double(.infinity))
        #expect(try parse5("-Infinity") == .double(-.infinity))
        #expect(try parse5("NaN").doubleValue?.isNaN == true)
        #expect(try parse5("-NaN").doubleValue?.isNaN == true)

        #expect(syntaxError("0x", .json5)?.message == "expected a hex digit after '0x', found end of input")
        #expect(syntaxError(".", .json5)?.message == "expected a digit after the decimal point, found end of input")
        #expect(syntaxError(".e1", .json5)?.message == "expected a digit after the decimal point, found 'e'")
        #expect(syntaxError("+", .json5)?.message == "expected a digit after '+', found end of input")
        #expect(syntaxError("01", .json5)?.message == "leading zeros are not allowed")
        #expect(syntaxError("Infinit", .json5)?.message == "expected a value, found 'Infinit'")
        #expect(syntaxError("1e999", .json5)?.message == "number is too large")
    }

    @Test func extraWhitespace() throws {
        for space in ["\u{A0}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{B}", "\u{C}", "\u{3000}", "\u{2003}"] {
            #expect(try parse5("\(space)[\(space)1\(space),\(space)2\(space)]\(space)") == [1, 2], "\(space.unicodeScalars.first?.value ?? 0)")
        }
        #expect(syntaxError("\u{200B}1", .json5)?.message == "expected a value, found U+200B")
    }

    @Test func lineAndColumnWithComments() throws {
        let text = """
            {
              // the socket
              socket: 'run/beredskap.sock',
              cap: 1000 /* per facility */ x,
            }
            """
        let error = try #require(syntaxError(text, .json5))
        #expect((error.line, error.column) == (4, 32))
        #expect(error.message == "expected ',' or '}' after an object member, found 'x'")
    }
}

/// Checks our JSON5 parser against Foundation's (`JSONDecoder.allowsJSON5`): both must
/// accept and reject the same documents and agree on the values.
@Suite("JSON5 cross-check with Foundation")
struct JSON5FoundationCrossCheck {
    /// A test-only mirror of any JSON document, decodable by Foundation. Numbers are
    /// compared as doubles (Foundation does not tell integers from doubles), objects
    /// without order.
    enum Mirror: Decodable, Equatable {
        case null, bool(Bool), number(Double), string(String), array([Mirror]), object([String: Mirror])

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if let keyed = try? decoder.container(keyedBy: Key.self) {
                var members: [String: Mirror] = [:]
                for key in keyed.allKeys {
                    members[key.stringValue] = try keyed.decode(Mirror.self, forKey: key)
                }
                self = .object(members)
            } else if var unkeyed = try? decoder.unkeyedContainer() {
                var elements: [Mirror] = []
                while !unkeyed.isAtEnd {
                    elements.append(try unkeyed.decode(Mirror.self))
                }
                self = .array(elements)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() {
                    self = .null
                } else if let flag = try? single.decode(Bool.self) {
                    self = .bool(flag)
                } else if let number = try? single.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .string(try single.decode(String.self))
                }
            }
        }

        init(_ value: JSONValue) {
            switch value {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .integer(let integer): self = .number(Double(integer))
            case .double(let double): self = .number(double)
            case .string(let string): self = .string(string)
            case .array(let elements): self = .array(elements.map(Mirror.init))
            case .object(let object): self = .object(Dictionary(uniqueKeysWithValues: object.map { ($0.key, Mirror($0.value)) }))
            }
        }

        static func == (lhs: Mirror, rhs: Mirror) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case (.bool(let a), .bool(let b)): a == b
            case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
            case (.string(let a), .string(let b)): a == b
            case (.array(let a), .array(let b)): a == b
            case (.object(let a), .object(let b)): a == b
            default: false
            }
        }
    }

    static let agreed: [String] = [
        "{a:1,}", "[1,]", "[1 , 2 ,]", "{}", "[ ]", "'x'", "'\"'", "\"\\'\"", "\"\\x41\"",
        "\"\\u0041\"", "\"\u{2028}\"", "0x1F", "-0x10", "+1", ".5", "5.", "[.5e1]", "Infinity", "-Infinity",
        "+Infinity", "NaN", "\u{FEFF}1", "// c\n1", "/* c */ 1", "{$a_1:2}", "{'a':1}", "{null:1}",
        "123456789012345678901234567890", "true", "null", "-0", "[1e-3, -2.5E+2]", "\"Tøyen 😀\"",
        """
        // Beredskap configuration
        {
          socket: 'run/beredskap.sock',
          access: {
            roles: {
              operator: { groups: ['beredskap-ops', "vakt",], permissions: ['read', 'operate'] },
            },
          },
          cap: 0x3E8, /* 1000 */
          ratio: .75,
          levels: [ 'normal', 'elevated', ],
        }
        """,
        // Rejected by both.
        "'a\nb'", "\"\\01\"", "01", "[1,,2]", "1e400", "\"\\ud800\"", "0x", "1_000", "{a b:1}",
        "\"\\u{41}\"", "- 1", "[1,2,],", "{1:2}", "", "[", "{a:}", "'unterminated", "/* open", "tru",
    ]

    @Test(arguments: agreed)
    func agreesWithFoundation(_ document: String) throws {
        let ours = try? JSONParser.parse(document, options: .json5)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let theirs = try? decoder.decode(Mirror.self, from: Data(document.utf8))
        #expect((ours == nil) == (theirs == nil), "acceptance differs")
        if let ours, let theirs {
            #expect(Mirror(ours) == theirs)
        }
    }

    /// Where Foundation departs from the JSON5 spec we follow the spec (and the brief),
    /// or, for duplicate keys, reject what Foundation silently accepts.
    @Test func documentedDivergences() throws {
        let json5 = JSONParseOptions.json5
        // Spec whitespace Foundation rejects.
        #expect(try JSONParser.parse("\u{A0}1", options: json5) == 1)
        #expect(try JSONParser.parse("\u{2028}1", options: json5) == 1)
        // ECMAScript escapes and raw control characters Foundation rejects.
        #expect(try JSONParser.parse("'\\v\\0\\q'", options: json5) == "\u{B}\u{0}q")
        #expect(try JSONParser.parse("'a\tb'", options: json5) == "a\tb")
        // An escaped line break is a line continuation and adds nothing (ECMAScript
        // LineContinuation, the spec's own example); Foundation keeps the line feed.
        #expect(try JSONParser.parse("'multi \\\nline'", options: json5) == "multi line")
        // Foundation keeps the first of duplicate keys; we refuse the document.
        #expect(syntaxError("{a:1,a:2}", json5)?.message == "duplicate key 'a'")
    }
}
