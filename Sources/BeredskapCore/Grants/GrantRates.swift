import BeredskapJSON

/// Who a person counted as on the settlement day, for the integration grant's rate.
public enum GrantCategory: String, JSONStringEnum {
    case adult
    /// An adult with no household, or alone in it.
    case singleAdult = "single_adult"
    /// Under 18 on the settlement day, not unaccompanied.
    case child
    case unaccompaniedMinor = "unaccompanied_minor"
}

/// The state grants the city forecasts (DOMAIN.md "Grants"). The raw values are the API's.
public enum Grant: String, JSONStringEnum {
    /// Integreringstilskudd: five cohort years from the settlement year.
    case integration
    /// The special grant for unaccompanied minors (EM), through the year the person turns 20.
    case minor
    /// The one-off disability grant (Tilskudd 1).
    case disabilityT1 = "disability_t1"
    /// The yearly disability grant (Tilskudd 2), at most five years.
    case disabilityT2 = "disability_t2"
}

/// The two disability grants a district applies for: one or the other per person (the seed:
/// «Bosettingskommunene kan søke om enten Tilskudd 1 eller Tilskudd 2»).
public enum DisabilityGrant: String, JSONStringEnum {
    case t1 = "disability_t1"
    case t2 = "disability_t2"

    public var grant: Grant { self == .t1 ? .disabilityT1 : .disabilityT2 }
}

/// One year's grant rates in whole NOK.
///
/// Why configuration and not code: the state sets the rates every year in its budget; the
/// office adds a year's table when IMDi publishes it, and a forecast for a year not yet
/// published uses the latest earlier one and says so (`GrantRateTable.rates(for:)`).
public struct GrantRates: Sendable, Equatable {
    /// The office's share of the settlement-year grant (cohort year 1) per settled refugee.
    public struct SettlementYearSplit: Sendable, Equatable {
        public var district: Int64
        public var educationAgency: Int64

        public init(district: Int64, educationAgency: Int64) {
            self.district = district
            self.educationAgency = educationAgency
        }
    }

    /// The integration grant per cohort year 1–5 (five amounts) by category.
    public var integration: [GrantCategory: [Int64]]
    /// The minors' grant for a whole year.
    public var minor: Int64
    public var disabilityT1: Int64
    /// The most the yearly disability grant pays.
    public var disabilityT2Max: Int64
    public var settlementYearSplit: SettlementYearSplit

    public static let cohortYears = 5

    public init(
        integration: [GrantCategory: [Int64]], minor: Int64, disabilityT1: Int64, disabilityT2Max: Int64,
        settlementYearSplit: SettlementYearSplit
    ) {
        self.integration = integration
        self.minor = minor
        self.disabilityT1 = disabilityT1
        self.disabilityT2Max = disabilityT2Max
        self.settlementYearSplit = settlementYearSplit
    }

    /// The integration grant for `category` in cohort year `cohortYear` (1–5); 0 outside them.
    public func integration(_ category: GrantCategory, cohortYear: Int) -> Int64 {
        guard (1...Self.cohortYears).contains(cohortYear), let amounts = integration[category], amounts.count == Self.cohortYears
        else { return 0 }
        return amounts[cohortYear - 1]
    }

    /// 2016. The split by cohort year is IMDi's published 2016 table (year 1 180,000, single
    /// adults 230,000; then 233,000, 166,000, 83,400 and 55,000); the totals over five years
    /// are the seed's: 717,400, and 767,400 for single adults. The minors' grant (207,000),
    /// the disability grants (181,000 once; up to 1,111,000 a year) and the settlement-year
    /// split (135,000 to the district, 20,000 to the education agency) are the seed's.
    public static let rates2016 = GrantRates(
        integration: [
            .adult: [180_000, 233_000, 166_000, 83_400, 55_000],
            .singleAdult: [230_000, 233_000, 166_000, 83_400, 55_000],
            .child: [180_000, 233_000, 166_000, 83_400, 55_000],
            .unaccompaniedMinor: [180_000, 233_000, 166_000, 83_400, 55_000],
        ],
        minor: 207_000, disabilityT1: 181_000, disabilityT2Max: 1_111_000,
        settlementYearSplit: SettlementYearSplit(district: 135_000, educationAgency: 20_000))

    /// The largest rate a table may give: a hundred times the largest the seed names (T2,
    /// NOK 1.1 million), and small enough that a forecast's products and sums over every person
    /// of a country stay far inside Int64.
    public static let maximumAmount: Int64 = 100_000_000

    /// What is wrong with the table, each problem at its field (`integration.child[2]`).
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let positive = Text(
            "expected a positive whole amount of NOK, at most \(Self.maximumAmount)",
            nb: "forventet et positivt helt beløp i kroner, høyst \(Self.maximumAmount)")
        let valid = { (amount: Int64) in (1...Self.maximumAmount).contains(amount) }
        for category in GrantCategory.allCases {
            let field = "integration.\(category.rawValue)"
            guard let amounts = integration[category] else {
                problems.append(FieldProblem(field, Text("is required", nb: "er påkrevd")))
                continue
            }
            guard amounts.count == Self.cohortYears else {
                problems.append(FieldProblem(field, Text(
                    "expected five amounts, cohort years 1 to 5", nb: "forventet fem beløp, årgang 1 til 5")))
                continue
            }
            for (index, amount) in amounts.enumerated() where !valid(amount) { problems.append(FieldProblem("\(field)[\(index)]", positive)) }
        }
        for (field, amount) in [
            ("minor", minor), ("disability_t1", disabilityT1), ("disability_t2_max", disabilityT2Max),
            ("settlement_year_split.district", settlementYearSplit.district),
            ("settlement_year_split.education_agency", settlementYearSplit.educationAgency),
        ] where !valid(amount) {
            problems.append(FieldProblem(field, positive))
        }
        let yearOne = integration.values.compactMap(\.first).min() ?? 0
        if problems.isEmpty, settlementYearSplit.district + settlementYearSplit.educationAgency > yearOne {
            problems.append(FieldProblem("settlement_year_split", Text(
                "is more than the smallest cohort-year-1 grant (\(yearOne))",
                nb: "er mer enn det minste tilskuddet for årgang 1 (\(yearOne))")))
        }
        return problems
    }
}

/// The rates by year.
public struct GrantRateTable: Sendable, Equatable {
    public var years: [Int: GrantRates]

    public init(_ years: [Int: GrantRates]) { self.years = years }

    /// The rates for `year`: its own, else the latest earlier year's; nil when no year is that
    /// early. `year` in the answer is the year whose rates they are.
    public func rates(for year: Int) -> (year: Int, rates: GrantRates)? {
        if let rates = years[year] { return (year, rates) }
        guard let earlier = years.keys.filter({ $0 < year }).max(), let rates = years[earlier] else { return nil }
        return (earlier, rates)
    }
}
