/// One placement of an unaccompanied minor: where they live from a day on, who answers for
/// it and what it costs a year.
///
/// Why the service and district are kept on the placement: which service answers (child
/// welfare or NAV) is the district's choice at the time, and a district may change it or the
/// young person may move; the costs of a past year belong to the district that carried them.
public struct Placement: Sendable, Equatable, Codable {
    public static let maximumAnnualCost: Int64 = 100_000_000

    public var id: Int64
    public var type: PlacementType
    public var from: CalendarDate
    /// The last day: the day before the next placement starts, or the end of the timeline
    /// (`PlacementTimeline.end`).
    public var to: CalendarDate
    /// Whole NOK a year.
    public var annualCost: Int64
    public var service: MinorsService
    public var district: String?
    /// What the caseworker wrote; erased with the person.
    public var note: String?

    public init(
        id: Int64, type: PlacementType, from: CalendarDate, to: CalendarDate, annualCost: Int64, service: MinorsService,
        district: String?, note: String? = nil
    ) {
        self.id = id
        self.type = type
        self.from = from
        self.to = to
        self.annualCost = annualCost
        self.service = service
        self.district = district
        self.note = note
    }

    /// The annual cost of a new placement: the one given, or else the configured cost of its
    /// type; refused when there is neither, since a placement without a cost would make the
    /// yearly sums silently low.
    public static func annualCost(given: Int64?, type: PlacementType, configured: [PlacementType: Int64]) -> Result<Int64, FieldProblem> {
        if let given {
            guard (0...maximumAnnualCost).contains(given) else {
                return .failure(FieldProblem("annual_cost", Text(
                    "expected 0 to \(maximumAnnualCost) NOK a year", nb: "forventet 0 til \(maximumAnnualCost) kroner i året")))
            }
            return .success(given)
        }
        guard let cost = configured[type] else {
            return .failure(FieldProblem("annual_cost", Text(
                "is required: minors.placement_costs has no cost for \(type.rawValue)",
                nb: "er påkrevd: minors.placement_costs har ingen kostnad for \(type.rawValue)")))
        }
        return .success(cost)
    }

    /// The part of the annual cost that falls in `year`: the cost times the placement's days in
    /// that year over the year's days (365 or 366), to the nearest krone.
    public func cost(in year: Int) -> Int64 {
        let days = daysIn(year)
        guard days > 0 else { return 0 }
        let yearDays = Int64(CivilCalendar.isLeapYear(year) ? 366 : 365)
        return (annualCost * days + yearDays / 2) / yearDays
    }

    /// The placement's days in `year`; 0 when it does not run then.
    public func daysIn(_ year: Int) -> Int64 {
        let first = max(from.daysSinceEpoch, CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1))
        let last = min(to.daysSinceEpoch, CivilCalendar.daysSinceEpoch(year: year, month: 12, day: 31))
        return max(0, last - first + 1)
    }
}

/// The young person's choice at 18, and the follow-up they asked for (as stored, and as
/// `POST /v1/persons/{id}/aftercare` takes it).
public struct Aftercare: Sendable, Equatable, Codable {
    public var choice: AftercareChoice
    /// The day the choice was made.
    public var date: CalendarDate
    /// Follow-up from the municipality on request, until this day at the latest (before the
    /// 25th birthday); nil when none was asked for.
    public var followUpUntil: CalendarDate?

    public init(choice: AftercareChoice, date: CalendarDate, followUpUntil: CalendarDate? = nil) {
        self.choice = choice
        self.date = date
        self.followUpUntil = followUpUntil
    }
}

/// The representative the county governor appoints for an unaccompanied minor on arrival
/// (Statsforvalteren; DOMAIN.md), as stored and as `POST /v1/persons/{id}/representative` takes
/// it. The name is personal data: erased with the person.
public struct Representative: Sendable, Equatable, Codable {
    public static let maximumNameLength = 200

    public var name: String
    public var appointed: CalendarDate

    public init(name: String, appointed: CalendarDate) {
        self.name = name
        self.appointed = appointed
    }
}
