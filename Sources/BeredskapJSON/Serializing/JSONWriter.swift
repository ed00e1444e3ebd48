/// Appends JSON text for values to a byte buffer.
///
/// Why bytes and not `String`: the output goes straight to a socket or the event log, and
/// building it as `[UInt8]` avoids a transcoding pass and repeated small-string appends.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var indentation = 0

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(128)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null:
            append("null")
        case .bool(let flag):
            append(flag ? "true" : "false")
        case .integer(let integer):
            writeInteger(integer)
        case .double(let double):
            writeDouble(double)
        case .string(let string):
            writeString(string)
        case .array(let elements):
            writeContainer(open: .openBracket, close: .closeBracket, count: elements.count) { writer, position in
                writer.write(elements[position])
            }
        case .object(let object):
            let keys = object.members.keys
            let values = object.members.values
            writeContainer(open: .openBrace, close: .closeBrace, count: keys.count) { writer, position in
                writer.writeString(keys[position])
                writer.bytes.append(.colon)
                if writer.pretty {
                    writer.bytes.append(.space)
                }
                writer.write(values[position])
            }
        }
    }

    private mutating func writeContainer(
        open: UInt8, close: UInt8, count: Int, element: (inout JSONWriter, Int) -> Void
    ) {
        bytes.append(open)
        guard count > 0 else {
            bytes.append(close)
            return
        }
        indentation += 1
        for position in 0..<count {
            if position > 0 {
                bytes.append(.comma)
            }
            newline()
            element(&self, position)
        }
        indentation -= 1
        newline()
        bytes.append(close)
    }

    private mutating func newline() {
        guard pretty else {
            return
        }
        bytes.append(.lineFeed)
        bytes.append(contentsOf: repeatElement(.space, count: 2 * indentation))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func writeInteger(_ integer: Int64) {
        if integer < 0 {
            bytes.append(.minus)
        }
        var magnitude = integer.magnitude
        let start = bytes.count
        repeat {
            bytes.append(.digitZero + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Swift's `description` is the shortest text that reads back as the same `Double`
    /// ("0.1", "1e+20"), and keeps ".0" on integral values so they stay doubles.
    private mutating func writeDouble(_ double: Double) {
        guard double.isFinite else {
            append("null")
            return
        }
        bytes.append(contentsOf: double.description.utf8)
    }

    /// Escapes `"`, `\` and control characters as RFC 8259 requires, and U+2028/U+2029
    /// because JavaScript before ES2019 treats them as line breaks inside string literals.
    /// Everything else is copied as raw UTF-8.
    mutating func writeString(_ string: String) {
        bytes.append(.quote)
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            var position = 0
            while position < utf8.count {
                let byte = utf8[position]
                if byte >= .space && byte != .quote && byte != .backslash && byte != 0xE2 {
                    position += 1
                    continue
                }
                let scalar: UInt32
                let length: Int
                if byte == 0xE2 {
                    guard position + 2 < utf8.count, utf8[position + 1] == 0x80,
                        utf8[position + 2] == 0xA8 || utf8[position + 2] == 0xA9
                    else {
                        position += 1
                        continue
                    }
                    (scalar, length) = (utf8[position + 2] == 0xA8 ? 0x2028 : 0x2029, 3)
                } else {
                    (scalar, length) = (UInt32(byte), 1)
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                appendEscape(for: scalar)
                position += length
                runStart = position
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(.quote)
    }

    private mutating func appendEscape(for scalar: UInt32) {
        switch scalar {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            append("\\u")
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8(scalar >> UInt32(shift) & 0xF)
                bytes.append(digit < 10 ? .digitZero + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
    }
}
