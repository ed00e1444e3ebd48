import BeredskapCore

extension DaemonConfiguration {
    /// Where the action cards are read from, and how their runs remind people.
    public struct Playbooks: Sendable, Equatable {
        /// Relative paths are relative to the directory beredskapd is started in (the
        /// checkout's `Playbooks/`); installed: `/etc/beredskap/playbooks`.
        public var directory = "Playbooks"
        /// How long an overdue step may stay undone before (and between) escalations to the
        /// playbook's escalation group. An hour: long enough for the owner to act on the
        /// overdue notice, short enough that a missed step in a surge is seen the same shift.
        public var escalateOverdueAfter = FixedDuration.seconds(3600)
        /// Escalations per overdue step at most (0: the owner's overdue notice only).
        public var escalationLimit = 3
        /// How often an automatic step is tried at most, counting the first.
        public var automaticAttemptLimit = 3

        /// The policy a run starts with (and keeps to its end).
        public var runPolicy: PlaybookRun.Policy {
            PlaybookRun.Policy(
                escalateOverdueAfter: escalateOverdueAfter, escalationLimit: escalationLimit,
                automaticAttemptLimit: automaticAttemptLimit)
        }
    }
}

extension DaemonConfiguration.Playbooks: Decodable {
    private enum CodingKeys: String, CodingKey { case directory, escalateOverdueAfter, escalationLimit, automaticAttemptLimit }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        directory = try container.directory(.directory, default: defaults.directory)
        escalateOverdueAfter = try container.duration(
            .escalateOverdueAfter, default: defaults.escalateOverdueAfter, atLeast: .seconds(60))
        escalationLimit = try container.integer(.escalationLimit, default: defaults.escalationLimit, in: 0...100)
        automaticAttemptLimit = try container.integer(.automaticAttemptLimit, default: defaults.automaticAttemptLimit, in: 1...100)
    }
}
