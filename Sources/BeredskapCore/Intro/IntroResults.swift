import BeredskapJSON

/// Where a year's results come from: the office's own programmes, or the figures the strategy
/// published for 2010–2015 (`IntroReference`) when none of that year's are recorded.
public enum IntroResultSource: String, JSONStringEnum {
    case recorded, reference
}

/// The national share in work or education for a year (`intro.national_average`), right after
/// the programme and one year after; either may be unknown.
public struct IntroNationalAverage: Sendable, Equatable, Codable {
    public var rightAfter: Double?
    public var oneYearAfter: Double?

    public init(rightAfter: Double? = nil, oneYearAfter: Double? = nil) {
        self.rightAfter = rightAfter
        self.oneYearAfter = oneYearAfter
    }
}

/// A share in work or education of a number of participants, as it may be published.
///
/// Why `share` is nil rather than 0 when suppressed: official statistics do not publish a
/// share of fewer than a minimum of participants ("u.off."), since one or two people would be
/// the whole figure and could be recognised; a 0 would read as "nobody", which is false.
public struct IntroShare: Sendable, Equatable {
    /// Nil when the source does not give it (the reference's "u.off." and its one-year table).
    public var participants: Int?
    public var share: Double?
    public var suppressed: Bool
    /// Below the national average of the year; nil when either is unknown or suppressed.
    public var belowNational: Bool?

    public init(participants: Int?, share: Double?, suppressed: Bool, belowNational: Bool?) {
        self.participants = participants
        self.share = share
        self.suppressed = suppressed
        self.belowNational = belowNational
    }

    /// `counted` of `participants`, suppressed below `minimum` participants. With none there
    /// is no share at all, and nothing suppressed: "no participants" is not a secret.
    public static func of(_ counted: Int, participants: Int, minimum: Int, national: Double?) -> IntroShare {
        guard participants > 0 else { return IntroShare(participants: 0, share: nil, suppressed: false, belowNational: nil) }
        return published(Double(counted) / Double(participants), participants: participants, minimum: minimum, national: national)
    }

    /// A share as given, suppressed when its participants are known and below `minimum`.
    public static func published(_ share: Double, participants: Int?, minimum: Int, national: Double?) -> IntroShare {
        if let participants, SmallCounts.belowMinimum(participants, minimum: minimum) {
            return IntroShare(participants: participants, share: nil, suppressed: true, belowNational: nil)
        }
        return IntroShare(participants: participants, share: share, suppressed: false, belowNational: national.map { share < $0 })
    }

    /// The reference's "u.off.": too few to publish, and how few not said.
    public static let notPublished = IntroShare(participants: nil, share: nil, suppressed: true, belowNational: nil)
}

/// One programme's outcome as the results count it: what an erasure keeps (district, the
/// year it ended, the reason, the status a year after).
public struct IntroOutcome: Sendable, Equatable {
    public var district: String?
    public var endYear: Int
    public var reason: IntroEndReason
    public var status: IntroFollowUpStatus?

    public init(district: String?, endYear: Int, reason: IntroEndReason, status: IntroFollowUpStatus?) {
        self.district = district
        self.endYear = endYear
        self.reason = reason
        self.status = status
    }
}

/// `GET /v1/intro/results?year=`: per district the share in work or education right after
/// the programme (those whose programme ended in the year) and one year after (of those, the
/// ones whose status is recorded), against the national average; and the city's.
public struct IntroResults: Sendable, Equatable {
    public struct District: Sendable, Equatable {
        public var district: String
        public var rightAfter: IntroShare
        /// Nil when the source has no such figure (the reference outside 2014).
        public var oneYearAfter: IntroShare?

        public init(district: String, rightAfter: IntroShare, oneYearAfter: IntroShare?) {
            self.district = district
            self.rightAfter = rightAfter
            self.oneYearAfter = oneYearAfter
        }
    }

    public var year: Int
    public var source: IntroResultSource
    public var districts: [District]
    /// The whole city (persons with no district included).
    public var city: District
    public var national: IntroNationalAverage

    public init(year: Int, source: IntroResultSource, districts: [District], city: District, national: IntroNationalAverage) {
        self.year = year
        self.source = source
        self.districts = districts
        self.city = city
        self.national = national
    }

    /// The year's results: from `outcomes` when any ended in `year`, else from `reference`
    /// when it has the year, else every district suppressed with no participants. `districts`
    /// gives the rows and their order.
    public static func compute(
        year: Int, districts: [String], outcomes: [IntroOutcome], minimum: Int, national: IntroNationalAverage,
        reference: IntroReference.Year?
    ) -> IntroResults {
        let ended = outcomes.filter { $0.endYear == year }
        if ended.isEmpty, let reference {
            return fromReference(year: year, districts: districts, reference, minimum: minimum, national: national)
        }
        func result(_ name: String, _ outcomes: [IntroOutcome]) -> District {
            let followed = outcomes.compactMap(\.status)
            return District(
                district: name,
                rightAfter: .of(
                    outcomes.count(where: { IntroWorkOrEducation.counts($0.reason) }), participants: outcomes.count, minimum: minimum,
                    national: national.rightAfter),
                oneYearAfter: .of(
                    followed.count(where: { IntroWorkOrEducation.counts($0) }), participants: followed.count, minimum: minimum,
                    national: national.oneYearAfter))
        }
        return IntroResults(
            year: year, source: .recorded,
            districts: districts.map { district in result(district, ended.filter { $0.district == district }) },
            city: result("oslo", ended), national: national)
    }

    private static func fromReference(
        year: Int, districts: [String], _ reference: IntroReference.Year, minimum: Int, national: IntroNationalAverage
    ) -> IntroResults {
        func share(_ cell: IntroReference.Cell?, _ national: Double?) -> IntroShare {
            guard let cell, let percent = cell.percent else { return .notPublished }
            return .published(Double(percent) / 100, participants: cell.participants, minimum: minimum, national: national)
        }
        func result(_ name: String, _ rightAfter: IntroReference.Cell?, _ oneYearAfter: IntroReference.Cell?) -> District {
            District(
                district: name, rightAfter: share(rightAfter, national.rightAfter),
                oneYearAfter: reference.hasOneYearAfter ? share(oneYearAfter, national.oneYearAfter) : nil)
        }
        return IntroResults(
            year: year, source: .reference,
            districts: districts.map { result($0, reference.rightAfter[$0], reference.oneYearAfter[$0]) },
            city: result("oslo", reference.cityRightAfter, reference.cityOneYearAfter), national: national)
    }
}
