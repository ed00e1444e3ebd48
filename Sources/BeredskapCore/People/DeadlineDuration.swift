/// How long after its start a deadline falls due.
///
/// Days and months are counted on the calendar in Oslo days; hours are real elapsed hours,
/// for the 48-hour arrival-centre stay, because a stay that spans a change to or from summer
/// time is still 48 hours long, not two wall-clock days.
public enum DeadlineDuration: Sendable, Hashable {
    case days(Int)
    /// Calendar months: the same day of the month `n` months on, or the month's last day when
    /// it has no such day (31 January + 1 month = 28 February, or 29 in a leap year), so a
    /// deadline never spills into the month after.
    case months(Int)
    case hours(Int)

    /// The last day of a deadline starting at `start`. An hours deadline counts from the
    /// start's instant, or from the start of its day when only the day is known (the strict
    /// reading: the stay cannot have begun earlier), and falls due on the Oslo day in which
    /// the hours run out.
    func dueDate(from start: MilestoneTime, calendar: LocalCalendar) -> CalendarDate {
        switch self {
        case .days(let days):
            return start.date.adding(days: days)
        case .months(let months):
            return Self.adding(months: months, to: start.date)
        case .hours(let hours):
            let from = start.instant ?? calendar.startOfDay(start.date)
            return calendar.date(of: from.adding(milliseconds: Int64(hours) * 3_600_000))
        }
    }

    static func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        let index = date.year * 12 + (date.month - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        let day = min(date.day, CivilCalendar.daysInMonth(year: year, month: month))
        return CalendarDate(year: year, month: month, day: day) ?? date
    }
}
