/// A facility's occupancy as it is stored: the head-count rule's figure (never below nobody)
/// and the instant of the last head count. What the rule makes of one new record follows from
/// these two alone.
///
/// Why decided here rather than next to the SQL: the same rule gives today's `occupied`, every
/// day of the history and the figures after a correction (`HeadCountRule`), and what a new
/// record does to the stored figure is where the rule is easiest to get subtly wrong (a record
/// dated at the instant of a count, a figure that was clamped at nobody). As a pure value it is
/// tested case by case; the daemon only reads the row, asks, and writes the answer.
public struct RecordedOccupancy: Sendable, Equatable {
    public var occupied: Int
    public var lastReportAt: Timestamp?

    public init(occupied: Int, lastReportAt: Timestamp?) {
        self.occupied = occupied
        self.lastReportAt = lastReportAt
    }

    /// What a new record does to the stored figure.
    public struct Update: Sendable, Equatable {
        /// The record is dated after the last head count, so it changes `occupied`. One dated at
        /// or before it does not: the count already includes those people (the record still
        /// counts in the statistics and in the history of its own day).
        public var counted: Bool
        /// `occupied` afterwards, from the stored figure.
        public var occupied: Int
        /// The stored figure was 0 (or below), which may be the rule's figure clamped at nobody
        /// (records that contradict each other): `occupied` is the rule's only once it is
        /// evaluated again over the records.
        public var needsRecount: Bool

        public init(counted: Bool, occupied: Int, needsRecount: Bool = false) {
            self.counted = counted
            self.occupied = occupied
            self.needsRecount = needsRecount
        }
    }

    /// Why the rule refuses a record or a correction.
    public enum Refusal: Error, Sendable, Equatable {
        /// A departure of more people than are recorded there (`occupied`).
        case fewerPresent(occupied: Int, requested: Int)
        /// A head count dated before the last one, which is newer (its time).
        case newerHeadCount(Timestamp)
    }

    /// Whether a record dated `at` changes `occupied`: only one dated after the last head count.
    public func counts(_ at: Timestamp) -> Bool {
        lastReportAt.map { at > $0 } ?? true
    }

    /// An arrival of `people` dated `at`.
    public func arrival(_ people: Int, at: Timestamp) -> Update {
        guard counts(at) else { return Update(counted: false, occupied: occupied) }
        return Update(counted: true, occupied: occupied + people, needsRecount: occupied <= 0)
    }

    /// A departure of `people` dated `at`; refused when it counts and more leave than are recorded.
    public func departure(_ people: Int, at: Timestamp) throws(Refusal) -> Update {
        guard counts(at) else { return Update(counted: false, occupied: occupied) }
        guard people <= occupied else { throw .fewerPresent(occupied: occupied, requested: people) }
        return Update(counted: true, occupied: occupied - people)
    }

    /// Checks a head count dated `at`: one dated before the last count is refused (the newer
    /// count stands); one at the same instant replaces it.
    public func checkHeadCount(at: Timestamp) throws(Refusal) {
        if let lastReportAt, at < lastReportAt { throw .newerHeadCount(lastReportAt) }
    }
}

extension HeadCountRule {
    /// The rule's raw figure from the last head count (nil: none, so nobody counted) and the
    /// arrivals less the departures dated after it.
    public static func occupancy(lastCount: Int?, flowsAfter: Int) -> Int {
        (lastCount ?? 0) + flowsAfter
    }

    /// Whether a correction that moves a facility's raw figure from `before` to `after` is
    /// refused: it would leave fewer than nobody, and more so than the records already did.
    /// (Records that already contradict each other may be corrected towards sense.)
    public static func leavesBelowNobody(before: Int, after: Int) -> Bool {
        after < 0 && after < before
    }
}
