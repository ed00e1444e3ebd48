import BeredskapCore
import BeredskapJSON

/// Totals for the city, a kind or a district (see `CapacityFigures` for the rules).
public struct CapacityTotals: Sendable, Codable, Equatable {
    public var facilities: Int
    public var capacity: Int
    public var blocked: Int
    public var available: Int
    public var occupied: Int
    public var free: Int
    public var overCapacity: Int
    @NullEncoded public var utilization: Double?
    public var standbyCapacity: Int

    public init(_ figures: CapacityFigures) {
        facilities = figures.facilities
        capacity = figures.capacity
        blocked = figures.blocked
        available = figures.available
        occupied = figures.occupied
        free = figures.free
        overCapacity = figures.overCapacity
        utilization = figures.utilization.map(Rounding.ratio)
        standbyCapacity = figures.standbyCapacity
    }
}

extension StatusResponse.Capacity {
    /// The city's totals, as `GET /v1/capacity` has them.
    public init(_ totals: CapacityTotals) {
        self.init(
            capacity: totals.capacity, blocked: totals.blocked, available: totals.available, occupied: totals.occupied,
            free: totals.free, overCapacity: totals.overCapacity, utilization: totals.utilization ?? 0,
            standbyCapacity: totals.standbyCapacity)
    }
}

/// `GET /v1/capacity`.
public struct CapacityResponse: Sendable, Codable, Equatable {
    public var total: CapacityTotals
    public var byKind: [String: CapacityTotals]
    public var byDistrict: [String: CapacityTotals]
    public var cap: Int
    /// Operating facilities without a recent head count.
    public var staleFacilities: [String]
    /// Facilities with more people than available places.
    public var overCapacityFacilities: [String]
    /// Facilities with capacity or expansion above the cap.
    public var overCapFacilities: [String]
    public var at: Timestamp

    public init(
        total: CapacityTotals, byKind: [String: CapacityTotals], byDistrict: [String: CapacityTotals], cap: Int,
        staleFacilities: [String], overCapacityFacilities: [String], overCapFacilities: [String], at: Timestamp
    ) {
        self.total = total
        self.byKind = byKind
        self.byDistrict = byDistrict
        self.cap = cap
        self.staleFacilities = staleFacilities
        self.overCapacityFacilities = overCapacityFacilities
        self.overCapFacilities = overCapFacilities
        self.at = at
    }
}

/// `GET /v1/surge`.
public struct SurgeResponse: Sendable, Codable, Equatable {
    public struct Forecast: Sendable, Codable, Equatable {
        @NullEncoded public var daysToFull: Double?
        public var netPerDay: Double
        public var free: Int

        public init(daysToFull: Double?, netPerDay: Double, free: Int) {
            self.daysToFull = daysToFull
            self.netPerDay = netPerDay
            self.free = free
        }
    }

    public var level: SurgeLevel
    /// When the current level was entered (null if it has always been normal).
    @NullEncoded public var since: Timestamp?
    /// The threshold that holds the level (null at normal).
    @NullEncoded public var reason: String?
    public var arrivals24h: Int
    public var arrivals7d: Int
    public var baselinePerDay: Double
    /// arrivals_24h / baseline_per_day; null when the baseline is zero.
    @NullEncoded public var ratio: Double?
    public var baselineDays: Int
    public var recentDays: Int
    public var forecast: [String: Forecast]
    public var at: Timestamp

    public init(
        level: SurgeLevel, since: Timestamp?, reason: String?, arrivals24h: Int, arrivals7d: Int, baselinePerDay: Double,
        ratio: Double?, baselineDays: Int, recentDays: Int, forecast: [String: Forecast], at: Timestamp
    ) {
        self.level = level
        self.since = since
        self.reason = reason
        self.arrivals24h = arrivals24h
        self.arrivals7d = arrivals7d
        self.baselinePerDay = baselinePerDay
        self.ratio = ratio
        self.baselineDays = baselineDays
        self.recentDays = recentDays
        self.forecast = forecast
        self.at = at
    }
}

// Hand-built JSON for the capacity picture, read often (checked against `Encodable` in tests).

extension CapacityTotals: JSONRepresentable {
    public var jsonValue: JSONValue {
        .object(JSONObject([
            ("facilities", .integer(Int64(facilities))), ("capacity", .integer(Int64(capacity))),
            ("blocked", .integer(Int64(blocked))), ("available", .integer(Int64(available))),
            ("occupied", .integer(Int64(occupied))), ("free", .integer(Int64(free))),
            ("over_capacity", .integer(Int64(overCapacity))), ("utilization", utilization.map(JSONValue.double) ?? .null),
            ("standby_capacity", .integer(Int64(standbyCapacity))),
        ]))
    }
}

extension CapacityResponse: JSONRepresentable {
    public var jsonValue: JSONValue {
        func group(_ totals: [String: CapacityTotals]) -> JSONValue {
            .object(JSONObject(totals.keys.sorted().map { ($0, totals[$0]?.jsonValue ?? .null) }))
        }
        func list(_ ids: [String]) -> JSONValue { .array(ids.map(JSONValue.string)) }
        return .object(JSONObject([
            ("total", total.jsonValue), ("by_kind", group(byKind)), ("by_district", group(byDistrict)),
            ("cap", .integer(Int64(cap))), ("stale_facilities", list(staleFacilities)),
            ("over_capacity_facilities", list(overCapacityFacilities)), ("over_cap_facilities", list(overCapFacilities)),
            ("at", .string(at.rfc3339)),
        ]))
    }
}
