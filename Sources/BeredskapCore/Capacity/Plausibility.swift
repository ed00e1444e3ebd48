/// Input that is allowed but more often a slip of the keyboard than a fact: recorded only
/// once someone confirms it (`force`).
///
/// Why confirm rather than refuse: reality wins — a surge can put more people in a facility
/// than it has places, and a spreadsheet of last year's figures is a real import — but an
/// extra zero (400 for 40) or the wrong year (2025 for 2026) would move the capacity picture
/// and the surge level for everyone until someone noticed. Asking costs one keystroke.
public struct Implausibility: Sendable, Equatable {
    /// The field it is about (`count`, `occupied`, `at`).
    public var field: String
    public var problem: Text

    public init(field: String, problem: Text) {
        self.field = field
        self.problem = problem
    }
}

/// The rules: a number of people above what the facility can hold at all (its largest
/// capacity, expansion included), and a time further back than `maximumBackdating`. They
/// apply to arrivals, departures and head counts, to amendments of them, and to each row of
/// an import.
public struct Plausibility: Sendable, Equatable {
    /// Older than this is more often a wrong year or month than a late entry: records are
    /// normally made within days, and a quarter covers any late report or import of a season.
    public static let maximumBackdating = FixedDuration.seconds(90 * 86_400)

    public var calendar: LocalCalendar

    public init(calendar: LocalCalendar) { self.calendar = calendar }

    /// `people` (nil: unchanged) against the facility's `largestCapacity`, `at` (nil:
    /// unchanged) against `now`.
    public func problems(
        people: Int?, field: String, facilityName: String, largestCapacity: Int, at: Timestamp?, now: Timestamp
    ) -> [Implausibility] {
        var problems: [Implausibility] = []
        if let people, people > largestCapacity {
            problems.append(Implausibility(
                field: field,
                problem: Text(
                    "\(people) people is more than the \(largestCapacity) places of \(facilityName)",
                    nb: "\(people) personer er flere enn de \(largestCapacity) plassene på \(facilityName)")))
        }
        if let at, now.milliseconds(since: at) > Self.maximumBackdating.milliseconds {
            let days = Self.maximumBackdating.milliseconds / 86_400_000
            problems.append(Implausibility(
                field: "at",
                problem: Text(
                    "\(calendar.dateTimeText(at)) is more than \(days) days ago",
                    nb: "\(calendar.dateTimeText(at)) er mer enn \(days) dager siden")))
        }
        return problems
    }
}
