import Testing
@testable import BeredskapCore

/// A ring of `span` hours ending at `newest` with `counts` added (hour, count).
private func ring(span: Int, newest: Int64, _ counts: [(Int64, Int)]) -> HourlyCounts {
    var ring = HourlyCounts(span: span, newestHour: newest)
    for (hour, count) in counts { ring.add(count, at: hour) }
    return ring
}

@Suite struct HourlyCountsTests {
    @Test("Counts added to an hour are read back and summed over a range")
    func addCountAndSum() {
        let counts = ring(span: 24, newest: 100, [(100, 3), (95, 2), (95, 4), (77, 1)])
        #expect(counts.count(at: 100) == 3)
        #expect(counts.count(at: 95) == 6)
        #expect(counts.count(at: 96) == 0)
        #expect(counts.sum(from: 77, through: 100) == 10)
        #expect(counts.sum(from: 95, through: 99) == 6)
        #expect(counts.sum(from: 96, through: 99) == 0)
    }

    @Test("Hours older than the window are ignored, the oldest hour in it is kept")
    func olderHoursIgnored() {
        let counts = ring(span: 24, newest: 100, [(76, 5), (77, 7), (-3, 9)])
        #expect(counts.count(at: 76) == 0)
        #expect(counts.count(at: 77) == 7)
        #expect(counts.sum(from: 0, through: 100) == 7)
        #expect(counts.newestHour == 100)
    }

    @Test("Adding at a newer hour moves the window forward to it")
    func newerHourAdvances() {
        let counts = ring(span: 24, newest: 100, [(80, 1), (100, 2), (110, 4)])
        #expect(counts.newestHour == 110)
        #expect(counts.count(at: 80) == 0)
        #expect(counts.sum(from: 87, through: 110) == 6)
    }

    @Test("Advancing clears the hours passed over, so a reused slot does not show an old count")
    func advanceClearsPassedHours() {
        var counts = ring(span: 4, newest: 10, [(7, 1), (8, 2), (9, 3), (10, 4)])
        counts.advance(to: 12)
        #expect(counts.newestHour == 12)
        #expect([7, 8, 9, 10, 11, 12].map { counts.count(at: $0) } == [0, 0, 3, 4, 0, 0])
        #expect(counts.sum(from: 0, through: 20) == 7)
    }

    @Test("Advancing backwards or to the same hour changes nothing")
    func advanceBackwardsIsIgnored() {
        var counts = ring(span: 4, newest: 10, [(9, 3), (10, 4)])
        let before = counts
        counts.advance(to: 10)
        counts.advance(to: 2)
        #expect(counts == before)
    }

    @Test("Advancing by the span or more clears everything, by one hour less keeps the newest hour",
          arguments: [(Int64(13), 4), (14, 0), (1_000_000, 0)])
    func advanceBySpan(to hour: Int64, remaining: Int) {
        var counts = ring(span: 4, newest: 10, [(7, 1), (8, 2), (9, 3), (10, 4)])
        counts.advance(to: hour)
        #expect(counts.sum(from: hour - 3, through: hour) == remaining)
        #expect(counts.nonEmptyHours == (remaining > 0 ? [10] : []))
    }

    @Test("Sums are clipped to the window, and ranges outside it or reversed are zero")
    func sumClipping() {
        let counts = ring(span: 24, newest: 100, [(77, 1), (88, 2), (100, 4)])
        #expect(counts.sum(from: .min / 2, through: .max / 2) == 7)
        #expect(counts.sum(from: 101, through: 200) == 0)
        #expect(counts.sum(from: 0, through: 76) == 0)
        #expect(counts.sum(from: 100, through: 77) == 0)
        #expect(counts.sum(from: 88, through: 88) == 2)
        #expect(counts.count(at: 101) == 0)
    }

    @Test("Instants before 1970 fall in negative hours, floored")
    func negativeHoursOfInstants() {
        let hours = [-3_600_001, -3_600_000, -1, 0, 3_599_999, 3_600_000].map {
            HourlyCounts.hour(of: Timestamp(millisecondsSinceEpoch: $0))
        }
        #expect(hours == [-2, -1, -1, 0, 0, 1])
    }

    @Test("Negative hours take their own slots in the ring and survive advancing past the epoch")
    func negativeHoursInTheRing() {
        var counts = ring(span: 24, newest: -1, [(-1, 1), (-5, 2), (-24, 4), (-25, 8)])
        #expect([-25, -24, -5, -1].map { counts.count(at: $0) } == [0, 4, 2, 1])
        counts.add(16, at: 3)
        #expect(counts.newestHour == 3)
        #expect(counts.nonEmptyHours == [-5, -1, 3])
        #expect(counts.sum(from: -20, through: 3) == 19)
    }

    @Test("nonEmptyHours lists the hours with a count, oldest first")
    func nonEmptyHours() {
        var counts = ring(span: 24, newest: 100, [(100, 1), (80, 2), (90, 3), (85, 0)])
        #expect(counts.nonEmptyHours == [80, 90, 100])
        counts.add(-3, at: 90)
        #expect(counts.nonEmptyHours == [80, 100])
    }

    @Test("A span below one hour is taken as one hour")
    func minimumSpan() {
        let counts = ring(span: 0, newest: 5, [(5, 2), (4, 1)])
        #expect(counts.span == 1)
        #expect(counts.sum(from: 0, through: 5) == 2)
    }
}
