/// Turns UTF-8 bytes into a `JSONValue`, strictly (RFC 8259) or as JSON5.
///
/// Why our own parser: Foundation's accepts duplicate keys silently (the first wins), and
/// its JSON5 errors carry no line or column. This one rejects duplicates in both dialects,
/// reports every error with its position, and works on the raw bytes without an
/// intermediate `Data` or `String`.
///
/// Choices beyond the RFC's text:
/// - A UTF-8 byte-order mark at the very start is skipped in both modes (RFC 8259 §8.1
///   lets parsers ignore it; Windows editors add it). Elsewhere it is an error in strict
///   mode and whitespace in JSON5.
/// - `-0` is the integer 0 (the sign of zero is not kept for integers).
/// - JSON5 strings may hold raw control characters other than line breaks, as the JSON5
///   spec allows (Foundation rejects them); strict strings may not.
/// - JSON5 unquoted keys are limited to ASCII letters, digits, `_` and `$` (no Unicode
///   identifiers, no `\u` escapes in keys); quote anything else.
/// - An escaped line break in a JSON5 string is a line continuation and adds nothing, as in
///   ECMAScript (Foundation keeps the line feed).
public enum JSONParser {
    public static func parse(_ bytes: [UInt8], options: JSONParseOptions = .strict) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            parse(buffer: buffer, options: options)
        }.get()
    }

    public static func parse(_ text: String, options: JSONParseOptions = .strict) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in
            parse(buffer: buffer, options: options)
        }.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, options: JSONParseOptions) -> Result<JSONValue, JSONSyntaxError> {
        Result { () throws(JSONSyntaxError) -> JSONValue in
            var parser = Parser(input: buffer, options: options)
            return try parser.parseDocument()
        }
    }
}

/// The recursive-descent parser. Split across files by grammar area: this file holds
/// values and containers; strings, numbers and whitespace live in their own extensions.
struct Parser {
    let input: UnsafeBufferPointer<UInt8>
    let json5: Bool
    let maxDepth: Int
    var position = 0
    var depth = 0
    /// Reused buffer for strings that contain escapes, so each one does not allocate anew.
    var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>, options: JSONParseOptions) {
        self.input = input
        self.json5 = options.json5
        self.maxDepth = options.maxDepth
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if UTF8Validation.startsWithByteOrderMark(input) {
            position = 3
        }
        try skipWhitespace()
        let value = try parseValue()
        try skipWhitespace()
        guard position == input.count else {
            throw error("expected the end of the document after the value, found \(describe(at: position))")
        }
        return value
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < input.count else {
            throw error("expected a value, found end of input")
        }
        switch input[position] {
        case .openBrace:
            return try parseObject()
        case .openBracket:
            return try parseArray()
        case .quote:
            return .string(try parseString())
        case .apostrophe where json5:
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case .minus, .digitZero ... .digitNine:
            return try parseNumber()
        case .plus, .period, UInt8(ascii: "I"), UInt8(ascii: "N"):
            guard json5 else {
                throw error("expected a value, found \(describeWord(at: position))")
            }
            return try parseNumber()
        default:
            throw error("expected a value, found \(describeWord(at: position))")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        try skipWhitespace()
        if try closes(with: .closeBracket, afterComma: nil) {
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            try skipWhitespace()
            if try closes(with: .closeBracket, expecting: "expected ',' or ']' after an array element") {
                return .array(elements)
            }
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var members = OrderedMembers<JSONValue>()
        try skipWhitespace()
        if try closes(with: .closeBrace, afterComma: nil) {
            return .object(JSONObject(members: members))
        }
        while true {
            let keyStart = position
            let key = try parseKey()
            try skipWhitespace()
            guard position < input.count, input[position] == .colon else {
                throw error("expected ':' after an object key, found \(describe(at: position))")
            }
            position += 1
            try skipWhitespace()
            let value = try parseValue()
            guard members.insertNew(value, forKey: key) else {
                throw error("duplicate key '\(key)'", at: keyStart)
            }
            try skipWhitespace()
            if try closes(with: .closeBrace, expecting: "expected ',' or '}' after an object member") {
                return .object(JSONObject(members: members))
            }
        }
    }

    private mutating func parseKey() throws(JSONSyntaxError) -> String {
        guard position < input.count else {
            throw error("expected an object key, found end of input")
        }
        let byte = input[position]
        if byte == .quote || (json5 && byte == .apostrophe) {
            return try parseString()
        }
        if json5 && Self.isIdentifierStart(byte) {
            return parseIdentifier()
        }
        let expectation = json5 ? "an object key" : "a string key in double quotes"
        throw error("expected \(expectation), found \(describe(at: position))")
    }

    /// After an element: consumes `,` (returning false, more to come) or the closing
    /// bracket (returning true). A comma directly before the closing bracket is accepted
    /// only in JSON5.
    private mutating func closes(with closer: UInt8, expecting expectation: String) throws(JSONSyntaxError) -> Bool {
        guard position < input.count else {
            throw error("\(expectation), found end of input")
        }
        switch input[position] {
        case closer:
            position += 1
            depth -= 1
            return true
        case .comma:
            let comma = position
            position += 1
            try skipWhitespace()
            return try closes(with: closer, afterComma: comma)
        default:
            throw error("\(expectation), found \(describe(at: position))")
        }
    }

    /// At the start of a container or after a comma: consumes the closing bracket if it is
    /// next (an empty container, or a trailing comma).
    private mutating func closes(with closer: UInt8, afterComma comma: Int?) throws(JSONSyntaxError) -> Bool {
        guard position < input.count, input[position] == closer else {
            return false
        }
        if let comma, !json5 {
            throw error("trailing comma is not allowed", at: comma)
        }
        position += 1
        depth -= 1
        return true
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth {
            throw error("nesting deeper than \(maxDepth) \(maxDepth == 1 ? "level" : "levels")")
        }
        position += 1
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// A JSON5 unquoted key: ASCII letters, digits, `_` and `$`, not starting with a digit.
    private mutating func parseIdentifier() -> String {
        let start = position
        while position < input.count {
            let byte = input[position]
            guard Self.isIdentifierStart(byte) || byte.isDigit else {
                break
            }
            position += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
    }

    /// Consumes `word` (an ASCII literal such as `true`) or throws.
    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let matched = word.withUTF8Buffer { bytes in
            guard position + bytes.count <= input.count else {
                return false
            }
            for (offset, byte) in bytes.enumerated() where input[position + offset] != byte {
                return false
            }
            return true
        }
        guard matched else {
            throw error("expected a value, found \(describeWord(at: position))")
        }
        position += word.utf8CodeUnitCount
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset ?? position, in: input)
    }

    /// Names the character at `offset` for an error message: `'x'`, `U+00A0`, or the
    /// end of input / invalid UTF-8.
    func describe(at offset: Int) -> String {
        guard offset < input.count else {
            return "end of input"
        }
        let byte = input[offset]
        if byte == .apostrophe {
            return "\"'\""
        }
        if byte > .space && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        if byte < 0x80 {
            return Self.scalarName(UInt32(byte))
        }
        guard let length = UTF8Validation.sequenceLength(in: input, at: offset) else {
            return "invalid UTF-8"
        }
        return Self.scalarName(UTF8Validation.scalar(in: input, at: offset, length: length))
    }

    /// Names the run of letters at `offset` ("'tru'"), for a misspelled literal.
    func describeWord(at offset: Int) -> String {
        var end = offset
        while end < input.count, end - offset < 24, input[end].isASCIILetter {
            end += 1
        }
        guard end > offset else {
            return describe(at: offset)
        }
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: input[offset..<end]), as: UTF8.self) + "'"
    }

    /// "U+000A"
    static func scalarName(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
