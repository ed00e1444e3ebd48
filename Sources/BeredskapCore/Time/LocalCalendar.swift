import Foundation

/// Days in the configured time zone (Europe/Oslo by default), DST-correct.
///
/// Why: "arrivals per day" and "since 22 November" mean Oslo days, which are 23 or 25 hours
/// long twice a year; all stored instants stay UTC and only bucketing uses local days.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    /// The zone's name as configured (`Europe/Oslo`, `UTC`; Foundation would say `GMT` for the latter).
    public let identifier: String
    /// The zone's own abbreviations from the tz database, when the system has it.
    private let abbreviations: ZoneAbbreviations?

    /// The zone the daemon uses unless configured otherwise, and the one a client assumes
    /// when it cannot ask the daemon.
    public static let defaultZoneIdentifier = "Europe/Oslo"

    /// Where the system keeps the tz database (Debian's `tzdata`).
    public static let zoneInfoDirectory = "/usr/share/zoneinfo"

    public init(timeZone: TimeZone, identifier: String? = nil, zoneInfoDirectory: String = LocalCalendar.zoneInfoDirectory) {
        self.timeZone = timeZone
        self.identifier = identifier ?? timeZone.identifier
        abbreviations = Self.loadAbbreviations(self.identifier, from: zoneInfoDirectory)
    }

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone, identifier: identifier)
    }

    private static func loadAbbreviations(_ identifier: String, from directory: String) -> ZoneAbbreviations? {
        // The identifier was accepted by TimeZone; still never leave the directory.
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.split(separator: "/").contains("..") else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: directory + "/" + identifier) else { return nil }
        return ZoneAbbreviations(tzif: Array(data))
    }

    /// Seconds east of UTC at `instant`.
    public func offsetSeconds(at instant: Timestamp) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000))
    }

    /// The local date an instant falls on.
    public func date(of instant: Timestamp) -> CalendarDate {
        instant.adding(milliseconds: Int64(offsetSeconds(at: instant)) * 1000).utcDate
    }

    /// The first instant of a local date (local midnight, or the first valid time after a gap).
    public func startOfDay(_ date: CalendarDate) -> Timestamp {
        let utcMidnight = Timestamp(secondsSinceEpoch: date.daysSinceEpoch * 86_400)
        // The offset depends on the instant we are computing; two passes settle it.
        let guess = utcMidnight.adding(milliseconds: -Int64(offsetSeconds(at: utcMidnight)) * 1000)
        let refined = utcMidnight.adding(milliseconds: -Int64(offsetSeconds(at: guess)) * 1000)
        return self.date(of: refined) == date ? refined : guess
    }

    /// Local wall-clock time for people, with the zone marked: `2026-11-22 10:30:05 CET`.
    ///
    /// One rendering for every surface (CLI tables, notification texts, log entries), so a
    /// due time reads the same in the terminal and in the group's message.
    public func dateTimeText(_ instant: Timestamp) -> String {
        let (date, secondsOfDay) = wallClock(instant)
        return "\(date) \(clockText(secondsOfDay)) \(zoneName(at: instant))"
    }

    /// The zone's abbreviation at `instant` ("CET", "CEST"); where the system has no tz
    /// database, Foundation's name ("GMT+1"), and failing that the offset ("UTC+01:00").
    public func zoneName(at instant: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000)
        let offset = timeZone.secondsFromGMT(for: date)
        if let name = abbreviations?.name(offsetSeconds: offset, isDaylight: timeZone.isDaylightSavingTime(for: date)) {
            return name
        }
        if let name = timeZone.abbreviation(for: date), !name.isEmpty { return name }
        let sign = offset < 0 ? "-" : "+"
        return "UTC\(sign)\(zeroPadded(abs(offset) / 3600, width: 2)):\(zeroPadded(abs(offset) / 60 % 60, width: 2))"
    }

    /// The local date and the seconds since local midnight of an instant.
    public func wallClock(_ instant: Timestamp) -> (date: CalendarDate, secondsOfDay: Int) {
        let local = instant.adding(milliseconds: Int64(offsetSeconds(at: instant)) * 1000)
        let date = local.utcDate
        return (date, Int(Timestamp.floorDivide(local.millisecondsSinceEpoch, 1000) - date.daysSinceEpoch * 86_400))
    }

    /// The instant a local wall-clock time names.
    ///
    /// A time that happens twice (the hour repeated when summer time ends) is its first
    /// occurrence; a time that never happens (the hour skipped when it begins) is moved
    /// forward by the gap, as a clock set by hand would be: 02:30 on that day is 03:30 CEST.
    public func instant(_ date: CalendarDate, secondsOfDay: Int) -> Timestamp {
        let wall = Timestamp(secondsSinceEpoch: date.daysSinceEpoch * 86_400 + Int64(secondsOfDay))
        let day: Int64 = 86_400_000
        let offsets = Set([-day, 0, day].map { offsetSeconds(at: wall.adding(milliseconds: $0)) })
        let candidates = offsets.map { wall.adding(milliseconds: -Int64($0) * 1000) }
        let matching = candidates.filter { wallClock($0) == (date, secondsOfDay) }
        if let first = matching.min() { return first }
        // In a gap: read the wall time with the offset from before it.
        return wall.adding(milliseconds: -Int64(offsetSeconds(at: wall.adding(milliseconds: -day))) * 1000)
    }

    /// Reads a time typed by a person or written in a spreadsheet:
    /// - RFC 3339 with its zone (`2026-11-22T09:30:00Z`, `…+01:00`), as it is;
    /// - a local date and time without a zone (`2026-11-22 10:30`, `2026-11-22T10:30:05`);
    /// - a bare date (`2026-11-22`): local midnight, the start of that day;
    /// - a bare time (`10:30`): that time today, local.
    /// `now` decides which day "today" is.
    public func parseInstant(_ text: String, now: Timestamp) -> Timestamp? {
        if let instant = Timestamp(rfc3339: text) { return instant }
        if let date = CalendarDate(parsing: text) { return startOfDay(date) }
        if let seconds = Self.clockSeconds(text) { return instant(self.date(of: now), secondsOfDay: seconds) }
        for separator in [" ", "T", "t"] {
            let parts = text.split(separator: Character(separator), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let date = CalendarDate(parsing: String(parts[0])),
                let seconds = Self.clockSeconds(String(parts[1]))
            else { continue }
            return instant(date, secondsOfDay: seconds)
        }
        return nil
    }

    /// `HH:MM` or `HH:MM:SS` as seconds since midnight.
    static func clockSeconds(_ text: String) -> Int? {
        var scanner = DigitScanner(text)
        guard let hour = scanner.digits(2), scanner.expect(UInt8(ascii: ":")), let minute = scanner.digits(2),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        if scanner.expect(UInt8(ascii: ":")) {
            guard let value = scanner.digits(2), value < 60 else { return nil }
            second = value
        }
        guard scanner.isAtEnd else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private func clockText(_ secondsOfDay: Int) -> String {
        "\(zeroPadded(secondsOfDay / 3600, width: 2)):\(zeroPadded(secondsOfDay / 60 % 60, width: 2)):"
            + zeroPadded(secondsOfDay % 60, width: 2)
    }
}
