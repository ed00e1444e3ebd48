import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `alerts.deadline_overdue`: more persons of one district overdue with one deadline rule
    /// than `threshold`.
    ///
    /// Why these defaults: a few overdue deadlines in a district are the ordinary caseload a
    /// caseworker clears in a week; more than 5 with one rule is a backlog — an examination
    /// that is not being booked, a school with no places — which the district's contact point
    /// must hear about. A warning, told again daily: the deadlines run in days, not hours.
    public struct DeadlineOverdueRule: Sendable, Equatable, Codable {
        public var enabled = true
        public var severity = AlertSeverity.warning
        /// Persons overdue, strictly more than this.
        public var threshold = 5
        public var forDuration = FixedDuration.seconds(0)
        public var keepFiringFor = FixedDuration.seconds(0)
        public var repeatInterval: FixedDuration? = .seconds(24 * 3600)
        public var escalateAfter: FixedDuration?
        public var escalationLimit = 0

        private enum CodingKeys: String, CodingKey {
            case enabled, severity, threshold, forDuration = "for", keepFiringFor, repeatInterval, escalateAfter, escalationLimit
        }

        public init() {}

        public var policy: AlertLifecycle.Policy {
            AlertLifecycle.Policy(
                forDuration: forDuration, keepFiringFor: keepFiringFor, repeatInterval: repeatInterval,
                escalateAfter: escalateAfter, escalationLimit: escalationLimit)
        }

        func problems() -> [FieldProblem] {
            var problems = policy.problems()
            if !(0...100_000).contains(threshold) {
                problems.append(FieldProblem("threshold", Text("expected 0 to 100000 persons", nb: "forventet 0 til 100000 personer")))
            }
            return problems
        }
    }
}
