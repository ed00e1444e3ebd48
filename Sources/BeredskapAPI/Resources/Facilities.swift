import BeredskapCore
import BeredskapJSON

/// `PUT /v1/facilities/{id}`: the whole declared facility. `PATCH` takes any subset of
/// these fields as a JSON merge patch (RFC 7396: `null` clears an optional field).
public struct FacilityBody: Sendable, Codable, Equatable {
    public var name: String
    public var kind: FacilityKind
    public var status: FacilityStatus
    public var `operator`: String
    public var district: String?
    public var authority: Authority
    public var capacity: Int
    public var expansionCapacity: Int?
    public var blocked: Int?
    public var note: String?
    /// Required (with `admin`) to store capacity or expansion above the cap.
    public var capOverride: CapOverrideRequest?

    public init(
        name: String, kind: FacilityKind, status: FacilityStatus, operator: String, district: String?,
        authority: Authority, capacity: Int, expansionCapacity: Int? = nil, blocked: Int? = nil, note: String? = nil,
        capOverride: CapOverrideRequest? = nil
    ) {
        self.name = name
        self.kind = kind
        self.status = status
        self.operator = `operator`
        self.district = district
        self.authority = authority
        self.capacity = capacity
        self.expansionCapacity = expansionCapacity
        self.blocked = blocked
        self.note = note
        self.capOverride = capOverride
    }

    public init(_ definition: FacilityDefinition) {
        self.init(
            name: definition.name, kind: definition.kind, status: definition.status, operator: definition.operatorName,
            district: definition.district, authority: definition.authority, capacity: definition.capacity,
            expansionCapacity: definition.expansionCapacity, blocked: definition.blocked, note: definition.note)
    }

    public var definition: FacilityDefinition {
        FacilityDefinition(
            name: name, kind: kind, status: status, operatorName: `operator`, district: district, authority: authority,
            capacity: capacity, expansionCapacity: expansionCapacity, blocked: blocked ?? 0, note: note)
    }
}

/// `"cap_override": {"reason": "…"}`.
public struct CapOverrideRequest: Sendable, Codable, Equatable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// A facility as the API shows it: declared fields plus computed occupancy figures.
public struct FacilityResource: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var kind: FacilityKind
    public var status: FacilityStatus
    public var `operator`: String
    @NullEncoded public var district: String?
    public var authority: Authority
    public var capacity: Int
    @NullEncoded public var expansionCapacity: Int?
    public var blocked: Int
    /// capacity − blocked.
    public var available: Int
    public var occupied: Int
    /// Free places (0 when over-full).
    public var free: Int
    /// occupied / available; above 1 when over-full; null when nothing is available.
    @NullEncoded public var utilization: Double?
    /// More people than available places.
    public var overCapacity: Bool
    /// Capacity or expansion above the cap (stored with an administrator's override).
    public var overCap: Bool
    @NullEncoded public var capOverride: CapOverride?
    /// The last absolute head count.
    @NullEncoded public var lastReportAt: Timestamp?
    /// The last change of the head count by any record.
    @NullEncoded public var lastChangeAt: Timestamp?
    /// Operating, and no head count for longer than the configured `capacity.stale_after`.
    public var stale: Bool
    @NullEncoded public var note: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(_ facility: Facility, cap: Int, stale: Bool) {
        id = facility.id
        name = facility.name
        kind = facility.kind
        status = facility.status
        self.operator = facility.operatorName
        district = facility.district
        authority = facility.authority
        capacity = facility.capacity
        expansionCapacity = facility.expansionCapacity
        blocked = facility.blocked
        available = facility.available
        occupied = facility.occupied
        free = facility.free
        utilization = facility.utilization.map(Rounding.ratio)
        overCapacity = facility.isOverCapacity
        overCap = facility.largestCapacity > cap
        capOverride = facility.capOverride
        lastReportAt = facility.lastReportAt
        lastChangeAt = facility.lastChangeAt
        self.stale = stale
        note = facility.note
        createdAt = facility.createdAt
        updatedAt = facility.updatedAt
    }
}

/// `GET /v1/facilities`.
public struct FacilityList: Sendable, Codable, Equatable {
    public var facilities: [FacilityResource]
    /// The listed facilities together, counted as `GET /v1/capacity` counts (`CapacityFigures`).
    public var total: CapacityTotals
    /// The per-facility cap in force.
    public var cap: Int

    public init(facilities: [FacilityResource], total: CapacityTotals, cap: Int) {
        self.facilities = facilities
        self.total = total
        self.cap = cap
    }
}

/// A facility after a `PUT` or `PATCH`: the facility's fields, flat as every mutation answers,
/// plus `created`, `changed` (false when the request changed nothing: then no event was
/// appended and `event_seq` is the facility's last one) and `event_seq`.
public struct FacilityChanged: Sendable, Codable, Equatable {
    public var facility: FacilityResource
    public var created: Bool
    public var changed: Bool
    public var eventSeq: Int64

    public init(facility: FacilityResource, created: Bool, changed: Bool, eventSeq: Int64) {
        self.facility = facility
        self.created = created
        self.changed = changed
        self.eventSeq = eventSeq
    }

    private enum CodingKeys: String, CodingKey { case created, changed, eventSeq }

    public init(from decoder: any Decoder) throws {
        facility = try FacilityResource(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        created = try container.decode(Bool.self, forKey: .created)
        changed = try container.decode(Bool.self, forKey: .changed)
        eventSeq = try container.decode(Int64.self, forKey: .eventSeq)
    }

    public func encode(to encoder: any Encoder) throws {
        try facility.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(created, forKey: .created)
        try container.encode(changed, forKey: .changed)
        try container.encode(eventSeq, forKey: .eventSeq)
    }
}

/// Rounds ratios for the wire: four decimals are plenty for a utilization.
public enum Rounding {
    public static func ratio(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
