import Testing
@testable import BeredskapCore

@Suite struct TimestampTests {
    @Test func formatsEpochAndKnownInstants() {
        #expect(Timestamp(millisecondsSinceEpoch: 0).rfc3339 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(millisecondsSinceEpoch: 1_763_803_800_123).rfc3339 == "2025-11-22T09:30:00.123Z")
        #expect(Timestamp(millisecondsSinceEpoch: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(rfc3339: "2000-02-29T12:00:00Z")?.rfc3339 == "2000-02-29T12:00:00.000Z")
    }

    @Test func parsesOffsetsIntoUTC() throws {
        let oslo = try #require(Timestamp(rfc3339: "2026-11-22T10:30:00+01:00"))
        #expect(oslo.rfc3339 == "2026-11-22T09:30:00.000Z")
        let west = try #require(Timestamp(rfc3339: "2026-11-22T04:30:00.25-05:00"))
        #expect(west.rfc3339 == "2026-11-22T09:30:00.250Z")
        #expect(Timestamp(rfc3339: "2026-11-22t09:30:00z") == Timestamp(rfc3339: "2026-11-22 09:30:00Z"))
    }

    @Test func truncatesFractionsBeyondMilliseconds() {
        #expect(Timestamp(rfc3339: "2026-11-22T09:30:00.123999Z")?.rfc3339 == "2026-11-22T09:30:00.123Z")
        #expect(Timestamp(rfc3339: "2026-11-22T09:30:00.1Z")?.rfc3339 == "2026-11-22T09:30:00.100Z")
    }

    @Test func leapSecondIsTheLastMillisecondOfItsMinute() {
        #expect(Timestamp(rfc3339: "2016-12-31T23:59:60Z")?.rfc3339 == "2016-12-31T23:59:59.999Z")
    }

    @Test(arguments: [
        "", "2026-11-22", "2026-11-22T09:30Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-11-22T24:00:00Z", "2026-11-22T09:60:00Z", "2026-11-22T09:30:00", "2026-11-22T09:30:00.Z",
        "2026-11-22T09:30:00+0100", "2026-11-22T09:30:00Z ", "26-11-22T09:30:00Z", "2026-11-22T09:30:00+25:00",
        "２０２６-11-22T09:30:00Z",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func roundTripsAcrossCenturies() {
        var ms: Int64 = -2_208_988_800_000  // 1900
        while ms < 4_102_444_800_000 {  // 2100
            let stamp = Timestamp(millisecondsSinceEpoch: ms)
            #expect(Timestamp(rfc3339: stamp.rfc3339) == stamp)
            ms += 86_400_000 * 37 + 3_723_456
        }
    }

    @Test func formatsTheEndsOfTheRangeAndClampsBeyondThem() {
        #expect(Timestamp.minimum.rfc3339 == "0000-01-01T00:00:00.000Z")
        #expect(Timestamp.maximum.rfc3339 == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp(millisecondsSinceEpoch: .min).rfc3339 == "0000-01-01T00:00:00.000Z")
        #expect(Timestamp(millisecondsSinceEpoch: .max).rfc3339 == "9999-12-31T23:59:59.999Z")
    }

    /// The fixed-width formatter against the calendar's own fields, over instants spread across
    /// the range: every field in its place, zero-padded.
    @Test func everyFieldIsWhereTheCalendarPutsIt() {
        var ms = Timestamp.minimum.millisecondsSinceEpoch
        while ms <= Timestamp.maximum.millisecondsSinceEpoch {
            let text = Timestamp(millisecondsSinceEpoch: ms).rfc3339
            let days = Timestamp.floorDivide(ms, 86_400_000)
            let msOfDay = Int(ms - days * 86_400_000)
            let expected = "\(CalendarDate(daysSinceEpoch: days))T\(zeroPadded(msOfDay / 3_600_000, width: 2)):"
                + "\(zeroPadded(msOfDay / 60_000 % 60, width: 2)):\(zeroPadded(msOfDay / 1000 % 60, width: 2))."
                + "\(zeroPadded(msOfDay % 1000, width: 3))Z"
            #expect(text == expected)
            ms += 86_400_000 * 3_917 + 45_296_789
        }
    }

    @Test func utcDateFloorsNegativeInstants() {
        #expect(Timestamp(millisecondsSinceEpoch: -1).utcDate.description == "1969-12-31")
        #expect(Timestamp(millisecondsSinceEpoch: 86_399_999).utcDate.description == "1970-01-01")
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesAndValidates() {
        #expect(CalendarDate(parsing: "2016-09-01")?.description == "2016-09-01")
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "1900-02-29") == nil)
        #expect(CalendarDate(parsing: "2000-02-29") != nil)
        #expect(CalendarDate(parsing: "2016-9-01") == nil)
        #expect(CalendarDate(parsing: "2016-09-01T00:00:00Z") == nil)
    }

    @Test func dayArithmeticAndWeekdays() throws {
        let date = try #require(CalendarDate(parsing: "2026-11-22"))
        #expect(date.isoWeekday == 7)  // a Sunday
        #expect(date.adding(days: 10).description == "2026-12-02")
        #expect(date.adding(days: -366).description == "2025-11-21")
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(daysSinceEpoch: -1).description == "1969-12-31")
        #expect(try #require(CalendarDate(parsing: "1970-01-01")).isoWeekday == 4)
    }
}

@Suite struct ISODurationTests {
    @Test(arguments: [
        ("PT48H", Int64(48 * 3_600_000)), ("P14D", Int64(14 * 86_400_000)), ("PT10S", Int64(10_000)),
        ("PT0.5S", Int64(500)), ("PT1,25S", Int64(1250)), ("P1W", Int64(7 * 86_400_000)),
        ("P1DT2H3M4S", Int64(93_784_000)), ("PT0S", Int64(0)),
    ])
    func fixedLengths(_ text: String, _ milliseconds: Int64) throws {
        let duration = try #require(ISODuration(parsing: text))
        #expect(duration.fixedMilliseconds == milliseconds)
    }

    @Test func calendarDurationsHaveNoFixedLength() throws {
        let threeMonths = try #require(ISODuration(parsing: "P3M"))
        #expect(threeMonths.months == 3)
        #expect(threeMonths.hasCalendarComponents)
        #expect(threeMonths.fixedMilliseconds == nil)
        #expect(ISODuration(parsing: "P1Y2M")?.description == "P1Y2M")
    }

    @Test(arguments: ["", "P", "PT", "P1H", "PT1D", "P1M1Y", "PT1.5M", "P-1D", "1D", "P1DT", "PT1S2M", "P1234567890D", "p1d"])
    func rejectsMalformed(_ text: String) {
        #expect(ISODuration(parsing: text) == nil)
    }

    @Test func canonicalDescription() {
        #expect(ISODuration.milliseconds(90_061_500).description == "PT25H1M1.5S")
        #expect(ISODuration(parsing: "P0D")?.description == "PT0S")
        #expect(ISODuration(parsing: "PT15M")?.description == "PT15M")
    }
}

@Suite struct ManualWallClockTests {
    @Test func movesOnlyWhenTold() {
        let clock = ManualWallClock(Timestamp(millisecondsSinceEpoch: 1000))
        #expect(clock.now().millisecondsSinceEpoch == 1000)
        clock.advance(seconds: 2)
        #expect(clock.now().millisecondsSinceEpoch == 3000)
        clock.set(Timestamp(millisecondsSinceEpoch: 5))
        #expect(clock.now().millisecondsSinceEpoch == 5)
    }
}
