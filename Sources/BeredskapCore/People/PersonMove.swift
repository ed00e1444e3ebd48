/// What a change of a person's facility does to the facilities' head counts.
///
/// Why: the issue asks that the person register and the capacity picture never disagree —
/// a person registered at a facility is one arrival there, a move between facilities is a
/// transfer, and a person leaving a facility is a departure, recorded through the same write
/// path (and head-count rule) as the arrivals an operator records.
public enum PersonMove: Sendable, Equatable {
    case arrival(facility: String, category: ArrivalCategory)
    case departure(facility: String, reason: DepartureReason)
    case transfer(from: String, to: String, category: ArrivalCategory)

    /// The move from `before` (nil: a new person) to `after`, or nil when the facility stays.
    public static func between(_ before: PersonDraft?, _ after: PersonDraft, on today: CalendarDate) -> PersonMove? {
        let category = ArrivalCategory(after, on: today)
        switch (before?.facility, after.facility) {
        case (nil, nil): return nil
        case (nil, let to?): return .arrival(facility: to, category: category)
        case (let from?, nil): return .departure(facility: from, reason: DepartureReason(leaving: after.status ?? .asylumSeeker))
        case (let from?, let to?): return from == to ? nil : .transfer(from: from, to: to, category: category)
        }
    }
}

extension ArrivalCategory {
    /// The arrival category a person counts under: resettlement refugees as such; an
    /// unaccompanied minor by age on `today`; a person in a household as family; otherwise adult.
    public init(_ person: PersonDraft, on today: CalendarDate) {
        let age = person.birth.age(on: today)
        if person.category == .resettlement {
            self = .resettlement
        } else if person.unaccompanied == true, age < 18 {
            self = age < 15 ? .minorUnder15 : .minor15To17
        } else if person.household != nil {
            self = .family
        } else {
            self = .adult
        }
    }
}

extension DepartureReason {
    /// Why a person with `status` leaves their facility.
    public init(leaving status: PersonStatus) {
        switch status {
        case .settled: self = .settled
        case .departed, .refused: self = .departed
        case .asylumSeeker, .residenceGranted: self = .other
        }
    }
}
