/// An ISO 8601 duration such as `PT48H`, `P14D` or `P3M`, as the API and configuration use.
///
/// Why keep the components instead of a number of seconds: legal deadlines are calendar
/// durations ("3 months" from 31 January is 30 April, not 90 days), so years and months must
/// survive until they are applied to a date in the configured time zone. Timeouts and
/// intervals need an exact length instead; `fixedMilliseconds` gives it when the duration has
/// no calendar part (days and weeks count as 24 h and 7 × 24 h there).
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    public var years: Int
    public var months: Int
    public var weeks: Int
    public var days: Int
    public var hours: Int
    public var minutes: Int
    /// Seconds including the fraction, in milliseconds.
    public var secondsMilliseconds: Int64

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0,
                hours: Int = 0, minutes: Int = 0, seconds: Int = 0, milliseconds: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        secondsMilliseconds = Int64(seconds) * 1000 + Int64(milliseconds)
    }

    /// A fixed-length duration from milliseconds, written in hours, minutes and seconds.
    public static func milliseconds(_ value: Int64) -> ISODuration {
        var duration = ISODuration()
        duration.hours = Int(value / 3_600_000)
        duration.minutes = Int(value / 60_000 % 60)
        duration.secondsMilliseconds = value % 60_000
        return duration
    }

    public static func seconds(_ value: Int) -> ISODuration { .milliseconds(Int64(value) * 1000) }

    /// True when the length depends on the calendar (years or months).
    public var hasCalendarComponents: Bool { years != 0 || months != 0 }

    /// The exact length, or nil when the duration has years or months.
    public var fixedMilliseconds: Int64? {
        guard !hasCalendarComponents else { return nil }
        let wholeMinutes = Int64(weeks) * 7 * 1440 + Int64(days) * 1440 + Int64(hours) * 60 + Int64(minutes)
        return wholeMinutes * 60_000 + secondsMilliseconds
    }

    /// Parses `PnYnMnWnDTnHnMnS` (any subset, in that order; seconds may carry a fraction
    /// with `.` or `,`). Negative durations and an empty `P`/`PT` are rejected.
    public init?(parsing text: String) {
        var scanner = DigitScanner(text)
        guard scanner.expect(UInt8(ascii: "P")) else { return nil }
        self.init()
        var inTimePart = false
        var sawComponent = false
        var sawTimeComponent = false
        // Designators must appear in this order; `rank` enforces it.
        var lastRank = -1
        while !scanner.isAtEnd {
            if scanner.expect(UInt8(ascii: "T")) {
                guard !inTimePart else { return nil }
                inTimePart = true
                continue
            }
            guard let (whole, fractionMilliseconds) = Self.number(&scanner),
                let designator = scanner.current
            else { return nil }
            scanner.index += 1
            let rank: Int
            switch (inTimePart, designator) {
            case (false, UInt8(ascii: "Y")): rank = 0; years = whole
            case (false, UInt8(ascii: "M")): rank = 1; months = whole
            case (false, UInt8(ascii: "W")): rank = 2; weeks = whole
            case (false, UInt8(ascii: "D")): rank = 3; days = whole
            case (true, UInt8(ascii: "H")): rank = 4; hours = whole
            case (true, UInt8(ascii: "M")): rank = 5; minutes = whole
            case (true, UInt8(ascii: "S")):
                rank = 6
                secondsMilliseconds = Int64(whole) * 1000 + Int64(fractionMilliseconds ?? 0)
            default: return nil
            }
            // Only seconds may carry a fraction.
            guard rank > lastRank, fractionMilliseconds == nil || rank == 6 else { return nil }
            lastRank = rank
            sawComponent = true
            if inTimePart { sawTimeComponent = true }
        }
        guard sawComponent, !inTimePart || sawTimeComponent else { return nil }
    }

    /// Canonical text: zero components omitted, `PT0S` for zero.
    public var description: String {
        var text = "P"
        for (value, designator) in [(years, "Y"), (months, "M"), (weeks, "W"), (days, "D")] where value != 0 {
            text += "\(value)\(designator)"
        }
        var time = ""
        if hours != 0 { time += "\(hours)H" }
        if minutes != 0 { time += "\(minutes)M" }
        if secondsMilliseconds != 0 {
            let whole = secondsMilliseconds / 1000
            let fraction = secondsMilliseconds % 1000
            time += fraction == 0 ? "\(whole)S" : "\(whole).\(Self.trimmedFraction(fraction))S"
        }
        if !time.isEmpty { text += "T" + time }
        return text == "P" ? "PT0S" : text
    }

    /// Reads digits (at most 9, so no overflow) and an optional fraction in milliseconds.
    private static func number(_ scanner: inout DigitScanner) -> (Int, Int?)? {
        var whole = 0
        var digitCount = 0
        while let byte = scanner.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            guard digitCount < 9 else { return nil }
            whole = whole * 10 + Int(byte - UInt8(ascii: "0"))
            digitCount += 1
            scanner.index += 1
        }
        guard digitCount > 0 else { return nil }
        guard scanner.expect(oneOf: [UInt8(ascii: "."), UInt8(ascii: ",")]) != nil else { return (whole, nil) }
        var fraction = 0
        var fractionDigits = 0
        while let byte = scanner.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            if fractionDigits < 3 { fraction = fraction * 10 + Int(byte - UInt8(ascii: "0")) }
            fractionDigits += 1
            scanner.index += 1
        }
        guard fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<max(fractionDigits, 3) { fraction *= 10 }
        return (whole, fraction)
    }

    private static func trimmedFraction(_ milliseconds: Int64) -> String {
        var digits = zeroPadded(Int(milliseconds), width: 3)
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }
}

extension ISODuration: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = ISODuration(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 duration such as PT10S, PT48H or P14D")
        }
        self = duration
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An ISO 8601 duration that must have an exact length (timeouts, intervals, retention).
/// Decoding refuses years and months with a message that says why.
public struct FixedDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public static func seconds(_ value: Int64) -> FixedDuration { FixedDuration(milliseconds: value * 1000) }

    public var seconds: Double { Double(milliseconds) / 1000 }
    public var description: String { ISODuration.milliseconds(milliseconds).description }

    public static func < (lhs: FixedDuration, rhs: FixedDuration) -> Bool { lhs.milliseconds < rhs.milliseconds }
}

extension FixedDuration: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = ISODuration(parsing: text), let exact = duration.fixedMilliseconds else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a fixed ISO 8601 duration such as PT10S or PT15M (no years or months)")
        }
        milliseconds = exact
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
