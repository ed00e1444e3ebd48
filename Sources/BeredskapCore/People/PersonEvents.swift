/// The events about persons (`person.*`).
///
/// Why ids only: a person's names, DUF number, birth and flags must be erasable, and the event
/// log is append-only. So an event names the person by id, a change by the names of the fields
/// that changed (never their values), and a milestone by its kind and dates; correction reasons
/// and notes stay in rows. Visible with `cases` only, like the person routes.
public enum PersonEvents {
    public static let registered = EventType<Registered>(.person, "registered", visibleWith: .cases)
    public static let changed = EventType<Changed>(.person, "changed", visibleWith: .cases)
    public static let milestoneRecorded = EventType<MilestoneRecorded>(.person, "milestone_recorded", visibleWith: .cases)
    public static let milestoneCorrected = EventType<MilestoneCorrected>(.person, "milestone_corrected", visibleWith: .cases)
    public static let erased = EventType<Erased>(.person, "erased", visibleWith: .cases)

    public static let all: [EventKind] = [
        registered.kind, changed.kind, milestoneRecorded.kind, milestoneCorrected.kind, erased.kind,
    ]

    /// `person.registered`.
    public struct Registered: EventPayload, Equatable {
        public var person: Int64

        public init(person: Int64) { self.person = person }
    }

    /// `person.changed`: which fields a change set to another value.
    public struct Changed: EventPayload, Equatable {
        public var person: Int64
        /// Field names in the API's spelling (`family_name`), sorted.
        public var fields: [String]

        public static var identifiers: Set<String> { ["fields"] }

        public init(person: Int64, fields: [String]) {
            self.person = person
            self.fields = fields.sorted()
        }
    }

    /// `person.milestone_recorded`.
    public struct MilestoneRecorded: EventPayload, Equatable {
        public var person: Int64
        public var milestone: Milestone
        public var date: CalendarDate

        public init(person: Int64, milestone: Milestone, date: CalendarDate) {
            self.person = person
            self.milestone = milestone
            self.date = date
        }
    }

    /// `person.milestone_corrected`: the date before and after; the reason is in its row.
    public struct MilestoneCorrected: EventPayload, Equatable {
        public var person: Int64
        public var milestone: Milestone
        public var from: CalendarDate
        public var to: CalendarDate
        /// The correction's row (`person_milestone_corrections.id`), which holds the reason.
        public var correction: Int64

        public init(person: Int64, milestone: Milestone, from: CalendarDate, to: CalendarDate, correction: Int64) {
            self.person = person
            self.milestone = milestone
            self.from = from
            self.to = to
            self.correction = correction
        }
    }

    /// `person.erased`: the personal fields are gone; the reason is in the person's row.
    public struct Erased: EventPayload, Equatable {
        public var person: Int64
        /// True when the retention purge erased them (no activity for the configured years);
        /// absent for an administrator's erasure.
        public var retention: Bool?

        public init(person: Int64, retention: Bool? = nil) {
            self.person = person
            self.retention = retention
        }
    }
}
