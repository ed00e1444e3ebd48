/// A scenario with its times resolved to instants: what the runner steps through.
///
/// Why a separate value: local times need a calendar (Europe/Oslo, with its summer time), and
/// the runner asks "what happens between these two instants of the simulated clock" many
/// times a second; resolving once and keeping the injects sorted makes that a binary search.
public struct ExerciseTimeline: Sendable, Equatable {
    /// One inject at its instant; `index` is its position in the file (`injects[index]`).
    public struct Entry: Sendable, Equatable {
        public var index: Int
        public var at: Timestamp
        public var inject: ExerciseInject
    }

    public let start: Timestamp
    /// In time order; injects at the same instant keep the file's order.
    public let entries: [Entry]
    /// When the run is over: the last inject with its pause or response delay, and every
    /// expectation's deadline, whichever is latest (never before `start`).
    public let end: Timestamp

    public init(_ scenario: ExerciseScenario, calendar: LocalCalendar) {
        let start = scenario.start.instant(start: Timestamp(millisecondsSinceEpoch: 0), calendar: calendar)
        let entries = scenario.injects.enumerated()
            .map { Entry(index: $0.offset, at: $0.element.at.instant(start: start, calendar: calendar), inject: $0.element) }
            .sorted { ($0.at, $0.index) < ($1.at, $1.index) }
        var end = start
        for entry in entries { end = max(end, entry.at.adding(milliseconds: entry.inject.lasts.milliseconds)) }
        if let first = entries.first?.at {
            for expectation in scenario.expectations {
                if let deadline = expectation.deadline(firstInject: first) { end = max(end, deadline) }
            }
        }
        self.start = start
        self.entries = entries
        self.end = end
    }

    /// Simulated time from the start to the end.
    public var span: FixedDuration { FixedDuration(milliseconds: end.milliseconds(since: start)) }

    /// The instant of the first inject, from which expectations count; nil without injects.
    public var firstInjectAt: Timestamp? { entries.first?.at }

    /// The injects at `from` or later and before `to`: stepping the clock through adjacent
    /// intervals `[a, b)`, `[b, c)` delivers each inject exactly once.
    public func injects(between from: Timestamp, and to: Timestamp) -> ArraySlice<Entry> {
        guard from < to else { return entries[entries.startIndex..<entries.startIndex] }
        let lower = firstIndex(atOrAfter: from)
        return entries[lower..<max(lower, firstIndex(atOrAfter: to))]
    }

    /// The real time the whole run takes at `speed`; nil at maximum speed.
    public func realMilliseconds(at speed: ExerciseSpeed) -> Int64? { speed.realMilliseconds(for: span) }

    private func firstIndex(atOrAfter instant: Timestamp) -> Int {
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].at < instant { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension ExerciseScenario {
    /// The scenario's times as instants, local times read in `calendar`.
    public func timeline(in calendar: LocalCalendar) -> ExerciseTimeline { ExerciseTimeline(self, calendar: calendar) }
}
