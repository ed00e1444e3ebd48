import Testing
@testable import BeredskapCore

/// The instant `minutes` into a UTC hour (hours since the epoch).
func instant(hour: Int64, minutes: Int64 = 0) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: hour * HourlyCounts.millisecondsPerHour + minutes * 60_000)
}

/// Days since 1970-01-01 of a date written as numbers.
func epochDay(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
}

/// Surge figures with only what the level machine reads.
func surgeFigures(_ arrivals24h: Int, baseline: Double = 0) -> SurgeFigures {
    SurgeFigures(arrivals24h: arrivals24h, arrivals7d: arrivals24h, baselinePerDay: baseline)
}

/// A facility with the figures a test cares about; the rest fixed.
func facility(
    _ kind: FacilityKind = .transit, _ status: FacilityStatus = .open, capacity: Int, occupied: Int = 0,
    blocked: Int = 0, expansion: Int? = nil, district: String? = nil, lastReportAt: Timestamp? = nil
) -> Facility {
    let created = Timestamp(millisecondsSinceEpoch: 0)
    return Facility(
        id: "refstad", name: "Refstad", kind: kind, status: status, operatorName: "Hero", district: district,
        authority: .udi, capacity: capacity, expansionCapacity: expansion, blocked: blocked, occupied: occupied,
        lastReportAt: lastReportAt, createdAt: created, updatedAt: created)
}

/// A date the test writes as text (`2026-03-29`).
func date(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(parsing: text))
}
