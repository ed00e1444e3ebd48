import BeredskapJSON

/// Day or ISO-week buckets of local dates, for arrival and occupancy series.
///
/// Why local dates: "arrivals on 27 March" means the Oslo day, which is 23 hours long when
/// summer time starts. Each bucket knows its exact UTC start and end from the calendar, so
/// a record belongs to the bucket whose local day contains it, DST included.
public enum BucketSize: String, JSONStringEnum {
    case day, week
}

public struct DateBucket: Sendable, Equatable {
    public var size: BucketSize
    /// The first local date in the bucket (a Monday for weeks).
    public var first: CalendarDate
    /// The day after the last date in the bucket.
    public var end: CalendarDate
    public var startInstant: Timestamp
    public var endInstant: Timestamp

    /// `2026-11-22` for a day, `2026-W47` for a week.
    public var label: String {
        size == .week ? first.isoWeekLabel : first.description
    }
}

extension LocalCalendar {
    /// The buckets covering `first...last` (weeks start on the Monday on or before `first`).
    public func buckets(from first: CalendarDate, through last: CalendarDate, size: BucketSize) -> [DateBucket] {
        var start = size == .week ? first.adding(days: 1 - first.isoWeekday) : first
        let step = size == .week ? 7 : 1
        var buckets: [DateBucket] = []
        while start <= last {
            let end = start.adding(days: step)
            buckets.append(DateBucket(size: size, first: start, end: end, startInstant: startOfDay(start), endInstant: startOfDay(end)))
            start = end
        }
        return buckets
    }
}

extension CalendarDate {
    /// ISO 8601 week-numbering year and week: the week belongs to the year of its Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - isoWeekday)
        let firstOfYear = CalendarDate(daysSinceEpoch: thursday.daysSinceEpoch - Int64(thursday.dayOfYear - 1))
        return (thursday.year, Int((thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7) + 1)
    }

    /// `2026-W47`.
    public var isoWeekLabel: String {
        let week = isoWeek
        return "\(zeroPadded(week.year, width: 4))-W\(zeroPadded(week.week, width: 2))"
    }

    /// 1 for 1 January.
    public var dayOfYear: Int {
        Int(daysSinceEpoch - CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1)) + 1
    }
}
