import BeredskapJSON

/// What a reception facility is for (glossary in DOMAIN.md). The raw values are the API's.
public enum FacilityKind: String, JSONStringEnum, Comparable {
    case arrival, transit, ordinary, integration, careCentre, minorReception, emergency, settlementCentre

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Where a facility is in its life. Only `open` and `closing` facilities count as capacity
/// in use; `planned` and `standby` are the reserve the office can call on.
public enum FacilityStatus: String, JSONStringEnum {
    case planned, standby, open, closing, closed

    /// Its places count as capacity (people can be placed there now).
    public var isOperating: Bool { self == .open || self == .closing }

    /// Its places could be opened: they count as standby capacity.
    public var isReserve: Bool { self == .planned || self == .standby }

    /// Arrivals may be recorded. A closed facility receives no one; one that is closing may
    /// still (people already on their way), and planned/standby ones may (reality wins: the
    /// first arrivals are often what opens them).
    public var acceptsArrivals: Bool { self != .closed }
}

/// Who is responsible for a facility.
public enum Authority: String, JSONStringEnum {
    case udi = "UDI", bufetat = "Bufetat", municipality
}

/// Who arrived.
public enum ArrivalCategory: String, JSONStringEnum {
    case adult, family
    case minorUnder15 = "minor_under_15"
    case minor15To17 = "minor_15_17"
    case resettlement, other
}

/// Why people left a facility.
public enum DepartureReason: String, JSONStringEnum {
    case settled, transferred, departed, other
}
