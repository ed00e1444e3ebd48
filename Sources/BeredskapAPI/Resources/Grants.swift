import BeredskapCore
import BeredskapJSON

/// `POST /v1/persons/{id}/grant-applications`: a disability grant applied for on `applied`;
/// `amount` (whole NOK) is what T2 asks for (at most the year's cap; none: the cap).
public typealias GrantApplicationBody = GrantPerson.Application

/// A person's disability-grant application as recorded.
public struct GrantApplicationResource: Sendable, Codable, Equatable {
    public var person: Int64
    public var grant: DisabilityGrant
    public var applied: CalendarDate
    @NullEncoded public var amount: Int64?

    public init(person: Int64, grant: DisabilityGrant, applied: CalendarDate, amount: Int64?) {
        self.person = person
        self.grant = grant
        self.applied = applied
        self.amount = amount
    }
}

/// The settlement-year grant's split per settled refugee, summed: to the district and to the
/// education agency (Utdanningsetaten).
public struct SettlementYearSplitAmounts: Sendable, Codable, Equatable {
    public var district: Int64
    public var educationAgency: Int64

    public init(district: Int64, educationAgency: Int64) {
        self.district = district
        self.educationAgency = educationAgency
    }
}

/// A district's forecast (`district` null: the city's totals).
public struct GrantForecastRow: Sendable, Codable, Equatable {
    @NullEncoded public var district: String?
    /// One per grant: integration, minor, disability_t1, disability_t2.
    public var grants: [GrantForecast.Line]
    public var totalNok: Int64
    public var settlementYearSplit: SettlementYearSplitAmounts
    /// The one-off disability grant not applied for: persons with a disability in their
    /// settlement year or the next, with no application.
    public var unclaimed: GrantForecast.Amount

    public init(_ row: GrantForecast.Row) {
        district = row.district
        grants = row.lines
        totalNok = row.total
        settlementYearSplit = SettlementYearSplitAmounts(district: row.settlementYearDistrict, educationAgency: row.settlementYearEducation)
        unclaimed = row.unclaimed
    }
}

/// `GET /v1/grants/forecast?year=&district=`: aggregates only, no person.
public struct GrantForecastResource: Sendable, Codable, Equatable {
    public var year: Int
    /// The year whose rates were used: `year`, or the latest earlier year with rates.
    public var ratesYear: Int
    public var districts: [GrantForecastRow]
    public var totals: GrantForecastRow

    public init(year: Int, ratesYear: Int, districts: [GrantForecastRow], totals: GrantForecastRow) {
        self.year = year
        self.ratesYear = ratesYear
        self.districts = districts
        self.totals = totals
    }
}

/// A person with a disability, settled, with no grant application, and the deadline for it.
public struct MissingGrantApplication: Sendable, Codable, Equatable {
    public var person: Int64
    @NullEncoded public var district: String?
    public var dueDate: CalendarDate
    /// `due`, `due_soon` or `overdue`.
    public var state: DeadlineState

    public init(person: Int64, district: String?, dueDate: CalendarDate, state: DeadlineState) {
        self.person = person
        self.district = district
        self.dueDate = dueDate
        self.state = state
    }
}

/// `GET /v1/grants/missing-applications?within=DAYS`: overdue first, then by due date.
public struct MissingGrantApplicationList: Sendable, Codable, Equatable {
    /// The Oslo day the states are for.
    public var date: CalendarDate
    /// Days ahead: persons whose deadline falls due by `date` + `within`, and those overdue.
    public var within: Int
    public var persons: [MissingGrantApplication]

    public init(date: CalendarDate, within: Int, persons: [MissingGrantApplication]) {
        self.date = date
        self.within = within
        self.persons = persons
    }
}
