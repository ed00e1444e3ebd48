/// A reception facility as stored: its declared definition and its current head count.
///
/// Why occupancy lives on the facility: the capacity picture is read far more often than
/// it changes, and keeping the count next to the capacity makes every read one row per
/// facility, whatever the length of the arrival history. The declared fields are reached
/// directly (`facility.capacity`) through the definition.
@dynamicMemberLookup
public struct Facility: Sendable, Equatable {
    public var id: String
    public var definition: FacilityDefinition
    public var occupied: Int
    /// The last absolute head count; arrivals and departures since then are derived figures.
    public var lastReportAt: Timestamp?
    /// The last change of the head count by any record.
    public var lastChangeAt: Timestamp?
    /// Set while capacity or expansion is above the cap with an administrator's override.
    public var capOverride: CapOverride?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String, definition: FacilityDefinition, occupied: Int = 0, lastReportAt: Timestamp? = nil,
        lastChangeAt: Timestamp? = nil, capOverride: CapOverride? = nil, createdAt: Timestamp, updatedAt: Timestamp
    ) {
        self.id = id
        self.definition = definition
        self.occupied = occupied
        self.lastReportAt = lastReportAt
        self.lastChangeAt = lastChangeAt
        self.capOverride = capOverride
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// All fields spelled out: for tests and fixtures.
    public init(
        id: String, name: String, kind: FacilityKind, status: FacilityStatus, operatorName: String,
        district: String?, authority: Authority, capacity: Int, expansionCapacity: Int? = nil, blocked: Int = 0,
        note: String? = nil, occupied: Int = 0, lastReportAt: Timestamp? = nil, lastChangeAt: Timestamp? = nil,
        capOverride: CapOverride? = nil, createdAt: Timestamp, updatedAt: Timestamp
    ) {
        self.init(
            id: id,
            definition: FacilityDefinition(
                name: name, kind: kind, status: status, operatorName: operatorName, district: district,
                authority: authority, capacity: capacity, expansionCapacity: expansionCapacity, blocked: blocked, note: note),
            occupied: occupied, lastReportAt: lastReportAt, lastChangeAt: lastChangeAt, capOverride: capOverride,
            createdAt: createdAt, updatedAt: updatedAt)
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<FacilityDefinition, Value>) -> Value {
        get { definition[keyPath: keyPath] }
        set { definition[keyPath: keyPath] = newValue }
    }

    /// `facility/<id>`: the subject of its events and alerts.
    public var subject: String { "facility/\(id)" }

    /// Places that can be used now: capacity less places out of use, and none at all unless
    /// the facility is operating (a closed, planned or standby facility places nobody; its
    /// places are standby capacity or gone). Every surface — a facility, the capacity
    /// picture, `status` — counts from this one figure, so their numbers add up.
    public var available: Int { definition.status.isOperating ? max(0, definition.capacity - definition.blocked) : 0 }

    /// Free places (never negative: an over-full facility has none).
    public var free: Int { max(0, available - occupied) }

    /// Occupied over available places; above 1 when over-full, nil when nothing is available.
    public var utilization: Double? { available > 0 ? Double(occupied) / Double(available) : nil }

    /// More people recorded than available places: an over-full facility, or a closed one
    /// that still has people (who have no counted place).
    public var isOverCapacity: Bool { occupied > available }

    /// People without a counted place here.
    public var overCapacity: Int { max(0, occupied - available) }

    /// The larger of capacity and expansion capacity: what the cap is checked against.
    public var largestCapacity: Int { definition.largestCapacity }

    /// True when an open facility has had no head count for longer than `staleAfter`
    /// (or never had one), so its figures may have drifted from reality.
    public func isStale(at now: Timestamp, staleAfter: FixedDuration) -> Bool {
        guard definition.status.isOperating else { return false }
        guard let lastReportAt else { return true }
        return now.milliseconds(since: lastReportAt) > staleAfter.milliseconds
    }
}

/// An administrator's decision to record a facility above the cap, with the reason.
public struct CapOverride: Sendable, Equatable, Codable {
    public var reason: String
    public var by: String
    public var at: Timestamp
    /// The cap in force when the override was given.
    public var cap: Int

    public init(reason: String, by: String, at: Timestamp, cap: Int) {
        self.reason = reason
        self.by = by
        self.at = at
        self.cap = cap
    }
}
