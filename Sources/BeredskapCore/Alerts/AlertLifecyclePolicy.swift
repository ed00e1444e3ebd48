extension AlertLifecycle {
    /// The timing of one rule's alerts, as configured.
    ///
    /// Kept inside each alert (and stored with it) so that an alert finishes the life it
    /// started with, and so that its deadlines can be computed from the value alone.
    public struct Policy: Sendable, Equatable, Codable {
        /// How long the condition must hold before the alert fires (`for`).
        public var forDuration: FixedDuration
        /// How long a firing alert stays firing after its condition cleared (`keep_firing_for`).
        public var keepFiringFor: FixedDuration
        /// How often a firing, unacknowledged alert is told again; nil: never.
        public var repeatInterval: FixedDuration?
        /// How long a critical alert may go unacknowledged before the next escalation step;
        /// nil: no escalation.
        public var escalateAfter: FixedDuration?
        /// The number of escalation steps at most.
        public var escalationLimit: Int

        public init(
            forDuration: FixedDuration = .seconds(0), keepFiringFor: FixedDuration = .seconds(0),
            repeatInterval: FixedDuration? = nil, escalateAfter: FixedDuration? = nil, escalationLimit: Int = 0
        ) {
            self.forDuration = forDuration
            self.keepFiringFor = keepFiringFor
            self.repeatInterval = repeatInterval
            self.escalateAfter = escalateAfter
            self.escalationLimit = escalationLimit
        }

        /// Problems with the policy. Intervals must be positive: a zero repeat interval would
        /// be due again at the instant it was sent. (An invalid policy that got through anyway
        /// is read safely: a non-positive interval counts as none.)
        public func problems() -> [FieldProblem] {
            var problems: [FieldProblem] = []
            for (name, duration) in [("for", forDuration), ("keep_firing_for", keepFiringFor)]
            where duration.milliseconds < 0 {
                problems.append(FieldProblem(name, Text("must not be negative", nb: "kan ikke være negativ")))
            }
            for (name, duration) in [("repeat_interval", repeatInterval), ("escalate_after", escalateAfter)] {
                if let duration, duration.milliseconds <= 0 {
                    problems.append(FieldProblem(
                        name, Text("must be longer than zero", nb: "må være lengre enn null")))
                }
            }
            if escalationLimit < 0 {
                problems.append(FieldProblem(
                    "escalation_limit", Text("must not be negative", nb: "kan ikke være negativ")))
            }
            return problems
        }

        /// The repeat interval in milliseconds, when repeats are on.
        var repeatMilliseconds: Int64? { repeatInterval.map(\.milliseconds).flatMap { $0 > 0 ? $0 : nil } }

        /// The escalation interval in milliseconds, when escalation is on.
        var escalationMilliseconds: Int64? {
            guard escalationLimit > 0 else { return nil }
            return escalateAfter.map(\.milliseconds).flatMap { $0 > 0 ? $0 : nil }
        }
    }
}
