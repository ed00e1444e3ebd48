import BeredskapJSON

/// How bad an open alert is (API.md: `info`, `warning`, `critical`). Ordered: a rise
/// (warning → critical) notifies again.
public enum AlertSeverity: String, JSONStringEnum, Comparable {
    case info, warning, critical

    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Where an alert is in its life.
///
/// `pending`: the condition holds but not yet for the rule's `for` duration; `firing`: it
/// has held long enough and the groups are told; `resolved`: the condition cleared (after
/// `keep_firing_for`) and the alert is closed. A resolved alert is never reopened: the next
/// time the condition holds, a new alert starts.
public enum AlertState: String, JSONStringEnum {
    case pending, firing, resolved
}

/// At most one open alert exists per key: the rule (`facility_utilization`, …) and what it is
/// about (`facility/refstad`, `kind/transit`, `city`).
public struct AlertKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rule: String
    public var subject: String

    public init(rule: String, subject: String) {
        self.rule = rule
        self.subject = subject
    }

    public var description: String { "\(rule) \(subject)" }
}
