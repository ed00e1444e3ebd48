extension PlaybookRun {
    /// How a run reminds people and retries automatic work, as configured when it started.
    ///
    /// Kept inside the run (and stored with it) so that a run finishes under the rules it began
    /// with and its deadlines follow from the value alone.
    public struct Policy: Sendable, Equatable, Codable {
        /// How long an overdue step may stay undone before (and between) escalations; nil: the
        /// owner's overdue notice is all.
        public var escalateOverdueAfter: FixedDuration?
        /// Escalations per step at most.
        public var escalationLimit: Int
        /// How many times an automatic step is started at most, counting the first; a step
        /// running when the daemon stopped is retried only while below this.
        public var automaticAttemptLimit: Int

        public init(escalateOverdueAfter: FixedDuration? = nil, escalationLimit: Int = 0, automaticAttemptLimit: Int = 3) {
            self.escalateOverdueAfter = escalateOverdueAfter
            self.escalationLimit = escalationLimit
            self.automaticAttemptLimit = automaticAttemptLimit
        }

        /// Problems with the policy. A zero interval would escalate again at the instant it
        /// escalated; an attempt limit below one would never run automatic steps at all.
        public func problems() -> [FieldProblem] {
            let checks: [(field: String, broken: Bool, problem: Text)] = [
                ("escalate_overdue_after", (escalateOverdueAfter?.milliseconds ?? 1) <= 0,
                 Text("must be longer than zero", nb: "må være lengre enn null")),
                ("escalation_limit", escalationLimit < 0, Text("must not be negative", nb: "kan ikke være negativ")),
                ("automatic_attempt_limit", automaticAttemptLimit < 1,
                 Text("must be at least 1", nb: "må være minst 1")),
            ]
            return checks.filter(\.broken).map { FieldProblem($0.field, $0.problem) }
        }

        /// The escalation interval in milliseconds when escalation is on (an invalid policy
        /// that got through anyway reads as no escalation).
        var escalationMilliseconds: Int64? {
            guard escalationLimit > 0, let interval = escalateOverdueAfter?.milliseconds, interval > 0 else { return nil }
            return interval
        }
    }
}
