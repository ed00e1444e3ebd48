import Foundation

/// Days in the configured time zone (Europe/Oslo by default), DST-correct.
///
/// Why: "arrivals per day" and "since 22 November" mean Oslo days, which are 23 or 25 hours
/// long twice a year; all stored instants stay UTC and only bucketing uses local days.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
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

    /// Local wall-clock time for people: `2026-11-22 10:30:05`.
    public func dateTimeText(_ instant: Timestamp) -> String {
        let local = instant.adding(milliseconds: Int64(offsetSeconds(at: instant)) * 1000)
        let secondsOfDay = Int(Timestamp.floorDivide(local.millisecondsSinceEpoch, 1000) - local.utcDate.daysSinceEpoch * 86_400)
        return "\(local.utcDate) \(zeroPadded(secondsOfDay / 3600, width: 2)):\(zeroPadded(secondsOfDay / 60 % 60, width: 2)):"
            + zeroPadded(secondsOfDay % 60, width: 2)
    }
}
