/// Settlement against the quotas during a year, per district and for the city, at a date.
///
/// The convention (documented in README, "Settlement progress"): quotas are spread evenly
/// over the days of the year, leap years included. The days elapsed count 1 January through
/// the date itself, so on 1 January a district is expected to have settled quota ÷ 365
/// (÷ 366 in a leap year) and on 31 December its whole quota. A date before the year expects
/// nothing; a date after it expects the whole quota. `expected` keeps the exact value; people
/// are shown it rounded half up to whole persons (`SettlementProgress.persons`), and the lag
/// rule compares exact values. Settled counts the records *of that year's quotas* (their
/// `year`) dated up to and including the date, whatever the year of their date.
public struct SettlementProgress: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var district: String
        public var quota: Int
        public var settled: Int
        /// quota × elapsed ÷ days in the year, exact.
        public var expected: Double
        /// expected − settled: positive is behind, negative ahead.
        public var lag: Double
        /// settled ÷ expected; nil while nothing is expected yet.
        public var shareOfExpected: Double?
        /// lag ÷ expected; nil while nothing is expected yet.
        public var lagShare: Double? { expected > 0 ? lag / expected : nil }
        /// Whether the lag reaches the thresholds (`SettlementLagThresholds`).
        public var lagging: Bool
    }

    public var year: Int
    public var at: CalendarDate
    /// Days of the year counted so far (0 before the year, all of them after it).
    public var daysElapsed: Int
    public var daysInYear: Int
    /// In the order of the districts given.
    public var rows: [Row]
    /// The city: sums over the districts (its `lagging` is whether the sum lags).
    public var total: Row

    /// Progress of `year` at `at` from the quotas in force and the settled count per district
    /// (records of the year up to and including `at`). `districts` gives the order; a district
    /// with a quota but not in it comes after, by id.
    public init(
        year: Int, at: CalendarDate, quotas: [String: Int], settled: [String: Int], districts: [String],
        thresholds: SettlementLagThresholds
    ) {
        self.year = year
        self.at = at
        daysInYear = Self.daysInYear(year)
        daysElapsed = Self.daysElapsed(year: year, at: at)
        let order = districts.filter { quotas[$0] != nil } + quotas.keys.filter { !districts.contains($0) }.sorted()
        let (elapsed, days) = (daysElapsed, daysInYear)
        func row(_ district: String, quota: Int, settled: Int) -> Row {
            // Multiplied before dividing, so whole results (31 December, a quota of 366) are exact.
            let expected = Double(quota * elapsed) / Double(days)
            let lag = expected - Double(settled)
            return Row(
                district: district, quota: quota, settled: settled, expected: expected, lag: lag,
                shareOfExpected: expected > 0 ? Double(settled) / expected : nil,
                lagging: thresholds.lagging(lag: lag, expected: expected))
        }
        rows = order.map { row($0, quota: quotas[$0] ?? 0, settled: settled[$0] ?? 0) }
        total = row(
            "city", quota: rows.reduce(0) { $0 + $1.quota },
            settled: rows.reduce(0) { $0 + $1.settled })
    }

    /// 365, or 366 in a leap year.
    public static func daysInYear(_ year: Int) -> Int { CivilCalendar.isLeapYear(year) ? 366 : 365 }

    /// 1 January through `at` inclusive, clamped to the year: 0 before it, every day after it.
    public static func daysElapsed(year: Int, at: CalendarDate) -> Int {
        if at.year < year { return 0 }
        if at.year > year { return daysInYear(year) }
        guard let first = CalendarDate(year: year, month: 1, day: 1) else { return 0 }
        return Int(at.daysSinceEpoch - first.daysSinceEpoch) + 1
    }

    /// A figure as people read it: rounded half up to whole persons (2.5 → 3, −2.5 → −2).
    public static func persons(_ value: Double) -> Int { Int((value + 0.5).rounded(.down)) }

    /// The districts that lag, in order.
    public var lagging: [Row] { rows.filter(\.lagging) }
}

/// When a district counts as lagging (the `settlement_lag` rule and the progress table's
/// mark): its lag is above `minLag` persons *and* above `minLagShare` of what it was expected
/// to have settled by then.
///
/// Why both: an absolute threshold alone flags large districts for a normal week's
/// unevenness, a share alone flags small ones in January, when 1 behind of 2 expected is half.
public struct SettlementLagThresholds: Sendable, Equatable, Codable {
    /// Persons behind (exact expected − settled), strictly more than this.
    public var minLag: Double
    /// Share of the expected behind (lag ÷ expected), strictly more than this; 0…1.
    public var minLagShare: Double

    public init(minLag: Double, minLagShare: Double) {
        self.minLag = minLag
        self.minLagShare = minLagShare
    }

    public static let defaults = SettlementLagThresholds(minLag: 10, minLagShare: 0.25)

    public func lagging(lag: Double, expected: Double) -> Bool {
        expected > 0 && lag > minLag && lag / expected > minLagShare
    }

    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !(0...100_000).contains(minLag) {
            problems.append(FieldProblem("min_lag", Text("expected a number of persons between 0 and 100000", nb: "forventet et antall personer mellom 0 og 100000")))
        }
        if !(0...1).contains(minLagShare) {
            problems.append(FieldProblem("min_lag_share", Text("expected a share between 0 and 1", nb: "forventet en andel mellom 0 og 1")))
        }
        return problems
    }
}
