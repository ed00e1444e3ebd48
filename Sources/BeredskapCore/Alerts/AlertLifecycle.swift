/// The life of one alert, from the condition first holding until it is resolved.
///
/// A plain value so that it is stored as it is and a restart resumes it exactly: every clock
/// is an instant inside the value (a pending alert's `for` runs on across a restart), and
/// nothing depends on when the process happened to start. Changes come from two places:
/// `observe` with the rule's verdict whenever an event changes the figures, and `advance`
/// when the scheduler wakes at `nextDeadline()`. There is no polling.
///
/// Two kinds of time, kept apart on purpose:
/// - *state transitions* take effect at the instant they were due (a `for` that ran out at
///   09:15 while the daemon was down fires at 09:15 in the history), so that the history and the
///   flap detector see what really happened;
/// - *clocks about people* (repeats, escalation) run from when a notification actually went out.
///   After a restart nobody has yet been told, so nobody can have failed to react.
///
/// After a jump over many deadlines (a restart after hours), one call to `advance` applies the
/// state transitions in order but sends at most one repeat and at most the *next* escalation
/// step, each then timed from now. Ten repeats for ten missed intervals say nothing the first
/// does not; and paging every escalation group at once for an alert whose first group has not
/// yet had a chance to act would defeat the point of stepping. If the alert resolves within the
/// jump, the repeats and escalations that fell due before that are dropped: "still firing" and
/// "resolved" in one breath is noise.
///
/// While the condition is clear but `keep_firing_for` holds the alert open, no repeats or
/// escalations go out (nobody should be paged about a condition that is currently clear); if the
/// condition returns, overdue ones go out at once.
///
/// Instants are expected not to go backwards; one that does (a corrected system clock) is read as
/// the latest instant seen, so it can neither reopen nor repeat anything.
public struct AlertLifecycle: Sendable, Equatable, Codable {
    /// At most this many transitions are kept, the newest.
    public static let historyLimit = 20

    public private(set) var key: AlertKey
    public private(set) var policy: Policy
    public private(set) var state: AlertState
    public private(set) var severity: AlertSeverity
    /// When the condition first held: the start of the `for` clock.
    public private(set) var pendingSince: Timestamp
    public private(set) var firingSince: Timestamp?
    public private(set) var resolvedAt: Timestamp?
    /// When the condition cleared while firing: the start of the `keep_firing_for` clock;
    /// nil while the condition holds.
    public private(set) var conditionClearedAt: Timestamp?
    /// When the groups were last told anything about this alert: the start of the repeat clock.
    public private(set) var lastNotifiedAt: Timestamp?
    /// When the next escalation step is due if nobody acknowledges; nil unless firing critical.
    public private(set) var nextEscalationAt: Timestamp?
    /// Escalation steps sent so far.
    public private(set) var escalationStep: Int
    public private(set) var acknowledgement: AlertAcknowledgement?
    /// State and severity changes, oldest first, at most `historyLimit`.
    public private(set) var history: [AlertTransition]
    /// The latest instant the alert was evaluated at.
    public internal(set) var evaluatedAt: Timestamp

    private init(key: AlertKey, severity: AlertSeverity, at: Timestamp, policy: Policy) {
        self.key = key
        self.policy = policy
        state = .pending
        self.severity = severity
        pendingSince = at
        escalationStep = 0
        history = [AlertTransition(at: at, state: .pending, severity: severity)]
        evaluatedAt = at
    }

    /// A new alert for a condition that became active at `at`: pending, or firing at once
    /// (with its notification) when `for` is zero.
    public static func start(
        key: AlertKey, severity: AlertSeverity, at: Timestamp, policy: Policy
    ) -> (AlertLifecycle, [AlertEffect]) {
        var alert = AlertLifecycle(key: key, severity: severity, at: at, policy: policy)
        let effects = alert.advance(to: at)
        return (alert, effects)
    }

    /// True when the alert has not resolved.
    public var isOpen: Bool { state != .resolved }

    /// True when an acknowledgement counts at `instant`.
    public func isAcknowledged(at instant: Timestamp) -> Bool {
        guard let acknowledgement else { return false }
        return acknowledgement.until.map { instant < $0 } ?? true
    }

    /// Takes the rule's current verdict (nil: the condition is clear) at `at`.
    ///
    /// Deadlines that fell due before `at` are applied first, under the previous verdict (it
    /// held until now); then the verdict; then anything it makes due at once (a repeat that was
    /// held back while the condition was clear). A resolved alert ignores verdicts: the next
    /// time the condition holds, the caller starts a new alert.
    public mutating func observe(_ verdict: AlertSeverity?, at: Timestamp) -> [AlertEffect] {
        var effects = advance(to: at)
        let now = evaluatedAt
        switch (state, verdict) {
        case (.resolved, _):
            return effects
        case (.pending, nil):
            resolvedAt = now
            record(.resolved, at: now)
            effects.append(.closedSilently)
        case (.pending, let verdict?):
            if verdict != severity { changeSeverity(to: verdict, at: now) }
        case (.firing, nil):
            if conditionClearedAt == nil { conditionClearedAt = now }
        case (.firing, let verdict?):
            conditionClearedAt = nil
            if verdict > severity {
                // Someone acknowledged a warning; a critical alert is a new question to them.
                acknowledgement = nil
                effects.append(notify(.severityRaised, severity: verdict, at: now))
            } else if verdict < severity {
                effects.append(notify(.severityLowered, severity: verdict, at: now))
            }
        }
        return effects + advance(to: now)
    }

    /// Applies every time-based transition due at `instant`. Calling it again at the same
    /// instant does nothing.
    public mutating func advance(to instant: Timestamp) -> [AlertEffect] {
        let now = max(instant, evaluatedAt)
        evaluatedAt = now
        // A resolved alert is a record: it keeps the acknowledgement it ended with.
        guard state != .resolved else { return [] }
        expireAcknowledgement(at: now)
        switch state {
        case .resolved:
            return []
        case .pending:
            let due = forDeadline
            guard due <= now else { return [] }
            record(.firing, at: due)
            firingSince = due
            return [notify(.firing, severity: severity, at: now)]
        case .firing:
            if let due = keepFiringDeadline, due <= now {
                resolvedAt = due
                nextEscalationAt = nil
                record(.resolved, at: due)
                return [.notify(.resolved)]
            }
            var effects: [AlertEffect] = []
            if let due = repeatDeadline, due <= now {
                lastNotifiedAt = now
                effects.append(.notify(.repeat))
            }
            if let due = escalationDeadline, due <= now, let interval = policy.escalationMilliseconds {
                escalationStep += 1
                nextEscalationAt = now.adding(milliseconds: interval)
                effects.append(.escalate(step: escalationStep))
            }
            return effects
        }
    }

    /// The earliest instant at which `advance` would change something; nil when nothing is
    /// scheduled (resolved, or firing with nothing left to repeat, escalate or expire).
    public func nextDeadline() -> Timestamp? {
        let candidates: [Timestamp?] = switch state {
        case .resolved: []
        case .pending: [forDeadline, acknowledgement?.until]
        case .firing: [keepFiringDeadline, repeatDeadline, escalationDeadline, acknowledgement?.until]
        }
        return candidates.compactMap { $0 }.min()
    }

    /// Records that `by` takes the alert on: repeats and escalation stop until `until` (nil:
    /// until the alert resolves) or until the severity rises.
    public mutating func acknowledge(
        by: String, comment: String?, until: Timestamp?, at: Timestamp
    ) throws(AlertActionError) {
        guard isOpen else { throw .notOpen(key) }
        let now = max(at, evaluatedAt)
        if let until, until <= now { throw .expiryNotInFuture(until: until, at: now) }
        acknowledgement = AlertAcknowledgement(by: by, comment: comment, at: now, until: until)
    }

    // MARK: - Deadlines

    private var forDeadline: Timestamp { pendingSince.adding(milliseconds: policy.forDuration.milliseconds) }

    private var keepFiringDeadline: Timestamp? {
        conditionClearedAt?.adding(milliseconds: policy.keepFiringFor.milliseconds)
    }

    /// Repeats and escalation wait while the condition is clear or someone has the alert.
    private var remindersHeld: Bool { conditionClearedAt != nil || acknowledgement != nil }

    private var repeatDeadline: Timestamp? {
        guard !remindersHeld, let interval = policy.repeatMilliseconds else { return nil }
        return lastNotifiedAt?.adding(milliseconds: interval)
    }

    private var escalationDeadline: Timestamp? {
        guard !remindersHeld, severity == .critical, escalationStep < policy.escalationLimit else { return nil }
        return nextEscalationAt
    }

    // MARK: - Changes

    /// An expired acknowledgement stops counting. Repeats held back by it go out at once (the
    /// alert was firing all along); the next escalation step waits a full `escalate_after` from
    /// the expiry, so whoever let it lapse has the same time to renew it as anyone else.
    private mutating func expireAcknowledgement(at now: Timestamp) {
        guard let until = acknowledgement?.until, until <= now else { return }
        acknowledgement = nil
        if let due = nextEscalationAt, let interval = policy.escalationMilliseconds {
            nextEscalationAt = max(due, until.adding(milliseconds: interval))
        }
    }

    /// A notification goes out now, at `severity`: the repeat clock restarts, and the escalation
    /// clock starts when the groups are first told of a critical alert (and stops below it).
    private mutating func notify(
        _ kind: AlertNotificationKind, severity newSeverity: AlertSeverity, at now: Timestamp
    ) -> AlertEffect {
        if newSeverity != severity { changeSeverity(to: newSeverity, at: now) }
        lastNotifiedAt = now
        if newSeverity != .critical {
            nextEscalationAt = nil
        } else if nextEscalationAt == nil, let interval = policy.escalationMilliseconds {
            nextEscalationAt = now.adding(milliseconds: interval)
        }
        return .notify(kind)
    }

    private mutating func changeSeverity(to newSeverity: AlertSeverity, at now: Timestamp) {
        severity = newSeverity
        record(state, at: now)
    }

    private mutating func record(_ newState: AlertState, at instant: Timestamp) {
        state = newState
        history.append(AlertTransition(at: instant, state: newState, severity: severity))
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }
}
