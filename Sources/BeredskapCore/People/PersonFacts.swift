/// When a milestone happened: its Oslo day, and the instant when it was recorded to the
/// minute. Only the 48-hour arrival-centre rule needs the instant; every other rule counts
/// days.
public struct MilestoneTime: Sendable, Hashable {
    public let date: CalendarDate
    public let instant: Timestamp?

    /// A milestone known by its day only.
    public init(date: CalendarDate) {
        self.date = date
        instant = nil
    }

    /// A milestone recorded at an instant, on the day `calendar` (Europe/Oslo) puts it on.
    public init(instant: Timestamp, calendar: LocalCalendar) {
        date = calendar.date(of: instant)
        self.instant = instant
    }
}

/// What the deadline rules read about one person: no names or other personal fields, so that
/// evaluating deadlines never needs them.
public struct PersonFacts: Sendable, Hashable {
    public var birth: PersonBirth
    public var unaccompanied: Bool
    /// A known disability (the vulnerability flag), which makes the disability grant apply.
    public var disability: Bool
    /// Each milestone's effective time — after corrections, one per kind.
    public var milestones: MilestoneTimes

    public init(birth: PersonBirth, unaccompanied: Bool = false, disability: Bool = false, milestones: MilestoneTimes = [:]) {
        self.birth = birth
        self.unaccompanied = unaccompanied
        self.disability = disability
        self.milestones = milestones
    }
}
