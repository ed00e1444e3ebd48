/// Counts per UTC hour over a fixed number of recent hours, in a ring.
///
/// Why a ring of hours: surge figures are sums over the last 24 hours, 7 days and a baseline
/// window. Adding a record is O(1) and a sum is O(window) — both independent of how many
/// facilities exist or how long the history is. Hours are UTC (an hour is an hour in every
/// time zone); only day *buckets* for people use the local calendar.
public struct HourlyCounts: Sendable, Equatable {
    public static let millisecondsPerHour: Int64 = 3_600_000

    /// How many hours are kept, newest included.
    public let span: Int
    private var counts: [Int]
    /// The newest hour the ring covers (hours since the epoch).
    public private(set) var newestHour: Int64

    public init(span: Int, newestHour: Int64) {
        self.span = max(1, span)
        counts = Array(repeating: 0, count: max(1, span))
        self.newestHour = newestHour
    }

    public static func hour(of instant: Timestamp) -> Int64 {
        Timestamp.floorDivide(instant.millisecondsSinceEpoch, millisecondsPerHour)
    }

    /// Moves the window forward so that `hour` is the newest, clearing the hours passed over.
    public mutating func advance(to hour: Int64) {
        guard hour > newestHour else { return }
        let steps = hour - newestHour
        if steps >= Int64(span) {
            for index in counts.indices { counts[index] = 0 }
        } else {
            for passed in (newestHour + 1)...hour { counts[slot(passed)] = 0 }
        }
        newestHour = hour
    }

    /// Adds `count` at `hour`; hours older than the window are ignored, newer ones advance it.
    public mutating func add(_ count: Int, at hour: Int64) {
        advance(to: hour)
        guard hour > newestHour - Int64(span) else { return }
        counts[slot(hour)] += count
    }

    /// The count at one hour (0 outside the window).
    public func count(at hour: Int64) -> Int {
        guard hour <= newestHour, hour > newestHour - Int64(span) else { return 0 }
        return counts[slot(hour)]
    }

    /// The sum over hours `from...through` (clipped to the window).
    public func sum(from first: Int64, through last: Int64) -> Int {
        let lower = max(first, newestHour - Int64(span) + 1)
        let upper = min(last, newestHour)
        guard lower <= upper else { return 0 }
        // The range is at most one lap of the ring: one or two contiguous slices.
        let first = slot(lower), last = slot(upper)
        if first <= last { return counts[first...last].reduce(0, &+) }
        return counts[first...].reduce(0, &+) + counts[...last].reduce(0, &+)
    }

    /// Hours in the window with a non-zero count, oldest first.
    public var nonEmptyHours: [Int64] {
        let oldest = newestHour - Int64(span) + 1
        return (oldest...newestHour).filter { counts[slot($0)] != 0 }
    }

    private func slot(_ hour: Int64) -> Int {
        let remainder = Int(hour % Int64(span))
        return remainder >= 0 ? remainder : remainder + span
    }
}
