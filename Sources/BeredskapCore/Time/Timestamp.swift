/// An instant in UTC with millisecond precision — the one time type the system stores.
///
/// Why not `Foundation.Date`: the API speaks RFC 3339 UTC and the store keeps integer
/// milliseconds (sortable, exact, cheap to index). A plain `Int64` wrapper makes both
/// conversions exact and keeps floating point out of event ordering and deadlines.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public init(secondsSinceEpoch: Int64) {
        millisecondsSinceEpoch = secondsSinceEpoch * 1000
    }

    /// Earliest and latest instants we format: years 0000 through 9999.
    public static let minimum = Timestamp(millisecondsSinceEpoch: -62_167_219_200_000)
    public static let maximum = Timestamp(millisecondsSinceEpoch: 253_402_300_799_999)

    /// The UTC calendar date this instant falls on.
    public var utcDate: CalendarDate {
        CalendarDate(daysSinceEpoch: Self.floorDivide(millisecondsSinceEpoch, 86_400_000))
    }

    /// RFC 3339 in UTC, always with milliseconds: `2026-11-22T09:30:00.000Z`.
    /// One fixed width keeps the output sortable as text and trivially parseable.
    public var rfc3339: String {
        let clamped = min(max(millisecondsSinceEpoch, Self.minimum.millisecondsSinceEpoch),
                          Self.maximum.millisecondsSinceEpoch)
        let days = Self.floorDivide(clamped, 86_400_000)
        let msOfDay = Int(clamped - days * 86_400_000)
        let date = CalendarDate(daysSinceEpoch: days)
        // Written digit by digit into one fixed-width buffer: this runs for every event and
        // every reply the writer builds, and string interpolation cost ten times as much.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var rest = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(date.year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(date.month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(date.day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(msOfDay / 3_600_000, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(msOfDay / 60_000 % 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(msOfDay / 1000 % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(msOfDay % 1000, 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    public var description: String { rfc3339 }

    /// Parses RFC 3339 (`2026-11-22T09:30:00Z`, `2026-11-22T10:30:00.5+01:00`, `t`/space
    /// separators, lowercase `z`). Fractions beyond milliseconds are truncated; a leap second
    /// (`:60`) is read as the last millisecond of that minute, as POSIX time cannot hold it.
    public init?(rfc3339 text: String) {
        var scanner = DigitScanner(text)
        guard let year = scanner.digits(4), scanner.expect(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.expect(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            scanner.expect(oneOf: [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")]) != nil,
            let hour = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
            let minute = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
            let second = scanner.digits(2),
            let date = CalendarDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var millisecond = 0
        if scanner.expect(UInt8(ascii: ".")) {
            var digitCount = 0
            while let byte = scanner.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digitCount < 3 { millisecond = millisecond * 10 + Int(byte - UInt8(ascii: "0")) }
                digitCount += 1
                scanner.index += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<max(digitCount, 3) { millisecond *= 10 }
        }
        var offsetMinutes = 0
        if scanner.expect(oneOf: [UInt8(ascii: "Z"), UInt8(ascii: "z")]) == nil {
            guard let sign = scanner.expect(oneOf: [UInt8(ascii: "+"), UInt8(ascii: "-")]),
                let offsetHour = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
                let offsetMinute = scanner.digits(2), offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard scanner.isAtEnd else { return nil }
        let (clampedSecond, clampedMillisecond) = second == 60 ? (59, 999) : (second, millisecond)
        let seconds = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + clampedSecond)
            - Int64(offsetMinutes * 60)
        millisecondsSinceEpoch = seconds * 1000 + Int64(clampedMillisecond)
    }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch &+ milliseconds)
    }

    public func adding(seconds: Double) -> Timestamp {
        adding(milliseconds: Int64((seconds * 1000).rounded()))
    }

    /// Milliseconds from `other` to `self` (positive when `self` is later).
    public func milliseconds(since other: Timestamp) -> Int64 {
        millisecondsSinceEpoch &- other.millisecondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let timestamp = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 time such as 2026-11-22T09:30:00Z")
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
