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
