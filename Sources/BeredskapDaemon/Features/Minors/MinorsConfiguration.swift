import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `minors`: who answers for unaccompanied minors in each district, and what placements
    /// cost a year when a placement does not say.
    ///
    /// Why the service is here as well as in the districts' reference data
    /// (`minors_service`): a state directory whose districts were never loaded from
    /// `Config/oslo/districts.json5` still needs an answer; the district's own value wins
    /// when it has one. The defaults are the 2016 strategy's: child welfare in 13 districts,
    /// NAV in Sagene and Grünerløkka. Only the two costs the seed gives are shipped; a
    /// placement of another type without a cost is refused rather than counted as free.
    public struct Minors: Sendable, Equatable {
        public var defaultService = MinorsService.childWelfare
        public var districtServices: [String: MinorsService] = ["sagene": .nav, "grunerlokka": .nav]
        /// Whole NOK a year per placement type.
        public var placementCosts: [PlacementType: Int64] = [.professionalFamilyHome: 1_300_000, .folkHighSchool: 200_000]

        public init() {}

        /// The service in `district`: its reference data's, else this section's for it, else the default.
        public func service(in district: String?, recorded: MinorsService?) -> MinorsService {
            recorded ?? district.flatMap { districtServices[$0] } ?? defaultService
        }
    }
}

extension DaemonConfiguration.Minors: Decodable {
    private enum CodingKeys: String, CodingKey { case responsibleService, placementCosts }

    private struct ServiceEntry: Decodable {
        var `default`: MinorsService?
        var districts: [String: MinorsService]?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let entry = try container.decodeIfPresent(ServiceEntry.self, forKey: .responsibleService) {
            defaultService = entry.default ?? defaultService
            if let districts = entry.districts {
                let known = Set(District.oslo.map(\.id))
                for district in districts.keys.sorted() where !known.contains(district) {
                    throw FieldProblem("responsible_service.districts.\(district)", Text(
                        "unknown district (known: \(known.sorted().joined(separator: ", ")))",
                        nb: "ukjent bydel (kjente: \(known.sorted().joined(separator: ", ")))")
                    ).decodingError(under: container.codingPath)
                }
                districtServices = districts
            }
        }
        if let costs = try container.decodeIfPresent([String: Int64].self, forKey: .placementCosts) {
            var checked: [PlacementType: Int64] = [:]
            for (key, cost) in costs.sorted(by: { $0.key < $1.key }) {
                let field = "placement_costs.\(key)"
                guard let type = PlacementType(rawValue: key) else {
                    let types = PlacementType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw FieldProblem(field, Text("unknown placement type (known: \(types))", nb: "ukjent tiltakstype (kjente: \(types))"))
                        .decodingError(under: container.codingPath)
                }
                guard (0...Placement.maximumAnnualCost).contains(cost) else {
                    throw FieldProblem(field, Text(
                        "expected 0 to \(Placement.maximumAnnualCost) NOK a year",
                        nb: "forventet 0 til \(Placement.maximumAnnualCost) kroner i året")
                    ).decodingError(under: container.codingPath)
                }
                checked[type] = cost
            }
            placementCosts = checked
        }
    }
}
