import BeredskapCore
import BeredskapJSON

/// `POST /v1/persons/{id}/intro`: one step of the person's introduction programme. Which
/// fields an action takes: `start` — `goal` (required), `months`, `voluntary`,
/// `settlement_mode`, `date`; `interrupt`, `resume` — `date`; `extend` — `months` (required);
/// `end` — `reason` (required), `date`; `follow_up` — `status` (required), `date`. `date`
/// defaults to today (the daemon's time zone); `note` (person data) goes with any step.
public struct IntroStep: Sendable, Codable, Equatable {
    public var action: IntroAction
    public var goal: IntroGoal?
    public var months: Int?
    public var voluntary: Bool?
    public var settlementMode: SettlementMode?
    public var date: CalendarDate?
    public var reason: IntroEndReason?
    public var status: IntroFollowUpStatus?
    public var note: String?

    public init(
        action: IntroAction, goal: IntroGoal? = nil, months: Int? = nil, voluntary: Bool? = nil, settlementMode: SettlementMode? = nil,
        date: CalendarDate? = nil, reason: IntroEndReason? = nil, status: IntroFollowUpStatus? = nil, note: String? = nil
    ) {
        self.action = action
        self.goal = goal
        self.months = months
        self.voluntary = voluntary
        self.settlementMode = settlementMode
        self.date = date
        self.reason = reason
        self.status = status
        self.note = note
    }
}

/// A person's introduction programme as `GET /v1/persons/{id}/intro` and every step answer it.
public struct IntroResource: Sendable, Codable, Equatable {
    public struct Ending: Sendable, Codable, Equatable {
        public var date: CalendarDate
        public var reason: IntroEndReason
        /// `IntroWorkOrEducation.counts(reason)`.
        public var workOrEducation: Bool
    }

    public struct FollowUp: Sendable, Codable, Equatable {
        public var date: CalendarDate
        public var status: IntroFollowUpStatus
        public var workOrEducation: Bool
    }

    public struct Note: Sendable, Codable, Equatable {
        public var action: IntroAction
        public var note: String
        public var eventSeq: Int64
    }

    public var person: Int64
    @NullEncoded public var district: String?
    public var state: IntroProgramme.State
    public var started: CalendarDate
    public var goal: IntroGoal
    public var months: Int
    @NullEncoded public var extensionMonths: Int?
    public var pausedDays: Int
    public var plannedEnd: CalendarDate
    /// True when the person had no right and the district chose to offer the programme.
    public var voluntary: Bool
    @NullEncoded public var settlementMode: SettlementMode?
    public var interruptions: [IntroProgramme.Interruption]
    @NullEncoded public var ended: Ending?
    @NullEncoded public var followUp: FollowUp?
    public var notes: [Note]

    public init(_ programme: IntroProgramme, notes: [IntroNote]) {
        person = programme.person
        district = programme.district
        state = programme.state
        started = programme.started
        goal = programme.goal
        months = programme.months
        extensionMonths = programme.extensionMonths
        pausedDays = programme.pausedDays
        plannedEnd = programme.plannedEnd
        voluntary = programme.voluntary
        settlementMode = programme.settlementMode
        interruptions = programme.interruptions
        ended = programme.ending.map { Ending(date: $0.date, reason: $0.reason, workOrEducation: IntroWorkOrEducation.counts($0.reason)) }
        followUp = programme.followUp.map {
            FollowUp(date: $0.date, status: $0.status, workOrEducation: IntroWorkOrEducation.counts($0.status))
        }
        self.notes = notes.map { Note(action: $0.action, note: $0.note, eventSeq: $0.seq) }
    }
}

/// A share in work or education as published: `share` is null — never 0 — when `suppressed`.
public struct IntroShareResource: Sendable, Codable, Equatable {
    @NullEncoded public var participants: Int?
    @NullEncoded public var share: Double?
    public var suppressed: Bool
    @NullEncoded public var belowNational: Bool?

    public init(_ share: IntroShare) {
        participants = share.participants
        self.share = share.share
        suppressed = share.suppressed
        belowNational = share.belowNational
    }
}

/// One district's row of `GET /v1/intro/results`: right after the programme in the row's own
/// fields (API.md), one year after in `one_year_after` (null when the source has no figure).
public struct IntroResultRow: Sendable, Codable, Equatable {
    public var district: String
    @NullEncoded public var participants: Int?
    @NullEncoded public var share: Double?
    public var suppressed: Bool
    @NullEncoded public var belowNational: Bool?
    @NullEncoded public var oneYearAfter: IntroShareResource?

    public init(_ result: IntroResults.District) {
        district = result.district
        participants = result.rightAfter.participants
        share = result.rightAfter.share
        suppressed = result.rightAfter.suppressed
        belowNational = result.rightAfter.belowNational
        oneYearAfter = result.oneYearAfter.map(IntroShareResource.init)
    }
}

/// `GET /v1/intro/results?year=`: aggregates only, no person.
public struct IntroResultsResource: Sendable, Codable, Equatable {
    public struct National: Sendable, Codable, Equatable {
        @NullEncoded public var rightAfter: Double?
        @NullEncoded public var oneYearAfter: Double?
    }

    public var year: Int
    /// `recorded`, or `reference` for the seed's published figures (2010–2015).
    public var source: IntroResultSource
    public var minimumParticipants: Int
    public var national: National
    /// The national target (0.7).
    public var target: Double
    public var districts: [IntroResultRow]
    /// The whole city, as a row with district `oslo`.
    public var city: IntroResultRow

    public init(_ results: IntroResults, minimumParticipants: Int, target: Double) {
        year = results.year
        source = results.source
        self.minimumParticipants = minimumParticipants
        national = National(rightAfter: results.national.rightAfter, oneYearAfter: results.national.oneYearAfter)
        self.target = target
        districts = results.districts.map(IntroResultRow.init)
        city = IntroResultRow(results.city)
    }
}
