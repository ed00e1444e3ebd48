/// Totals over a set of facilities: what `GET /v1/capacity`, `GET /v1/status` and the total
/// of `GET /v1/facilities` show for the city, a kind or a district. There is one definition,
/// this one, so the figures agree wherever they are read.
///
/// Why these rules:
/// - only `open` and `closing` facilities count as capacity (`Facility.available`): a planned
///   facility has no beds yet, a closed one none any more;
/// - `free` is summed per facility, because a free place in Refstad does not help a
///   full Torshov; the people over-full facilities cannot place are counted apart in
///   `over_capacity`, so `available − occupied = free − over_capacity` always holds and the
///   figures visibly add up;
/// - everyone recorded as present counts as occupied wherever they are (reality wins), so a
///   closed facility that still reports people shows up rather than vanishing (and, having
///   no available places, adds them to `over_capacity`);
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
        available += facility.available
        free += facility.free
        overCapacity += facility.overCapacity
        if facility.status.isOperating {
            capacity += facility.capacity
            blocked += min(facility.blocked, facility.capacity)
            standbyCapacity += max(0, (facility.expansionCapacity ?? facility.capacity) - facility.capacity)
        } else if facility.status.isReserve {
            standbyCapacity += facility.expansionCapacity ?? facility.capacity
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
