import BeredskapJSON

/// Which way a criterion pulls: towards districts with high values or with low ones. A high
/// immigrant share should give fewer refugees (`lessGetsMore`); more municipal homes, more.
public enum AllocationDirection: String, JSONStringEnum {
    case moreGetsMore = "more_gets_more"
    case lessGetsMore = "less_gets_more"
}

/// One criterion of the weighted model (the 2016 strategy discusses the share of refugees, the
/// share of immigrants, housing, the district's capacity and its introduction results): a
/// name, a weight, a direction, and a value per district.
public struct AllocationCriterion: Sendable, Equatable {
    public var name: String
    public var weight: Double
    public var direction: AllocationDirection
    /// A value per district id; nil takes them from the districts' reference data
    /// (`ReferenceFigure`) for `year`.
    public var values: [String: Double]?
    /// The year of reference data; nil takes the latest year every district has.
    public var year: Int?

    public init(
        _ name: String, weight: Double, direction: AllocationDirection = .moreGetsMore, values: [String: Double]? = nil,
        year: Int? = nil
    ) {
        self.name = name
        self.weight = weight
        self.direction = direction
        self.values = values
        self.year = year
    }

    /// The criteria whose values can come from the districts themselves.
    public enum ReferenceFigure: String, Sendable, CaseIterable {
        /// `District.population`, by year.
        case population
        /// `District.immigrantShare`, by year.
        case immigrantShare = "immigrant_share"
        /// `District.refugeesPer1000`, by year.
        case refugeesPer1000 = "refugees_per_1000"
        /// `District.municipalHousingUnits`, without a year.
        case housing

        var hasYears: Bool { self != .housing }

        /// The district's figures by year (`"2015"`), or its one figure under `""`.
        func figures(of district: District) -> [String: Double] {
            switch self {
            case .population: district.population.mapValues(Double.init)
            case .immigrantShare: district.immigrantShare
            case .refugeesPer1000: district.refugeesPer1000
            case .housing: district.municipalHousingUnits.map { ["": Double($0)] } ?? [:]
            }
        }
    }
}
