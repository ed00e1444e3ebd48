/// The events of the deadline engine (`deadline.*`): counts only, never a person.
///
/// Why an event for a count: the alert engine decides `deadline_overdue` from committed state,
/// and a count the deadline engine only held in memory would be lost by a crash between the
/// change and the alert; committed with its row (`deadline_overdue`), the picture after a
/// `kill -9` and a restart is the one before it.
public enum DeadlineEvents {
    public static let overdueChanged = EventType<OverdueChanged>(.deadline, "overdue_changed")

    public static let all: [EventKind] = [overdueChanged.kind]

    /// `deadline.overdue_changed`: how many persons of a district are now overdue with a rule.
    public struct OverdueChanged: EventPayload, Equatable {
        public var rule: String
        public var district: String
        public var overdue: Int

        public static var identifiers: Set<String> { ["rule", "district"] }

        public init(rule: String, district: String, overdue: Int) {
            self.rule = rule
            self.district = district
            self.overdue = overdue
        }
    }
}

/// The subject of a deadline rule's count in one district: `deadline/health_exam/ullern`.
///
/// Why the rule before the district: a playbook or a silence names one rule in every district
/// as `deadline/health_exam/*`, which the subject patterns allow (a pattern ends in `/*`);
/// one district across rules is `deadline_overdue` with the district's contact group routed
/// from the alert's district.
public enum DeadlineSubject {
    public static let kind = "deadline"

    public static func subject(rule: String, district: String) -> String { "\(kind)/\(rule)/\(district)" }

    /// The rule and district of a `deadline/<rule>/<district>` subject.
    public static func parse(_ subject: String) -> (rule: String, district: String)? {
        let parts = subject.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == kind, Slug.isValid(String(parts[1])), Slug.isValid(String(parts[2])) else { return nil }
        return (String(parts[1]), String(parts[2]))
    }
}
