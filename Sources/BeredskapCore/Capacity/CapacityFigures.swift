/// Totals over a set of facilities: what `GET /v1/capacity` shows for the city, a kind or
/// a district.
///
/// Why these rules:
/// - only `open` and `closing` facilities count as capacity: a planned facility has no beds yet;
/// - `free` is summed per facility, because a free place in Refstad does not help a
///   full Torshov; over-full places are counted apart in `over_capacity`;
/// - everyone recorded as present counts as occupied wherever they are (reality wins), so a
///   closed facility that still reports people shows up rather than vanishing (and, having
///   no counted places, adds them to `over_capacity`);
/// - `standby_capacity` is what could be opened: places in `planned`/`standby` facilities
///   plus the expansion headroom of operating ones (Oslo mottak: 150 → 180 gives 30).
public struct CapacityFigures: Sendable, Equatable {
    public var facilities = 0
    public var capacity = 0
    public var blocked = 0
    public var available = 0
    public var occupied = 0
    public var free = 0
    public var overCapacity = 0
    public var standbyCapacity = 0

    public init() {}

    /// Occupied over available places; nil when nothing is available.
    public var utilization: Double? { available > 0 ? Double(occupied) / Double(available) : nil }

    public mutating func add(_ facility: Facility) {
        facilities += 1
        occupied += facility.occupied
        if facility.status.isOperating {
            capacity += facility.capacity
            blocked += min(facility.blocked, facility.capacity)
            available += facility.available
            free += facility.free
            overCapacity += max(0, facility.occupied - facility.available)
            standbyCapacity += max(0, (facility.expansionCapacity ?? facility.capacity) - facility.capacity)
        } else {
            // Their places are not counted as available, so anyone there has no counted place.
            overCapacity += facility.occupied
            if facility.status.isReserve { standbyCapacity += facility.expansionCapacity ?? facility.capacity }
        }
    }
}

/// The capacity picture: the city, by kind and by district.
public struct CapacityPicture: Sendable, Equatable {
    /// Key for facilities without a district in `byDistrict`.
    public static let noDistrict = "unassigned"

    public var total = CapacityFigures()
    public var byKind: [FacilityKind: CapacityFigures] = [:]
    public var byDistrict: [String: CapacityFigures] = [:]

    public init(facilities: [Facility]) {
        for facility in facilities {
            total.add(facility)
            byKind[facility.kind, default: CapacityFigures()].add(facility)
            byDistrict[facility.district ?? Self.noDistrict, default: CapacityFigures()].add(facility)
        }
    }
}
