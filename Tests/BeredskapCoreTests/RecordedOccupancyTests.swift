import Testing
@testable import BeredskapCore

private let count = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
private let before = count.adding(milliseconds: -1)
private let after = count.adding(milliseconds: 1)

@Suite struct RecordedOccupancyTests {
    @Test("A record changes the stored figure only when dated after the last head count")
    func counting() {
        let counted = RecordedOccupancy(occupied: 40, lastReportAt: count)
        #expect(counted.counts(after))
        // The count includes everyone there at its instant, and everything dated before it.
        #expect(!counted.counts(count))
        #expect(!counted.counts(before))
        // Never counted: every record counts.
        #expect(RecordedOccupancy(occupied: 0, lastReportAt: nil).counts(before))
    }

    @Test("An arrival after the count adds to it; one dated before it leaves the figure as it is")
    func arrivals() {
        let stored = RecordedOccupancy(occupied: 40, lastReportAt: count)
        #expect(stored.arrival(5, at: after) == .init(counted: true, occupied: 45))
        #expect(stored.arrival(5, at: count) == .init(counted: false, occupied: 40))
        #expect(stored.arrival(5, at: before) == .init(counted: false, occupied: 40))
        #expect(RecordedOccupancy(occupied: 3, lastReportAt: nil).arrival(2, at: before) == .init(counted: true, occupied: 5))
    }

    @Test("An arrival counted onto a stored 0 asks for the rule again: the 0 may hide records below nobody")
    func arrivalOntoNobody() {
        let stored = RecordedOccupancy(occupied: 0, lastReportAt: count)
        #expect(stored.arrival(5, at: after) == .init(counted: true, occupied: 5, needsRecount: true))
        // Not counted: nothing to evaluate again.
        #expect(stored.arrival(5, at: before) == .init(counted: false, occupied: 0))
        #expect(RecordedOccupancy(occupied: 0, lastReportAt: nil).arrival(1, at: after).needsRecount)
    }

    @Test("A departure after the count takes from it, and no more than are recorded")
    func departures() throws {
        let stored = RecordedOccupancy(occupied: 40, lastReportAt: count)
        #expect(try stored.departure(15, at: after) == .init(counted: true, occupied: 25))
        #expect(try stored.departure(40, at: after) == .init(counted: true, occupied: 0))
        #expect(throws: RecordedOccupancy.Refusal.fewerPresent(occupied: 40, requested: 41)) {
            try stored.departure(41, at: after)
        }
        // Dated before the count: kept without changing the figure, however many left.
        #expect(try stored.departure(41, at: before) == .init(counted: false, occupied: 40))
        #expect(try stored.departure(41, at: count) == .init(counted: false, occupied: 40))
        #expect(throws: RecordedOccupancy.Refusal.fewerPresent(occupied: 0, requested: 1)) {
            try RecordedOccupancy(occupied: 0, lastReportAt: nil).departure(1, at: after)
        }
    }

    @Test("A head count dated before the last one is refused; one at the same instant or later replaces it")
    func headCounts() throws {
        let stored = RecordedOccupancy(occupied: 40, lastReportAt: count)
        #expect(throws: RecordedOccupancy.Refusal.newerHeadCount(count)) { try stored.checkHeadCount(at: before) }
        try stored.checkHeadCount(at: count)
        try stored.checkHeadCount(at: after)
        try RecordedOccupancy(occupied: 0, lastReportAt: nil).checkHeadCount(at: before)
    }

    @Test("The raw figure is the last count plus what came and went after it; no count is nobody counted")
    func rawFigure() {
        #expect(HeadCountRule.occupancy(lastCount: 40, flowsAfter: 7) == 47)
        #expect(HeadCountRule.occupancy(lastCount: 40, flowsAfter: -45) == -5)
        #expect(HeadCountRule.occupancy(lastCount: nil, flowsAfter: 12) == 12)
        #expect(HeadCountRule.occupancy(lastCount: 0, flowsAfter: 0) == 0)
    }

    @Test("A correction may not leave fewer than nobody, unless the records already did and it makes them no worse")
    func correctionsBelowNobody() {
        #expect(!HeadCountRule.leavesBelowNobody(before: 10, after: 0))
        #expect(HeadCountRule.leavesBelowNobody(before: 10, after: -1))
        #expect(HeadCountRule.leavesBelowNobody(before: -2, after: -3))
        #expect(!HeadCountRule.leavesBelowNobody(before: -3, after: -3))
        #expect(!HeadCountRule.leavesBelowNobody(before: -5, after: -2))
    }
}
