import BeredskapJSON

/// One person's introduction programme (introduksjonsprogram), from start to the status one
/// year after it ended.
///
/// Why a value with its whole history (interruptions, the extension, the end, the follow-up)
/// rather than a state and a date: the planned end is derived — the start plus the planned
/// months and the extension, moved by every day paused — so a correction of one step never
/// leaves a stale end behind. The transitions are pure (`IntroProgramme+Transitions.swift`).
public struct IntroProgramme: Sendable, Equatable, Codable {
    public enum State: String, JSONStringEnum {
        case active, interrupted, ended
    }

    /// A pause (permisjon, avbrudd): days paused move the planned end.
    public struct Interruption: Sendable, Equatable, Codable {
        public var from: CalendarDate
        /// Nil (null) while it lasts.
        @NullEncoded public var to: CalendarDate?

        public init(from: CalendarDate, to: CalendarDate? = nil) {
            self.from = from
            self.to = to
        }

        /// Days paused: `from` up to (not including) the day it resumed.
        public var days: Int? { to.map { Int($0.daysSinceEpoch - from.daysSinceEpoch) } }
    }

    public struct Ending: Sendable, Equatable, Codable {
        public var date: CalendarDate
        public var reason: IntroEndReason

        public init(date: CalendarDate, reason: IntroEndReason) {
            self.date = date
            self.reason = reason
        }
    }

    public struct FollowUp: Sendable, Equatable, Codable {
        public var date: CalendarDate
        public var status: IntroFollowUpStatus

        public init(date: CalendarDate, status: IntroFollowUpStatus) {
            self.date = date
            self.status = status
        }
    }

    public var person: Int64
    /// The district responsible (the person's at the start): what the results count by.
    public var district: String?
    public var started: CalendarDate
    public var goal: IntroGoal
    /// The months planned at the start, within the duration table for the goal.
    public var months: Int
    /// True when the person had no right and the district chose to offer the programme.
    public var voluntary: Bool
    /// How the person was settled, when given at the start.
    public var settlementMode: SettlementMode?
    public var interruptions: [Interruption]
    /// The one extension's months, once granted.
    public var extensionMonths: Int?
    public var ending: Ending?
    public var followUp: FollowUp?

    public init(
        person: Int64, district: String?, started: CalendarDate, goal: IntroGoal, months: Int, voluntary: Bool,
        settlementMode: SettlementMode?, interruptions: [Interruption] = [], extensionMonths: Int? = nil, ending: Ending? = nil,
        followUp: FollowUp? = nil
    ) {
        self.person = person
        self.district = district
        self.started = started
        self.goal = goal
        self.months = months
        self.voluntary = voluntary
        self.settlementMode = settlementMode
        self.interruptions = interruptions
        self.extensionMonths = extensionMonths
        self.ending = ending
        self.followUp = followUp
    }

    public var state: State {
        if ending != nil { return .ended }
        return interruptions.last.map { $0.to == nil } == true ? .interrupted : .active
    }

    /// Days paused by interruptions that have ended.
    public var pausedDays: Int { interruptions.compactMap(\.days).reduce(0, +) }

    /// The start plus the planned months and the extension (calendar months: 31 August + 6
    /// months is 28 or 29 February), then every day paused. While an interruption lasts the
    /// end is not known; this is the end were it to resume today's day of `from`.
    public var plannedEnd: CalendarDate {
        DeadlineDuration.adding(months: months + (extensionMonths ?? 0), to: started).adding(days: pausedDays)
    }
}
