/// What the grant forecast reads about one settled person: no names, only what the rules ask.
public struct GrantPerson: Sendable, Equatable {
    /// An application for a disability grant: which one, when (the `disability_grant_applied`
    /// milestone's day) and, for T2, the amount applied for (nil: the cap). Also the body of
    /// `POST /v1/persons/{id}/grant-applications`.
    public struct Application: Sendable, Equatable, Codable {
        public var grant: DisabilityGrant
        public var applied: CalendarDate
        public var amount: Int64?

        public init(grant: DisabilityGrant, applied: CalendarDate, amount: Int64? = nil) {
            self.grant = grant
            self.applied = applied
            self.amount = amount
        }
    }

    public var id: Int64
    public var district: String
    /// The `settled` milestone's day.
    public var settled: CalendarDate
    /// Nil once erased: the person then counts as an adult for the integration grant (what
    /// every category but single adults is paid) and in no other grant.
    public var birth: PersonBirth?
    public var unaccompanied: Bool
    /// No household, or alone in it.
    public var alone: Bool
    public var disability: Bool
    public var application: Application?

    public init(
        id: Int64, district: String, settled: CalendarDate, birth: PersonBirth?, unaccompanied: Bool = false, alone: Bool = false,
        disability: Bool = false, application: Application? = nil
    ) {
        self.id = id
        self.district = district
        self.settled = settled
        self.birth = birth
        self.unaccompanied = unaccompanied
        self.alone = alone
        self.disability = disability
        self.application = application
    }

    /// The category on the settlement day.
    public var category: GrantCategory {
        guard let birth else { return .adult }
        if birth.age(on: settled) < 18 { return unaccompanied ? .unaccompaniedMinor : .child }
        return alone ? .singleAdult : .adult
    }

    /// The year of the grant for `year` counted from the settlement year (1).
    public func cohortYear(in year: Int) -> Int { year - settled.year + 1 }
}

/// The grant rules as pure functions of a person, a year and the rates (DOMAIN.md "Grants").
public enum GrantRules {
    /// The deadline rule that a disability grant application meets (DOMAIN.md: 14 months after
    /// settlement): the missing-applications list and the alert read its evaluations.
    public static let disabilityDeadline = "disability_grant"

    /// The integration grant paid for `person` in `year`: cohort years 1–5, at the rate of the
    /// person's category on the settlement day.
    public static func integration(_ person: GrantPerson, year: Int, rates: GrantRates) -> Int64 {
        rates.integration(person.category, cohortYear: person.cohortYear(in: year))
    }

    /// The minors' grant for `person` in `year`, for an unaccompanied person settled as a minor:
    /// in the settlement year the days from the settlement day through 31 December over the
    /// days of the year (366 in a leap year), rounded to whole NOK; then whole years through the
    /// year the person turns 20 (for an estimated birth year, that year + 20). 0 otherwise.
    public static func minor(_ person: GrantPerson, year: Int, rates: GrantRates) -> Int64 {
        guard person.unaccompanied, let birth = person.birth, birth.age(on: person.settled) < 18, year >= person.settled.year,
            year <= birthYear(birth) + 20
        else { return 0 }
        guard year == person.settled.year else { return rates.minor }
        let days = daysLeft(inYearOf: person.settled)
        return (rates.minor * Int64(days) + Int64(daysIn(year: year)) / 2) / Int64(daysIn(year: year))
    }

    /// What the disability grants pay for `person` in `year`: T1 once, in the year of the
    /// application; T2 each year from the year of the application through cohort year 5, at
    /// the amount applied for (at most the cap; none given: the cap). 0 without an application.
    public static func disability(_ person: GrantPerson, year: Int, rates: GrantRates) -> (grant: DisabilityGrant, amount: Int64)? {
        guard person.disability, let application = person.application else { return nil }
        switch application.grant {
        case .t1:
            return application.applied.year == year ? (.t1, rates.disabilityT1) : nil
        case .t2:
            guard year >= application.applied.year, (1...GrantRates.cohortYears).contains(person.cohortYear(in: year)) else { return nil }
            return (.t2, min(application.amount ?? rates.disabilityT2Max, rates.disabilityT2Max))
        }
    }

    /// The one-off grant left unclaimed for `person` in `year`: a person with a disability and
    /// no application, in the settlement year or the next (when T1 can be granted).
    public static func unclaimed(_ person: GrantPerson, year: Int, rates: GrantRates) -> Int64 {
        guard person.disability, person.application == nil, (1...2).contains(person.cohortYear(in: year)) else { return 0 }
        return rates.disabilityT1
    }

    /// Days in `year`: 366 in a leap year.
    public static func daysIn(year: Int) -> Int {
        CivilCalendar.daysInMonth(year: year, month: 2) == 29 ? 366 : 365
    }

    /// Days from `date` through 31 December of its year, both included.
    public static func daysLeft(inYearOf date: CalendarDate) -> Int {
        let end = CalendarDate(year: date.year, month: 12, day: 31).map(\.daysSinceEpoch) ?? date.daysSinceEpoch
        return Int(end - date.daysSinceEpoch) + 1
    }

    private static func birthYear(_ birth: PersonBirth) -> Int {
        switch birth {
        case .date(let date): date.year
        case .estimatedYear(let year): year
        }
    }
}

/// A year's forecast of the grants per district, with what the disability grants leave
/// unclaimed (recommendation 34: Oslo under-claimed them).
public struct GrantForecast: Sendable, Equatable {
    /// Persons and NOK of one grant (as the API shows it).
    public struct Line: Sendable, Equatable, Codable {
        public var grant: Grant
        public var persons: Int
        public var nok: Int64

        public init(grant: Grant, persons: Int = 0, nok: Int64 = 0) {
            self.grant = grant
            self.persons = persons
            self.nok = nok
        }
    }

    /// Persons and NOK (as the API shows it).
    public struct Amount: Sendable, Equatable, Codable {
        public var persons = 0
        public var nok: Int64 = 0

        public init(persons: Int = 0, nok: Int64 = 0) {
            self.persons = persons
            self.nok = nok
        }

        mutating func add(_ amount: Int64) {
            persons += 1
            nok += amount
        }
    }

    /// One district's grants (or the city's, in `totals`).
    public struct Row: Sendable, Equatable {
        public var district: String?
        /// One per grant, in `Grant`'s order.
        public var lines: [Line]
        /// The settlement-year split of the cohort-1 integration grant: what goes to the
        /// district and to the education agency.
        public var settlementYearDistrict: Int64 = 0
        public var settlementYearEducation: Int64 = 0
        /// T1 not applied for (persons with a disability in cohort years 1–2, no application).
        public var unclaimed = Amount()

        public init(district: String?) {
            self.district = district
            lines = Grant.allCases.map { Line(grant: $0) }
        }

        public var total: Int64 { lines.reduce(0) { $0 + $1.nok } }

        mutating func add(_ grant: Grant, _ amount: Int64) {
            guard amount > 0, let index = Grant.allCases.firstIndex(of: grant) else { return }
            lines[index].persons += 1
            lines[index].nok += amount
        }

        mutating func add(_ row: Row) {
            for index in lines.indices {
                lines[index].persons += row.lines[index].persons
                lines[index].nok += row.lines[index].nok
            }
            settlementYearDistrict += row.settlementYearDistrict
            settlementYearEducation += row.settlementYearEducation
            unclaimed.persons += row.unclaimed.persons
            unclaimed.nok += row.unclaimed.nok
        }
    }

    public var year: Int
    /// The year whose rates were used: `year`, or the latest earlier year with rates.
    public var ratesYear: Int
    /// By district id; a district with nothing forecast has no row.
    public var districts: [Row]
    public var totals: Row

    /// The forecast for `year` over `persons` (those settled by the end of it), at the rates
    /// of `table` for it; nil when the table has no year as early.
    public init?(year: Int, persons: [GrantPerson], table: GrantRateTable) {
        guard let (ratesYear, rates) = table.rates(for: year) else { return nil }
        self.year = year
        self.ratesYear = ratesYear
        var rows: [String: Row] = [:]
        for person in persons where person.settled.year <= year {
            var row = rows[person.district] ?? Row(district: person.district)
            let integration = GrantRules.integration(person, year: year, rates: rates)
            row.add(.integration, integration)
            if integration > 0, person.cohortYear(in: year) == 1 {
                row.settlementYearDistrict += rates.settlementYearSplit.district
                row.settlementYearEducation += rates.settlementYearSplit.educationAgency
            }
            row.add(.minor, GrantRules.minor(person, year: year, rates: rates))
            if let (grant, amount) = GrantRules.disability(person, year: year, rates: rates) { row.add(grant.grant, amount) }
            let unclaimed = GrantRules.unclaimed(person, year: year, rates: rates)
            if unclaimed > 0 { row.unclaimed.add(unclaimed) }
            if row != Row(district: person.district) { rows[person.district] = row }
        }
        districts = rows.keys.sorted().compactMap { rows[$0] }
        var totals = Row(district: nil)
        for row in districts { totals.add(row) }
        self.totals = totals
    }
}
