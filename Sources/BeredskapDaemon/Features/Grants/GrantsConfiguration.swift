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
        let entries = try container.decode([String: RatesEntry].self, forKey: .rates)
        for key in entries.keys.sorted() {
            guard let entry = entries[key] else { continue }
            guard let year = Int(key), Self.years.contains(year), String(year) == key else {
                throw FieldProblem("rates.\(key)", Text(
                    "expected a year from \(Self.years.lowerBound) to \(Self.years.upperBound) as the key",
                    nb: "forventet et år fra \(Self.years.lowerBound) til \(Self.years.upperBound) som nøkkel")
                ).decodingError(under: container.codingPath)
            }
            let rates = entry.rates
            if let problem = rates.problems().first {
                throw problem.nested(in: "rates.\(key)").decodingError(under: container.codingPath)
            }
            self.rates.years[year] = rates
        }
    }
}

/// One year's rates as the file gives them: every field required.
private struct RatesEntry: Decodable {
    struct Integration: Decodable {
        var adult: [Int64]
        var singleAdult: [Int64]
        var child: [Int64]
        var unaccompaniedMinor: [Int64]
    }

    struct Split: Decodable {
        var district: Int64
        var educationAgency: Int64
    }

    var integration: Integration
    var minor: Int64
    var disabilityT1: Int64
    var disabilityT2Max: Int64
    var settlementYearSplit: Split

    var rates: GrantRates {
        GrantRates(
            integration: [
                .adult: integration.adult, .singleAdult: integration.singleAdult, .child: integration.child,
                .unaccompaniedMinor: integration.unaccompaniedMinor,
            ],
            minor: minor, disabilityT1: disabilityT1, disabilityT2Max: disabilityT2Max,
            settlementYearSplit: GrantRates.SettlementYearSplit(
                district: settlementYearSplit.district, educationAgency: settlementYearSplit.educationAgency))
    }
}
