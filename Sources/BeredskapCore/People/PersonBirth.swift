/// When a person was born, as far as anyone knows: many who arrive have no papers, and UDI
/// then records only a year, marked as estimated. Deadlines that depend on age (a school
/// offer for ages 6–16, a representative for a minor) need an age either way.
public enum PersonBirth: Sendable, Hashable {
    case date(CalendarDate)
    /// Only the year is known, and it is an estimate.
    case estimatedYear(Int)

    public var estimated: Bool {
        if case .estimatedYear = self { return true }
        return false
    }

    /// The day the age is counted from. For an estimated year, 1 July: the middle of the
    /// year keeps the error within half a year either way. (1 January, the registries' usual
    /// fill-in, would make everyone up to a year older and drop children out of the school
    /// and minor rules early; neither the seed nor DOMAIN.md gives a better convention.)
    var countedFrom: (year: Int, month: Int, day: Int) {
        switch self {
        case .date(let date): (date.year, date.month, date.day)
        case .estimatedYear(let year): (year, 7, 1)
        }
    }

    /// Age in whole years on `date`: the years whose birthday has come by then. Someone born
    /// on 29 February has their birthday on 1 March in other years (on 28 February they have
    /// not yet had it), the common reading of a birthday that the year lacks. Negative before birth.
    public func age(on date: CalendarDate) -> Int {
        let born = countedFrom
        let years = date.year - born.year
        return (date.month, date.day) < (born.month, born.day) ? years - 1 : years
    }

    /// The day the person turns `age`, by the same convention as `age(on:)`: someone born on
    /// 29 February turns `age` on 1 March when that year has no 29 February.
    public func birthday(turning age: Int) -> CalendarDate {
        let born = countedFrom
        let year = born.year + age
        return CalendarDate(year: year, month: born.month, day: born.day)
            ?? CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: 2, day: 28) + 1)
    }
}
