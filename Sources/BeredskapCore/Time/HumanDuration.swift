/// A duration as people type it on a command line: `90s`, `30m`, `2h`, `1h30m`, `1d`, `2w`,
/// or an ISO 8601 duration (`PT2H`, `P1D`) as the API uses.
///
/// Why beside ISO 8601: under pressure nobody remembers that two hours is `PT2H`, and a
/// refused `2h` costs a coordinator a minute of reading help. The result is an `ISODuration`,
/// so what is sent to the API is still ISO 8601 and the daemon sees one format.
public enum HumanDuration {
    /// Units in the order they must appear (largest first), each at most once.
    private static let units: [(letter: UInt8, milliseconds: Int64)] = [
        (UInt8(ascii: "w"), 7 * 86_400_000), (UInt8(ascii: "d"), 86_400_000), (UInt8(ascii: "h"), 3_600_000),
        (UInt8(ascii: "m"), 60_000), (UInt8(ascii: "s"), 1000),
    ]

    /// The examples help texts and error messages show, so they agree with what is accepted.
    public static let examples = "2h, 30m, 1h30m, 1d, 90s, PT30M"

    /// Parses `text` (case-insensitive). A human duration is one or more `<digits><unit>`
    /// groups with units `w d h m s` in that order, each at most once (`1h30m`, not `30m1h`);
    /// anything starting with `P` is ISO 8601. Returns nil for anything else, including an
    /// empty string, a bare number (minutes or seconds?) and spaces.
    public static func parse(_ text: String) -> ISODuration? {
        let upper = text.uppercased()
        if upper.hasPrefix("P") { return ISODuration(parsing: upper) }
        let bytes = Array(text.lowercased().utf8)
        var index = 0
        var nextUnit = 0
        var total: Int64 = 0
        while index < bytes.count {
            var value: Int64 = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                // Nine digits cannot overflow, even in weeks.
                guard digits < 9 else { return nil }
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            guard digits > 0, index < bytes.count,
                let unit = units[nextUnit...].firstIndex(where: { $0.letter == bytes[index] })
            else { return nil }
            total += value * units[unit].milliseconds
            nextUnit = unit + 1
            index += 1
        }
        guard nextUnit > 0 else { return nil }
        return ISODuration.milliseconds(total)
    }
}
