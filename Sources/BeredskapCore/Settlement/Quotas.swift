import BeredskapJSON

/// How a year's district quotas were arrived at: an allocation preview's method, set by hand,
/// or loaded as reference figures (the seed's 2015 and 2016 table).
public enum QuotaMethod: String, JSONStringEnum {
    case population, weighted, manual, reference
}

/// Where a settlement record came from: recorded by the office, imported from a spreadsheet,
/// written by a settlement case that reached `settled`, or loaded as reference figures.
public enum SettlementRecordSource: String, JSONStringEnum {
    case recorded, imported, `case`, reference
}

/// One year's quotas as adopted: a version of the city's split between the districts.
///
/// Why versions: adoption is an audited step, and the council may re-allocate during the
/// year; every earlier version is kept so that "who adopted which quotas when" can be answered.
public struct QuotaVersion: Sendable, Equatable {
    public var year: Int
    /// 1, 2, … per year; the highest is the one in force.
    public var version: Int
    /// Persons per district id.
    public var quotas: [String: Int]
    public var method: QuotaMethod
    public var reason: String?
    public var adoptedAt: Timestamp
    public var adoptedBy: Principal

    public init(
        year: Int, version: Int, quotas: [String: Int], method: QuotaMethod, reason: String?, adoptedAt: Timestamp,
        adoptedBy: Principal
    ) {
        self.year = year
        self.version = version
        self.quotas = quotas
        self.method = method
        self.reason = reason
        self.adoptedAt = adoptedAt
        self.adoptedBy = adoptedBy
    }

    /// The city's number: the sum over the districts.
    public var total: Int { quotas.values.reduce(0, +) }
}

/// The checks of a set of quotas, before anything is adopted: every district exactly once,
/// no other, and no negative number.
public enum QuotaRules {
    /// The problems of `quotas` against the city's `districts` (ids), each naming the field
    /// (`quotas.ullern`); empty when the quotas can be adopted.
    public static func problems(_ quotas: [String: Int], districts: [String]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for district in districts where quotas[district] == nil {
            problems.append(FieldProblem("quotas.\(district)", Text("is missing: every district needs a quota (0 for none)", nb: "mangler: hver bydel trenger en kvote (0 for ingen)")))
        }
        let known = Set(districts)
        for district in quotas.keys.sorted() where !known.contains(district) {
            problems.append(FieldProblem("quotas.\(district)", Text("no such district", nb: "ingen slik bydel")))
        }
        for (district, quota) in quotas.sorted(by: { $0.key < $1.key }) where quota < 0 || quota > maximumQuota {
            problems.append(FieldProblem("quotas.\(district)", Text("expected an integer between 0 and \(maximumQuota)", nb: "forventet et heltall mellom 0 og \(maximumQuota)")))
        }
        return problems
    }

    /// More persons than any district could settle in a year: a typo, not a quota.
    public static let maximumQuota = 100_000
}
