/// A city district (bydel): the host of facilities and the unit of settlement quotas.
///
/// Why the reference data lives here: the quota allocation weighs districts by these figures
/// (population, immigrant share, refugees settled per 1000), and the office needs to know whom
/// to call (the contact point, recommendation 38) and which service settles unaccompanied minors.
public struct District: Sendable, Equatable, Codable {
    public var id: String
    /// The official two-digit number (01–15 in Oslo).
    public var number: Int
    public var name: String
    /// Population by year (1 January), from SSB; used by quota allocation.
    public var population: [String: Int]
    /// Immigrants as a percentage of the population, by year (SSB: 34.3 for Alna in 2015).
    public var immigrantShare: [String: Double]
    /// Refugees settled per 1000 inhabitants, by year (0.9 for Alna in 2014).
    public var refugeesPer1000: [String: Double]
    /// Whom the office and IMDi contact about settlement in this district.
    public var contact: DistrictContact?
    /// Which service settles unaccompanied minors here.
    public var minorsService: MinorsService?
    /// Municipal homes the district has for settlement.
    public var municipalHousingUnits: Int?

    public init(
        id: String, number: Int, name: String, population: [String: Int] = [:], immigrantShare: [String: Double] = [:],
        refugeesPer1000: [String: Double] = [:], contact: DistrictContact? = nil, minorsService: MinorsService? = nil,
        municipalHousingUnits: Int? = nil
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.population = population
        self.immigrantShare = immigrantShare
        self.refugeesPer1000 = refugeesPer1000
        self.contact = contact
        self.minorsService = minorsService
        self.municipalHousingUnits = municipalHousingUnits
    }

    private enum CodingKeys: String, CodingKey {
        case id, number, name, population, immigrantShare, refugeesPer1000, contact, minorsService, municipalHousingUnits
    }

    /// The reference data is optional on the wire: a district written before it existed has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            number: try container.decode(Int.self, forKey: .number),
            name: try container.decode(String.self, forKey: .name),
            population: try container.decodeIfPresent([String: Int].self, forKey: .population) ?? [:],
            immigrantShare: try container.decodeIfPresent([String: Double].self, forKey: .immigrantShare) ?? [:],
            refugeesPer1000: try container.decodeIfPresent([String: Double].self, forKey: .refugeesPer1000) ?? [:],
            contact: try container.decodeIfPresent(DistrictContact.self, forKey: .contact),
            minorsService: try container.decodeIfPresent(MinorsService.self, forKey: .minorsService),
            municipalHousingUnits: try container.decodeIfPresent(Int.self, forKey: .municipalHousingUnits))
    }

    /// Oslo's 15 districts with the ids and numbers of the API contract. The database starts
    /// with them, so facilities can name their district before any reference data is loaded;
    /// `beredskap seed Config/oslo` adds the population figures.
    public static let oslo: [District] = [
        ("gamle-oslo", "Gamle Oslo"), ("grunerlokka", "Grünerløkka"), ("sagene", "Sagene"),
        ("st-hanshaugen", "St. Hanshaugen"), ("frogner", "Frogner"), ("ullern", "Ullern"),
        ("vestre-aker", "Vestre Aker"), ("nordre-aker", "Nordre Aker"), ("bjerke", "Bjerke"), ("grorud", "Grorud"),
        ("stovner", "Stovner"), ("alna", "Alna"), ("ostensjo", "Østensjø"), ("nordstrand", "Nordstrand"),
        ("sondre-nordstrand", "Søndre Nordstrand"),
    ].enumerated().map { index, district in District(id: district.0, number: index + 1, name: district.1) }
}
