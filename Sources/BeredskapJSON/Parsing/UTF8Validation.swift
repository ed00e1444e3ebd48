/// UTF-8 well-formedness checks on raw bytes.
///
/// Why our own: the parser must reject invalid UTF-8 at the exact byte (for the error
/// position) while it scans, instead of letting `String(decoding:)` silently substitute
/// U+FFFD. Rules follow Unicode table 3-7: no overlong forms, no encoded surrogates,
/// nothing above U+10FFFF.
enum UTF8Validation {
    /// The length of the well-formed multi-byte sequence starting at `position`, or nil.
    /// `input[position]` must be ≥ 0x80.
    static func sequenceLength(in input: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        let lead = input[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard position + length <= input.count, secondRange.contains(input[position + 1]) else {
            return nil
        }
        for offset in 2..<length where !UTF8.isContinuation(input[position + offset]) {
            return nil
        }
        return length
    }

    /// The scalar encoded by the well-formed sequence at `position` of `length` bytes.
    static func scalar(in input: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> UInt32 {
        var value = UInt32(input[position]) & (0x7F >> UInt32(length))
        for offset in 1..<length {
            value = value << 6 | UInt32(input[position + offset] & 0x3F)
        }
        return value
    }

    static func startsWithByteOrderMark(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
    }

    /// Appends the UTF-8 encoding of a valid scalar.
    static func append(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
