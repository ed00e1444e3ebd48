/// A city district (bydel): the host of facilities and, later, the unit of settlement quotas.
public struct District: Sendable, Equatable, Codable {
    public var id: String
    /// The official two-digit number (01–15 in Oslo).
    public var number: Int
    public var name: String
    /// Population by year (1 January), from SSB; used by quota allocation.
    public var population: [String: Int]

    public init(id: String, number: Int, name: String, population: [String: Int] = [:]) {
        self.id = id
        self.number = number
        self.name = name
        self.population = population
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
