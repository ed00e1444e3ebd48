import BeredskapCore

/// `PUT /v1/housing/{id}`: the unit's declared fields. A municipal lease without `lease_end`
/// ends three years after `available_from`.
public struct HousingUnitBody: Sendable, Codable, Equatable {
    public var district: String
    public var kind: HousingKind
    public var rooms: Int
    public var size: Double?
    public var accessible: Bool?
    public var availableFrom: CalendarDate
    public var leaseEnd: CalendarDate?
    public var note: String?

    public init(
        district: String, kind: HousingKind, rooms: Int, size: Double? = nil, accessible: Bool? = nil,
        availableFrom: CalendarDate, leaseEnd: CalendarDate? = nil, note: String? = nil
    ) {
        self.district = district
        self.kind = kind
        self.rooms = rooms
        self.size = size
        self.accessible = accessible
        self.availableFrom = availableFrom
        self.leaseEnd = leaseEnd
        self.note = note
    }
}

/// Where a unit stands today.
public enum HousingUnitStatus: String, Sendable, Codable, CaseIterable {
    /// Unassigned and available.
    case free
    /// Unassigned, available from a later date.
    case coming
    /// Assigned to a case that is not settled yet.
    case reserved
    /// Assigned to a settled case: the household lives there.
    case occupied
    /// A municipal lease that has ended.
    case leaseEnded
}

/// A unit as the API shows it: its fields (flat) and where it stands today.
public struct HousingUnitResource: Sendable, Codable, Equatable {
    public var unit: HousingUnit
    public var status: HousingUnitStatus

    public init(_ unit: HousingUnit, status: HousingUnitStatus) {
        self.unit = unit
        self.status = status
    }

    private enum CodingKeys: String, CodingKey { case status }

    public init(from decoder: any Decoder) throws {
        unit = try HousingUnit(from: decoder)
        status = try decoder.container(keyedBy: CodingKeys.self).decode(HousingUnitStatus.self, forKey: .status)
    }

    public func encode(to encoder: any Encoder) throws {
        try unit.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
    }
}

/// `GET /v1/housing`.
public struct HousingUnitList: Sendable, Codable, Equatable {
    public var units: [HousingUnitResource]

    public init(units: [HousingUnitResource]) { self.units = units }
}

/// `POST /v1/housing/{id}/assign`.
public struct HousingAssignment: Sendable, Codable, Equatable {
    public var `case`: Int64

    public init(case id: Int64) { `case` = id }
}

/// `GET /v1/housing/leases`: municipal leases ending within `within_days` of `date`, soonest first.
public struct HousingLeaseList: Sendable, Codable, Equatable {
    public var date: CalendarDate
    public var withinDays: Int
    public var leases: [HousingLeaseReview.Entry]

    public init(date: CalendarDate, withinDays: Int, leases: [HousingLeaseReview.Entry]) {
        self.date = date
        self.withinDays = withinDays
        self.leases = leases
    }
}
