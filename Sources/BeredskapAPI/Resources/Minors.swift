import BeredskapCore
import BeredskapJSON

/// `POST /v1/persons/{id}/placements`: a placement from a day on; the current one ends the day before.
public struct NewPlacement: Sendable, Codable, Equatable {
    public var type: PlacementType
    public var from: CalendarDate
    /// Whole NOK a year; default the configured cost of the type (`minors.placement_costs`).
    public var annualCost: Int64?
    public var note: String?

    public init(type: PlacementType, from: CalendarDate, annualCost: Int64? = nil, note: String? = nil) {
        self.type = type
        self.from = from
        self.annualCost = annualCost
        self.note = note
    }
}

/// One unaccompanied minor's placements, representative and choice at 18, with the days that
/// frame them. Every answer begins `{"person":N,"placements":` — how an erasure finds stored
/// replies that held the representative's name (`WriteTransaction.eraseMinorRecords`).
public struct MinorCase: Sendable, Codable, Equatable {
    public var person: Int64
    /// In order, each ending the day before the next starts.
    public var placements: [Placement]
    @NullEncoded public var representative: Representative?
    @NullEncoded public var aftercare: Aftercare?
    /// The 18th birthday, when the young person chooses.
    public var turns18: CalendarDate
    /// The last day of any follow-up: the day before the 25th birthday, or the end asked for.
    public var followUpEnds: CalendarDate

    public init(
        person: Int64, placements: [Placement], representative: Representative?, aftercare: Aftercare?, turns18: CalendarDate,
        followUpEnds: CalendarDate
    ) {
        self.person = person
        self.placements = placements
        self.representative = representative
        self.aftercare = aftercare
        self.turns18 = turns18
        self.followUpEnds = followUpEnds
    }
}

/// One unaccompanied person under 25 as `GET /v1/minors` lists them.
public struct MinorSummary: Sendable, Codable, Equatable {
    public var person: Int64
    @NullEncoded public var district: String?
    public var age: Int
    public var turns18: CalendarDate
    /// The placement running today, if any.
    @NullEncoded public var placement: PlacementType?
    /// The current placement's service, else the district's.
    public var service: MinorsService

    public init(person: Int64, district: String?, age: Int, turns18: CalendarDate, placement: PlacementType?, service: MinorsService) {
        self.person = person
        self.district = district
        self.age = age
        self.turns18 = turns18
        self.placement = placement
        self.service = service
    }
}

/// `GET /v1/minors`.
public struct MinorList: Sendable, Codable, Equatable {
    public var date: CalendarDate
    public var minors: [MinorSummary]

    public init(date: CalendarDate, minors: [MinorSummary]) {
        self.date = date
        self.minors = minors
    }
}

/// `GET /v1/minors/costs`: placements and their cost in one year per district and type; no persons.
public struct MinorCosts: Sendable, Codable, Equatable {
    public var year: Int
    public var rows: [PlacementCostRow]
    public var placements: Int
    public var cost: Int64

    public init(year: Int, rows: [PlacementCostRow]) {
        self.year = year
        self.rows = rows
        placements = rows.reduce(0) { $0 + $1.placements }
        cost = rows.reduce(0) { $0 + $1.cost }
    }
}
