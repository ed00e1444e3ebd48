import BeredskapJSON

/// How strongly arrivals exceed the normal, in escalating order.
public enum SurgeLevel: String, JSONStringEnum, Comparable {
    case normal, elevated, high, crisis

    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    public var name: Text {
        switch self {
        case .normal: Text("normal", nb: "normal")
        case .elevated: Text("elevated", nb: "forhøyet")
        case .high: Text("high", nb: "høy")
        case .crisis: Text("crisis", nb: "krise")
        }
    }
}
