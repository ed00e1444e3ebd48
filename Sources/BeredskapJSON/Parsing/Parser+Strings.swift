// String literals: RFC 8259 strings, plus JSON5's single quotes and extra escapes.

extension Parser {
    /// Parses a string starting at its opening quote (`"`, or `'` in JSON5).
    ///
    /// Runs without escapes are validated in place and become a `String` in one step;
    /// only strings with escapes are assembled in `scratch`.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = input[position]
        let start = position
        position += 1
        var runStart = position
        var escaped = false
        while true {
            guard position < input.count else {
                throw error("unterminated string", at: start)
            }
            let byte = input[position]
            if byte >= .space && byte < 0x80 && byte != quote && byte != .backslash {
                position += 1
            } else if byte == quote {
                let run = UnsafeBufferPointer(rebasing: input[runStart..<position])
                position += 1
                guard escaped else {
                    return String(decoding: run, as: UTF8.self)
                }
                scratch.append(contentsOf: run)
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == .backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<position]))
                try parseEscape(stringStart: start)
                runStart = position
            } else if byte >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(in: input, at: position) else {
                    throw error("invalid UTF-8 in string")
                }
                position += length
            } else if byte == .lineFeed || byte == .carriageReturn {
                throw error("line break in string (write it as \\n)")
            } else if json5 {
                // JSON5 follows ECMAScript: other control characters may appear raw.
                position += 1
            } else {
                throw error("control character \(Self.scalarName(UInt32(byte))) must be escaped in a string")
            }
        }
    }

    /// Parses the escape at `position` (a backslash) and appends its bytes to `scratch`.
    private mutating func parseEscape(stringStart: Int) throws(JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard position < input.count else {
            throw error("unterminated string", at: stringStart)
        }
        let byte = input[position]
        position += 1
        switch byte {
        case .quote, .backslash, .slash:
            scratch.append(byte)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
        case UInt8(ascii: "n"):
            scratch.append(.lineFeed)
        case UInt8(ascii: "r"):
            scratch.append(.carriageReturn)
        case UInt8(ascii: "t"):
            scratch.append(.tab)
        case UInt8(ascii: "u"):
            UTF8Validation.append(try parseUnicodeEscape(escapeStart: escapeStart), to: &scratch)
        default:
            guard json5 else {
                throw error("invalid escape sequence \(describeEscape(at: escapeStart))", at: escapeStart)
            }
            position -= 1
            try parseJSON5Escape(escapeStart: escapeStart)
        }
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; `position` is after the `u`.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        let first = try parseHexDigits(4, escapeStart: escapeStart)
        switch first {
        case 0xD800...0xDBFF:
            let unpaired = error("unpaired surrogate \\u\(Self.hex4(first)) (a high surrogate must be followed by a low one)", at: escapeStart)
            guard position + 1 < input.count, input[position] == .backslash, input[position + 1] == UInt8(ascii: "u") else {
                throw unpaired
            }
            let secondStart = position
            position += 2
            let second = try parseHexDigits(4, escapeStart: secondStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw unpaired
            }
            return 0x10000 + (first - 0xD800) << 10 + (second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw error("unpaired surrogate \\u\(Self.hex4(first)) (a low surrogate must follow a high one)", at: escapeStart)
        default:
            return first
        }
    }

    private mutating func parseHexDigits(_ count: Int, escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard position < input.count, let digit = input[position].hexDigitValue else {
                let kind = count == 4 ? "\\u" : "\\x"
                throw error("invalid \(kind) escape: expected \(count) hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// JSON5's additions: `\'`, `\v`, `\0`, `\xHH`, escaped line breaks (a line
    /// continuation), and any other character standing for itself. `position` is at the
    /// character after the backslash.
    private mutating func parseJSON5Escape(escapeStart: Int) throws(JSONSyntaxError) {
        let byte = input[position]
        position += 1
        switch byte {
        case UInt8(ascii: "v"):
            scratch.append(0x0B)
        case .digitZero:
            guard position >= input.count || !input[position].isDigit else {
                throw error("octal escapes are not allowed", at: escapeStart)
            }
            scratch.append(0)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw error("invalid escape sequence \(describeEscape(at: escapeStart))", at: escapeStart)
        case UInt8(ascii: "x"):
            UTF8Validation.append(try parseHexDigits(2, escapeStart: escapeStart), to: &scratch)
        case .lineFeed:
            break
        case .carriageReturn:
            if position < input.count && input[position] == .lineFeed {
                position += 1
            }
        case 0x80...:
            position -= 1
            guard let length = UTF8Validation.sequenceLength(in: input, at: position) else {
                throw error("invalid UTF-8 in string")
            }
            let scalar = UTF8Validation.scalar(in: input, at: position, length: length)
            if scalar != 0x2028 && scalar != 0x2029 {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[position..<position + length]))
            }
            position += length
        default:
            scratch.append(byte)
        }
    }

    private func describeEscape(at escapeStart: Int) -> String {
        let next = escapeStart + 1
        guard next < input.count, input[next] > .space, input[next] < 0x7F else {
            return "'\\' followed by \(describe(at: next))"
        }
        return "'\\\(Character(Unicode.Scalar(input[next])))'"
    }

    /// "D800"
    static func hex4(_ value: UInt32) -> String {
        String(scalarName(value).dropFirst(2))
    }
}
