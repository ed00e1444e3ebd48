import Testing

@testable import BeredskapCore

/// A value with clocks, as the daemon's scheduler drives it: `advance(to:)` applies what is
/// due, `nextDeadline()` says when that next is, `evaluatedAt` is the latest instant seen.
protocol ScheduledValue: Equatable {
    associatedtype Effect
    var evaluatedAt: Timestamp { get }
    /// The value as it would be had it been advanced to `instant` with nothing due.
    func evaluated(at instant: Timestamp) -> Self
    func nextDeadline() -> Timestamp?
    mutating func advance(to instant: Timestamp) -> [Effect]
}

extension AlertLifecycle: ScheduledValue {
    func evaluated(at instant: Timestamp) -> Self {
        var copy = self
        copy.evaluatedAt = instant
        return copy
    }
}

extension PlaybookRun: ScheduledValue {
    func evaluated(at instant: Timestamp) -> Self {
        var copy = self
        copy.evaluatedAt = instant
        return copy
    }
}

/// The scheduler's contract for one value: nothing happens before `nextDeadline()`,
/// something happens at it (an effect, or at least a change of state), and nothing more at
/// it a second time; with no deadline, even a year later nothing happens.
func expectSchedulerContract<Value: ScheduledValue>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let deadline = value.nextDeadline() else {
        var later = value
        #expect(later.advance(to: value.evaluatedAt.adding(milliseconds: 86_400_000 * 365)).isEmpty, sourceLocation: sourceLocation)
        #expect(later.evaluated(at: value.evaluatedAt) == value, sourceLocation: sourceLocation)
        return
    }
    #expect(deadline > value.evaluatedAt, sourceLocation: sourceLocation)
    var early = value
    #expect(early.advance(to: deadline.adding(milliseconds: -1)).isEmpty, sourceLocation: sourceLocation)
    #expect(early.evaluated(at: value.evaluatedAt) == value, sourceLocation: sourceLocation)
    var due = value
    let effects = due.advance(to: deadline)
    #expect(!effects.isEmpty || due.evaluated(at: value.evaluatedAt) != value, sourceLocation: sourceLocation)
    let settled = due
    #expect(due.advance(to: deadline).isEmpty, sourceLocation: sourceLocation)
    #expect(due == settled, sourceLocation: sourceLocation)
}

/// SplitMix64: deterministic randomness in a few lines, so a failing sequence can be replayed
/// from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
