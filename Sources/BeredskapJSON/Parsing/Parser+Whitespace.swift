// Whitespace between tokens, and JSON5's comments and extra space characters.

extension Parser {
    /// Skips whitespace (and, in JSON5, comments). Throws only for an unterminated
    /// block comment or a stray `/`.
    mutating func skipWhitespace() throws(JSONSyntaxError) {
        while position < input.count {
            let byte = input[position]
            if byte == .space || byte == .lineFeed || byte == .carriageReturn || byte == .tab {
                position += 1
                continue
            }
            guard json5 else {
                return
            }
            if byte == 0x0B || byte == 0x0C {
                position += 1
            } else if byte == .slash {
                try skipComment()
            } else if byte >= 0x80, let length = json5SpaceLength(at: position) {
                position += length
            } else {
                return
            }
        }
    }

    /// `// …` to the end of the line, or `/* … */`.
    private mutating func skipComment() throws(JSONSyntaxError) {
        let start = position
        let next = position + 1 < input.count ? input[position + 1] : 0
        if next == .slash {
            position += 2
            while position < input.count && !isLineTerminator(at: position) {
                position += 1
            }
        } else if next == .asterisk {
            position += 2
            while position + 1 < input.count {
                if input[position] == .asterisk && input[position + 1] == .slash {
                    position += 2
                    return
                }
                position += 1
            }
            throw error("unterminated comment", at: start)
        } else {
            throw error("expected a comment after '/' (// or /*)")
        }
    }

    private func isLineTerminator(at offset: Int) -> Bool {
        let byte = input[offset]
        if byte == .lineFeed || byte == .carriageReturn {
            return true
        }
        // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR
        return byte == 0xE2 && offset + 2 < input.count && input[offset + 1] == 0x80
            && (input[offset + 2] == 0xA8 || input[offset + 2] == 0xA9)
    }

    /// The byte length of a non-ASCII JSON5 whitespace character at `offset`, or nil.
    /// JSON5 counts U+00A0, U+FEFF, U+2028, U+2029 and every other Unicode space
    /// separator (category Zs) as whitespace.
    private func json5SpaceLength(at offset: Int) -> Int? {
        guard let length = UTF8Validation.sequenceLength(in: input, at: offset) else {
            return nil
        }
        switch UTF8Validation.scalar(in: input, at: offset, length: length) {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return length
        default:
            return nil
        }
    }
}
