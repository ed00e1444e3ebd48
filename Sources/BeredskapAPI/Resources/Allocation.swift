import BeredskapCore
import BeredskapJSON

/// The two ways of splitting a year's number between the districts.
public enum AllocationMethodName: String, JSONStringEnum {
    case population, weighted
}

/// `POST /v1/settlement/years/{year}/allocation`: `{"method":"population","population_year":2016}`
/// or `{"method":"weighted","criteria":[…]}`; `total` overrides the year's council decision.
public struct AllocationRequest: Sendable, Codable, Equatable {
    public var method: AllocationMethodName
    /// For `population`; default the allocation's year.
    public var populationYear: Int?
    /// For `weighted`.
    public var criteria: [Criterion]?
    public var total: Int?

    public init(method: AllocationMethodName, populationYear: Int? = nil, criteria: [Criterion]? = nil, total: Int? = nil) {
        self.method = method
        self.populationYear = populationYear
        self.criteria = criteria
        self.total = total
    }

    /// One weighted criterion; without `values` they come from the districts' reference data
    /// (`population`, `immigrant_share`, `refugees_per_1000` for `year`, or `housing`).
    public struct Criterion: Sendable, Codable, Equatable {
        public var name: String
        public var weight: Double
        public var direction: AllocationDirection
        public var values: [String: Double]?
        public var year: Int?

        public init(name: String, weight: Double, direction: AllocationDirection, values: [String: Double]? = nil, year: Int? = nil) {
            self.name = name
            self.weight = weight
            self.direction = direction
            self.values = values
            self.year = year
        }
    }
}

/// The preview: each district's exact share, quota and the contribution of each criterion.
/// Nothing is stored.
public struct AllocationResponse: Sendable, Codable, Equatable {
    public var year: Int
    public var method: AllocationMethodName
    public var total: Int
    /// Where the total came from: `council_decision` (the year's) or `request`.
    public var totalSource: String
    /// The tie rule, in words.
    public var tieBreak: String
    /// The criteria as used: weights normalised to sum to 1, the year of reference data each
    /// took, and the value per district it weighed.
    public var criteria: [QuotaAllocation.UsedCriterion]
    public var districts: [DistrictShare]

    /// The version of the quotas in force for the year that `adopted_quota` and
    /// `difference_to_adopted` compare with; nil when none were adopted.
    public var adoptedVersion: Int?
    /// The total of those quotas.
    public var adoptedTotal: Int?

    public init(
        year: Int, method: AllocationMethodName, total: Int, totalSource: String, tieBreak: String, criteria: [QuotaAllocation.UsedCriterion],
        districts: [DistrictShare]
    ) {
        self.year = year
        self.method = method
        self.total = total
        self.totalSource = totalSource
        self.tieBreak = tieBreak
        self.criteria = criteria
        self.districts = districts
    }

    public struct DistrictShare: Sendable, Codable, Equatable {
        public var district: String
        public var number: Int
        public var name: String
        public var share: Double
        public var exact: Double
        public var quota: Int
        /// Each criterion's part of `share`, by criterion name.
        public var contributions: [String: Double]
        /// The quota adopted for this district for the year, when quotas have been adopted.
        public var adoptedQuota: Int?
        /// `quota` − `adopted_quota`: what a re-allocation would change.
        public var differenceToAdopted: Int?

        public init(
            district: String, number: Int, name: String, share: Double, exact: Double, quota: Int, contributions: [String: Double],
            adoptedQuota: Int? = nil, differenceToAdopted: Int? = nil
        ) {
            self.district = district
            self.number = number
            self.name = name
            self.share = share
            self.exact = exact
            self.quota = quota
            self.contributions = contributions
            self.adoptedQuota = adoptedQuota
            self.differenceToAdopted = differenceToAdopted
        }
    }
}
