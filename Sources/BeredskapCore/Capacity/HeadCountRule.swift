/// A dated fact that moves a facility's occupancy: an absolute head count, or people who
/// arrived (a positive flow) or left (a negative one).
public struct OccupancyFact: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case headCount(Int)
        case flow(Int)
    }

    public var at: Timestamp
    public var change: Change
    /// The order the facts were recorded in (the record's id): of two head counts at one
    /// instant, the one recorded later counts.
    public var order: Int64

    public init(at: Timestamp, _ change: Change, order: Int64 = 0) {
        self.at = at
        self.change = change
        self.order = order
    }
}

/// The head-count rule: a facility's occupancy at an instant is its last head count up to
/// that instant plus the arrivals less the departures dated after the count, up to the instant.
///
/// Why a rule over dated facts rather than a running total: records are often entered late
/// (the evening's arrivals typed in the next morning) and head counts are taken when they can
/// be, so the order things are recorded in says nothing. A head count includes everyone
/// there at its instant, so records dated at or before it change nothing after it; records
/// dated after it add to it. The same rule gives today's `occupied`, every day of the
/// history, and the figures after a correction, so they cannot disagree.
public enum HeadCountRule {
    /// Whether `first` applies before `second`: by time; at one instant arrivals and
    /// departures before head counts (the count includes what happened at its instant), and
    /// head counts in the order they were recorded.
    public static func applies(_ first: OccupancyFact, before second: OccupancyFact) -> Bool {
        if first.at != second.at { return first.at < second.at }
        switch (first.change, second.change) {
        case (.flow, .headCount): return true
        case (.headCount, .flow): return false
        default: return first.order < second.order
        }
    }

    /// The figure people read: never fewer than nobody. (The rule's raw figure can be negative
    /// when records contradict each other: more departures than anyone counted.)
    public static func shown(_ raw: Int) -> Int { max(0, raw) }

    static func apply(_ value: Int, _ fact: OccupancyFact) -> Int {
        switch fact.change {
        case .headCount(let counted): counted
        case .flow(let people): value + people
        }
    }
}

/// The occupancy at the end of each local day and the day's peak, for each facility and for
/// all of them together, by the head-count rule.
///
/// Why a sweep over the facts: each day's figure must be what the rule gives at the end of
/// that day, so records dated between head counts move the line on their own days (not on
/// the day of the next count), and a backdated record lands on the day it is dated. The
/// total's peak is the highest the sum reached at one instant, not a sum of peaks at
/// different times, so it is a figure that really was.
public struct OccupancyHistory: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public var occupied: Int
        public var peak: Int

        public init(occupied: Int, peak: Int) {
            self.occupied = occupied
            self.peak = peak
        }
    }

    /// One facility: its raw occupancy when the first day starts, and its facts dated from
    /// then until the end of the last day.
    public struct Input: Sendable, Equatable {
        public var opening: Int
        public var facts: [OccupancyFact]

        public init(opening: Int, facts: [OccupancyFact]) {
            self.opening = opening
            self.facts = facts
        }
    }

    public private(set) var facilities: [[Day]]
    public private(set) var total: [Day]

    /// - Parameter dayEnds: the instant each day ends (the next one's start), ascending.
    public init(_ inputs: [Input], dayEnds: [Timestamp]) {
        var values = inputs.map(\.opening)
        let facts = inputs.indices.flatMap { index in inputs[index].facts.map { (index, $0) } }
            .sorted { HeadCountRule.applies($0.1, before: $1.1) }
        var next = 0
        var total = values.reduce(0) { $0 + HeadCountRule.shown($1) }
        facilities = Array(repeating: [], count: inputs.count)
        self.total = []
        for end in dayEnds {
            var peaks = values.map(HeadCountRule.shown)
            var totalPeak = total
            while next < facts.count, facts[next].1.at < end {
                // Everything dated at one instant happens together: the figures in between never were.
                let instant = facts[next].1.at
                var touched: [Int] = []
                while next < facts.count, facts[next].1.at == instant {
                    let (index, fact) = facts[next]
                    total -= HeadCountRule.shown(values[index])
                    values[index] = HeadCountRule.apply(values[index], fact)
                    total += HeadCountRule.shown(values[index])
                    touched.append(index)
                    next += 1
                }
                for index in touched { peaks[index] = max(peaks[index], HeadCountRule.shown(values[index])) }
                totalPeak = max(totalPeak, total)
            }
            for index in values.indices {
                facilities[index].append(Day(occupied: HeadCountRule.shown(values[index]), peak: peaks[index]))
            }
            self.total.append(Day(occupied: total, peak: totalPeak))
        }
    }
}
