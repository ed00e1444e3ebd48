/// When a failed notification is tried again, per channel: exponential backoff with jitter,
/// up to a deadline after which the outbox row is `dead` (and `notification_dead` fires
/// through the other channels).
///
/// Every attempt of one notification carries the same idempotency key (the outbox row's, fixed
/// when the row is written), so a receiver that got an attempt whose answer was lost drops the
/// retry; nothing here varies per attempt except the time.
///
/// Why the jitter is deterministic: after a restart the daemon recomputes `next_attempt_at`
/// for pending rows, and it must get the same instants it stored (a schedule that moves on
/// every restart is impossible to reason about in the log). The jitter of attempt n is the
/// n-th output of SplitMix64 seeded from the notification (`seed(for:)`), so notifications
/// that failed together (a webhook receiver that was down) spread out, yet each one's
/// schedule is fixed.
public struct RetryPolicy: Sendable, Equatable, Codable {
    /// The delay after the first failed attempt.
    public var initialDelay: FixedDuration
    /// Each further delay is the previous one times this (≥ 1).
    public var multiplier: Double
    /// Delays stop growing here (before jitter).
    public var maximumDelay: FixedDuration
    /// Each delay moves by up to this fraction either way (0 ≤ jitter < 1).
    public var jitter: Double
    /// Counted from the first attempt: no attempt is made later, and a notification that has
    /// failed at the deadline is dead.
    public var deadline: FixedDuration

    /// 30 s, doubling up to 10 minutes, ±20 %, for an hour. Why an hour: a channel that has
    /// failed that long should show as dead and raise `notification_dead` through the other
    /// channels instead of being retried in silence; an operator can re-queue the row.
    public init(initialDelay: FixedDuration = .seconds(30), multiplier: Double = 2,
                maximumDelay: FixedDuration = .seconds(600), jitter: Double = 0.2,
                deadline: FixedDuration = .seconds(3600)) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.deadline = deadline
    }

    /// The delay after failed attempt `attempt` (1 = the first), before jitter:
    /// `initialDelay × multiplier^(attempt − 1)`, at most `maximumDelay`.
    public func baseDelay(after attempt: Int) -> FixedDuration {
        let cap = Double(maximumDelay.milliseconds)
        var delay = Double(initialDelay.milliseconds)
        var step = 1
        // Multiplied step by step rather than with pow: no Foundation, and the loop ends as soon
        // as the cap is reached, so a huge attempt number cannot overflow.
        while step < attempt && delay < cap && multiplier > 1 {
            delay *= multiplier
            step += 1
        }
        return FixedDuration(milliseconds: Int64(min(delay, cap).rounded()))
    }

    /// When to try again after failed attempt `attempt` (1 = the first) made at
    /// `lastAttemptAt`, for a notification first tried at `firstAttemptAt`; nil when it is
    /// time to give up (the row becomes `dead`).
    ///
    /// The base delay moves by a factor in [1 − jitter, 1 + jitter) drawn from `seed` and
    /// `attempt`, and is at least 1 ms. A receiver that asked for time (`retryAfter`: an HTTP
    /// 429 or 503 with `Retry-After`) gets at least that much, even beyond `maximumDelay` —
    /// trying sooner would only be refused again and add to its load. An attempt that would
    /// fall after the deadline is made at the deadline instead; after an attempt at (or past)
    /// the deadline there is none.
    public func nextAttempt(after attempt: Int, firstAttemptAt: Timestamp, lastAttemptAt: Timestamp,
                            seed: UInt64, retryAfter: FixedDuration? = nil) -> Timestamp? {
        let deadlineAt = firstAttemptAt.adding(milliseconds: deadline.milliseconds)
        guard lastAttemptAt < deadlineAt else { return nil }
        let attempt = max(attempt, 1)
        let factor = 1 + jitter * (2 * Self.unitInterval(seed: seed, attempt: attempt) - 1)
        let delay = max(1, Int64((Double(baseDelay(after: attempt).milliseconds) * factor).rounded()), retryAfter?.milliseconds ?? 0)
        return min(lastAttemptAt.adding(milliseconds: delay), deadlineAt)
    }

    /// The instants of every attempt if each one fails at once, starting with the first at
    /// `firstAttemptAt`: what the outbox would do for a channel that stays down. At most
    /// `limit` instants.
    public func schedule(firstAttemptAt: Timestamp, seed: UInt64, limit: Int = 1000) -> [Timestamp] {
        var attempts = [firstAttemptAt]
        while attempts.count < limit, let last = attempts.last,
            let next = nextAttempt(after: attempts.count, firstAttemptAt: firstAttemptAt, lastAttemptAt: last, seed: seed)
        {
            attempts.append(next)
        }
        return attempts
    }

    /// A seed from a notification's id: FNV-1a over its UTF-8 bytes. Why not `hashValue`:
    /// Swift seeds `Hasher` anew in every process, and the schedule must survive a restart.
    public static func seed(for notificationID: String) -> UInt64 {
        notificationID.utf8.reduce(0xCBF2_9CE4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }

    /// A value in [0, 1) for one attempt: output number `attempt` of SplitMix64 seeded with
    /// `seed` (SplitMix64's state after n steps is seed + n·γ, so any output is computed
    /// directly, without running the generator from the start).
    static func unitInterval(seed: UInt64, attempt: Int) -> Double {
        var z = seed &+ UInt64(truncatingIfNeeded: attempt) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53
    }

    /// Problems with the policy; field names are those of the configuration file.
    public func validate() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (field, duration) in [("initial_delay", initialDelay), ("deadline", deadline)] where duration.milliseconds <= 0 {
            problems.append(FieldProblem(field, Text("must be positive", nb: "må være positiv")))
        }
        if !(multiplier >= 1 && multiplier.isFinite) {
            problems.append(FieldProblem("multiplier", Text("must be at least 1", nb: "må være minst 1")))
        }
        if maximumDelay < initialDelay {
            problems.append(FieldProblem(
                "maximum_delay",
                Text("must be at least initial_delay (\(initialDelay))", nb: "må være minst initial_delay (\(initialDelay))")))
        }
        if !(0..<1).contains(jitter) {
            problems.append(FieldProblem(
                "jitter", Text("expected a fraction from 0 up to (not including) 1",
                               nb: "forventet en brøk fra 0 opp til (men ikke med) 1")))
        }
        return problems
    }
}
