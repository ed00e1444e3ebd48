import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `grants`: the state's grant rates per year (`rates`, keyed by the year as a string).
    ///
    /// Why years merge with the shipped ones: the rates of a past year do not change, and an
    /// office adding next year's table should not have to copy every earlier one; a year given
    /// replaces that year whole (every rate is required), the others stay as shipped.
    public struct Grants: Sendable, Equatable {
        public var rates = GrantRateTable([2016: .rates2016])

        public init() {}
    }
}

extension DaemonConfiguration.Grants: Decodable {
    private enum CodingKeys: String, CodingKey { case rates }

    static let years = 2000...2100

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.rates) else { return }
        // Read as plain JSON: the file's names (`disability_t1`) are not what the decoder's
        // snake_case spelling of a Swift name with a digit gives (`disability_t_1`).
        let entries = try container.decode([String: JSONValue].self, forKey: .rates)
        for key in entries.keys.sorted() {
            guard let entry = entries[key] else { continue }
            guard let year = Int(key), Self.years.contains(year), String(year) == key else {
                throw FieldProblem("rates.\(key)", Text(
                    "expected a year from \(Self.years.lowerBound) to \(Self.years.upperBound) as the key",
                    nb: "forventet et år fra \(Self.years.lowerBound) til \(Self.years.upperBound) som nøkkel")
                ).decodingError(under: container.codingPath)
            }
            let rates: GrantRates
            do {
                rates = try RatesEntry.rates(entry)
                if let problem = rates.problems().first { throw problem }
            } catch let problem as FieldProblem {
                throw problem.nested(in: "rates.\(key)").decodingError(under: container.codingPath)
            }
            self.rates.years[year] = rates
        }
    }
}

/// One year's rates as the file gives them, every field required.
private enum RatesEntry {
    static let fields = ["integration", "minor", "disability_t1", "disability_t2_max", "settlement_year_split"]

    static func rates(_ value: JSONValue) throws(FieldProblem) -> GrantRates {
        let object = try Self.object(value, expected: fields, at: "")
        let integrationObject = try Self.object(try required(object, "integration"), expected: GrantCategory.allCases.map(\.rawValue), at: "integration")
        var integration: [GrantCategory: [Int64]] = [:]
        for category in GrantCategory.allCases {
            let field = "integration.\(category.rawValue)"
            guard let list = try required(integrationObject, category.rawValue, at: field).arrayValue else {
                throw FieldProblem(field, Text("expected a list of five amounts", nb: "forventet en liste med fem beløp"))
            }
            integration[category] = try list.enumerated().map { (index, item) throws(FieldProblem) in try amount(item, at: "\(field)[\(index)]") }
        }
        let split = try Self.object(
            try required(object, "settlement_year_split"), expected: ["district", "education_agency"], at: "settlement_year_split")
        return GrantRates(
            integration: integration, minor: try amount(try required(object, "minor"), at: "minor"),
            disabilityT1: try amount(try required(object, "disability_t1"), at: "disability_t1"),
            disabilityT2Max: try amount(try required(object, "disability_t2_max"), at: "disability_t2_max"),
            settlementYearSplit: GrantRates.SettlementYearSplit(
                district: try amount(try required(split, "district", at: "settlement_year_split.district"), at: "settlement_year_split.district"),
                educationAgency: try amount(
                    try required(split, "education_agency", at: "settlement_year_split.education_agency"),
                    at: "settlement_year_split.education_agency")))
    }

    private static func object(_ value: JSONValue, expected: [String], at field: String) throws(FieldProblem) -> JSONObject {
        guard let object = value.objectValue else {
            throw FieldProblem(field, Text("expected an object", nb: "forventet et objekt"))
        }
        if let unknown = object.keys.sorted().first(where: { !expected.contains($0) }) {
            let list = expected.joined(separator: ", ")
            throw FieldProblem(
                field.isEmpty ? unknown : "\(field).\(unknown)",
                Text("unknown field (expected one of: \(list))", nb: "ukjent felt (forventet ett av: \(list))"))
        }
        return object
    }

    private static func required(_ object: JSONObject, _ key: String, at field: String? = nil) throws(FieldProblem) -> JSONValue {
        guard let value = object[key] else { throw FieldProblem(field ?? key, Text("is required", nb: "er påkrevd")) }
        return value
    }

    private static func amount(_ value: JSONValue, at field: String) throws(FieldProblem) -> Int64 {
        guard let amount = value.intValue else {
            throw FieldProblem(field, Text("expected a whole amount of NOK", nb: "forventet et helt beløp i kroner"))
        }
        return amount
    }
}
