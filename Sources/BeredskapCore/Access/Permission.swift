import BeredskapJSON

/// What a caller may do. Each route declares the one it needs, and each kind of event the one
/// it takes to see it.
///
/// Why in Core: the endpoint descriptions the daemon and the client share, and the event
/// catalogue, name permissions; who *has* one is decided by the daemon's access policy.
public enum Permission: String, Sendable, Hashable, CaseIterable, Comparable, JSONStringEnum {
    /// Aggregates: status, capacity, events, the incident log.
    case read
    /// Record facts and act: capacity, arrivals, log entries, alerts, playbook steps.
    case operate
    /// Person-level data; reading it is itself logged.
    case cases
    /// Cap override, configuration reload, erasure, backup, the audit trail.
    case admin

    public static func < (lhs: Permission, rhs: Permission) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
