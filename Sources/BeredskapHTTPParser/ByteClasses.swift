// Byte classes from RFC 9110 §5.6 and RFC 9112, as plain UInt8 checks.
// The parsers work on raw bytes rather than Characters: HTTP's grammar is defined on octets,
// and grapheme clustering would both slow the hot path and merge CR LF into one Character.

/// Named octets used by the HTTP grammar.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let questionMark: UInt8 = 0x3F
    static let hash: UInt8 = 0x23
    static let delete: UInt8 = 0x7F
    static let crlf: [UInt8] = [cr, lf]
}

extension UInt8 {
    /// `tchar` (RFC 9110 §5.6.2): the characters allowed in methods, field names and tokens.
    var isTokenChar: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// SP or HTAB: the only whitespace HTTP allows around field values (OWS/BWS).
    var isHorizontalSpace: Bool { self == ASCII.space || self == ASCII.tab }

    /// A control character other than HTAB: never valid inside a field value or target.
    var isForbiddenControl: Bool { (self < 0x20 && self != ASCII.tab) || self == ASCII.delete }

    /// Visible US-ASCII (VCHAR): what a request target may consist of on the wire.
    var isVisibleASCII: Bool { self >= 0x21 && self <= 0x7E }

    var isDecimalDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// The value of a hexadecimal digit, or nil for any other byte.
    var hexDigitValue: Int? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(self &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(self &- UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(self &- UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// ASCII-only lowercasing: HTTP names are case-insensitive in ASCII only, and
    /// Unicode case folding would let distinct byte strings compare equal.
    var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }
}

extension Collection where Element == UInt8 {
    var isToken: Bool { !isEmpty && allSatisfy(\.isTokenChar) }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bytes with leading and trailing SP/HT removed (OWS trimming).
    func trimmingHorizontalSpace() -> SubSequence {
        let tail = drop(while: \.isHorizontalSpace)
        guard let last = tail.lastIndex(where: { !$0.isHorizontalSpace }) else {
            return tail[tail.startIndex..<tail.startIndex]
        }
        return tail[tail.startIndex...last]
    }
}

extension String {
    /// Equality ignoring ASCII case, without allocating lowercased copies.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }
}
