/// The events about unaccompanied minors' placements and choices (`minor.*`).
///
/// Ids, enums, dates and money only: the representative's name and the caseworker's notes
/// stay in rows that an erasure clears. Visible with `cases`, like every event about a person;
/// the subject is the person (`person/{id}`).
public enum MinorEvents {
    public static let placed = EventType<Placed>(.minor, "placed", visibleWith: .cases)
    public static let representativeSet = EventType<RepresentativeSet>(.minor, "representative_set", visibleWith: .cases)
    public static let aftercareChosen = EventType<AftercareChosen>(.minor, "aftercare_chosen", visibleWith: .cases)

    public static let all: [EventKind] = [placed.kind, representativeSet.kind, aftercareChosen.kind]

    /// `minor.placed`: a placement from a day on; the one before it ends the day before.
    public struct Placed: EventPayload, Equatable {
        public var person: Int64
        /// The placement's row (`minor_placements.id`), which holds the note.
        public var placement: Int64
        public var type: PlacementType
        public var from: CalendarDate
        public var annualCost: Int64
        public var service: MinorsService
        public var district: String?

        public static var identifiers: Set<String> { ["district"] }

        public init(
            person: Int64, placement: Int64, type: PlacementType, from: CalendarDate, annualCost: Int64, service: MinorsService,
            district: String?
        ) {
            self.person = person
            self.placement = placement
            self.type = type
            self.from = from
            self.annualCost = annualCost
            self.service = service
            self.district = district
        }
    }

    /// `minor.representative_set`: the person has a representative from `appointed`; the
    /// name is in the person's row.
    public struct RepresentativeSet: EventPayload, Equatable {
        public var person: Int64
        public var appointed: CalendarDate

        public init(person: Int64, appointed: CalendarDate) {
            self.person = person
            self.appointed = appointed
        }
    }

    /// `minor.aftercare_chosen`: the young person's choice at 18.
    public struct AftercareChosen: EventPayload, Equatable {
        public var person: Int64
        public var choice: AftercareChoice
        public var date: CalendarDate
        public var followUpUntil: CalendarDate?

        public init(person: Int64, choice: AftercareChoice, date: CalendarDate, followUpUntil: CalendarDate?) {
            self.person = person
            self.choice = choice
            self.date = date
            self.followUpUntil = followUpUntil
        }
    }
}
