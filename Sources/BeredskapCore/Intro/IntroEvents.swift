/// The events of the introduction programme (`intro.*`), with subject `person/{id}`.
///
/// Dates, months and the enums only; a caseworker's note on a step is in the step's row
/// (`intro_steps`), which the event names by its sequence number. The start and the end are
/// also the `intro_started` and `intro_ended` milestones, recorded through the milestone path
/// in the same transaction, which is how the deadlines (`intro_start`, `skills_mapping`) meet them.
public enum IntroEvents {
    public static let started = EventType<Started>(.intro, "started", visibleWith: .cases)
    public static let interrupted = EventType<Dated>(.intro, "interrupted", visibleWith: .cases)
    public static let resumed = EventType<Dated>(.intro, "resumed", visibleWith: .cases)
    public static let extended = EventType<Extended>(.intro, "extended", visibleWith: .cases)
    public static let ended = EventType<Ended>(.intro, "ended", visibleWith: .cases)
    public static let followedUp = EventType<FollowedUp>(.intro, "followed_up", visibleWith: .cases)

    public static let all: [EventKind] = [
        started.kind, interrupted.kind, resumed.kind, extended.kind, ended.kind, followedUp.kind,
    ]

    /// `intro.started`.
    public struct Started: EventPayload, Equatable {
        public var person: Int64
        public var date: CalendarDate
        public var goal: IntroGoal
        public var months: Int
        public var plannedEnd: CalendarDate
        public var voluntary: Bool

        public init(person: Int64, date: CalendarDate, goal: IntroGoal, months: Int, plannedEnd: CalendarDate, voluntary: Bool) {
            self.person = person
            self.date = date
            self.goal = goal
            self.months = months
            self.plannedEnd = plannedEnd
            self.voluntary = voluntary
        }
    }

    /// `intro.interrupted` and `intro.resumed`: the day, and the planned end after it.
    public struct Dated: EventPayload, Equatable {
        public var person: Int64
        public var date: CalendarDate
        public var plannedEnd: CalendarDate

        public init(person: Int64, date: CalendarDate, plannedEnd: CalendarDate) {
            self.person = person
            self.date = date
            self.plannedEnd = plannedEnd
        }
    }

    /// `intro.extended`.
    public struct Extended: EventPayload, Equatable {
        public var person: Int64
        public var months: Int
        public var plannedEnd: CalendarDate

        public init(person: Int64, months: Int, plannedEnd: CalendarDate) {
            self.person = person
            self.months = months
            self.plannedEnd = plannedEnd
        }
    }

    /// `intro.ended`.
    public struct Ended: EventPayload, Equatable {
        public var person: Int64
        public var date: CalendarDate
        public var reason: IntroEndReason

        public init(person: Int64, date: CalendarDate, reason: IntroEndReason) {
            self.person = person
            self.date = date
            self.reason = reason
        }
    }

    /// `intro.followed_up`: the status one year after.
    public struct FollowedUp: EventPayload, Equatable {
        public var person: Int64
        public var date: CalendarDate
        public var status: IntroFollowUpStatus

        public init(person: Int64, date: CalendarDate, status: IntroFollowUpStatus) {
            self.person = person
            self.date = date
            self.status = status
        }
    }
}
