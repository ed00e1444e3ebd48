import Testing
@testable import BeredskapCore

private func oslo() throws -> LocalCalendar {
    try #require(LocalCalendar(identifier: "Europe/Oslo"))
}

private func buckets(_ first: String, _ last: String, _ size: BucketSize) throws -> [DateBucket] {
    try oslo().buckets(from: date(first), through: date(last), size: size)
}

private func hours(_ bucket: DateBucket) -> Double {
    Double(bucket.endInstant.milliseconds(since: bucket.startInstant)) / 3_600_000
}

@Suite struct DateBucketsTests {
    @Test("An Oslo day is 23 hours long when summer time starts and 25 when it ends",
          arguments: [("2026-03-28", [24.0, 23, 24]), ("2026-10-24", [24, 25, 24]), ("2026-11-21", [24, 24, 24])])
    func dayLengths(first: String, lengths: [Double]) throws {
        let days = try buckets(first, date(first).adding(days: 2).description, .day)
        #expect(days.map(hours) == lengths)
    }

    @Test("The DST days start and end at local midnight",
          arguments: [
            ("2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"),
            ("2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"),
          ])
    func dstDayInstants(day: String, start: String, end: String) throws {
        let bucket = try #require(try buckets(day, day, .day).first)
        #expect(bucket.startInstant.rfc3339 == start)
        #expect(bucket.endInstant.rfc3339 == end)
        #expect(bucket.label == day)
    }

    @Test("Day buckets cover the range without gaps, one per date, labelled with the date")
    func dayBucketsAreContiguous() throws {
        let october = try buckets("2026-10-01", "2026-10-31", .day)
        #expect(october.count == 31)
        #expect(zip(october, october.dropFirst()).allSatisfy { $0.endInstant == $1.startInstant && $0.end == $1.first })
        #expect(october.allSatisfy { $0.end == $0.first.adding(days: 1) && $0.label == $0.first.description })
        let total: Double = october.map(hours).reduce(0, +)
        #expect(total == 745)  // 31 days and the hour of 25 October
    }

    @Test("Week buckets start on the Monday on or before the first date and are labelled with the ISO week")
    func weekBuckets() throws {
        let weeks = try buckets("2026-11-18", "2026-11-30", .week)
        #expect(weeks.map(\.first.description) == ["2026-11-16", "2026-11-23", "2026-11-30"])
        #expect(weeks.map(\.label) == ["2026-W47", "2026-W48", "2026-W49"])
        #expect(weeks.allSatisfy { $0.first.isoWeekday == 1 && $0.end == $0.first.adding(days: 7) && $0.size == .week })
    }

    @Test("A week holding a DST change is an hour shorter or longer",
          arguments: [("2026-03-25", 167.0), ("2026-10-21", 169), ("2026-11-18", 168)])
    func weekLengths(day: String, length: Double) throws {
        #expect(try buckets(day, day, .week).map(hours) == [length])
    }

    @Test("Week labels follow the ISO year across the new year",
          arguments: [
            ("2026-12-28", "2027-01-04", ["2026-W53", "2027-W01"]),
            ("2020-12-31", "2021-01-10", ["2020-W53", "2021-W01"]),
            ("2015-12-31", "2016-01-04", ["2015-W53", "2016-W01"]),
          ])
    func weekLabelsAcrossYears(first: String, last: String, labels: [String]) throws {
        #expect(try buckets(first, last, .week).map(\.label) == labels)
    }

    @Test("A range of one date gives one bucket, and a reversed range none")
    func degenerateRanges() throws {
        #expect(try buckets("2026-11-22", "2026-11-22", .day).count == 1)
        #expect(try buckets("2026-11-22", "2026-11-22", .week).map(\.first.description) == ["2026-11-16"])
        #expect(try buckets("2026-11-22", "2026-11-21", .day).isEmpty)
    }

    static let weeks: [(String, Int, Int)] = [
        ("2026-12-31", 2026, 53), ("2027-01-01", 2026, 53), ("2027-01-03", 2026, 53), ("2027-01-04", 2027, 1),
        ("2021-01-03", 2020, 53), ("2021-01-04", 2021, 1), ("2008-12-29", 2009, 1), ("2019-12-30", 2020, 1),
        ("2000-01-01", 1999, 52), ("2016-01-01", 2015, 53), ("2015-11-26", 2015, 48), ("2026-11-22", 2026, 47),
        ("2026-03-29", 2026, 13),
    ]

    @Test("isoWeek gives the ISO 8601 week-numbering year and week of known dates", arguments: weeks)
    func isoWeek(day: String, year: Int, week: Int) throws {
        let isoWeek = try date(day).isoWeek
        #expect(isoWeek.year == year && isoWeek.week == week)
    }

    @Test("The week label is zero-padded and the day of the year counts from 1 January")
    func labelsAndDayOfYear() throws {
        #expect(try date("2027-01-05").isoWeekLabel == "2027-W01")
        #expect(try date("2024-12-31").dayOfYear == 366)
        #expect(try date("2026-01-01").dayOfYear == 1)
    }
}
