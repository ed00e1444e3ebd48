import BeredskapJSON
import Testing
@testable import BeredskapCore

private let start = Timestamp(secondsSinceEpoch: 1_700_000_000)

/// The gaps between consecutive instants, in milliseconds.
private func gaps(_ instants: [Timestamp]) -> [Int64] {
    zip(instants.dropFirst(), instants).map { later, earlier in later.milliseconds(since: earlier) }
}

@Suite struct RetryPolicyTests {
    @Test("Delays grow by the multiplier and stop at the maximum")
    func growsAndCaps() {
        let policy = RetryPolicy(initialDelay: .seconds(30), multiplier: 2, maximumDelay: .seconds(600))
        #expect((1...7).map { policy.baseDelay(after: $0).milliseconds / 1000 } == [30, 60, 120, 240, 480, 600, 600])
        #expect(policy.baseDelay(after: Int.max) == .seconds(600))
    }

    @Test("Without jitter the schedule is the base delays, ending at the deadline")
    func scheduleWithoutJitter() {
        let policy = RetryPolicy(jitter: 0, deadline: .seconds(1800))
        let schedule = policy.schedule(firstAttemptAt: start, seed: 7)
        // 30 + 60 + 120 + 240 + 480 = 930 s, then 600 s to 1530 s; the next (2130 s) is cut to 1800 s.
        #expect(gaps(schedule).map { $0 / 1000 } == [30, 60, 120, 240, 480, 600, 270])
        #expect(schedule.last == start.adding(milliseconds: 1_800_000))
    }

    @Test("A receiver's Retry-After is waited out, beyond the maximum delay, but not beyond the deadline")
    func retryAfterIsHonouredUpToTheDeadline() {
        let policy = RetryPolicy(initialDelay: .seconds(30), maximumDelay: .seconds(600), jitter: 0, deadline: .seconds(3600))
        let after = { (wait: FixedDuration?, last: Timestamp) in
            policy.nextAttempt(after: 1, firstAttemptAt: start, lastAttemptAt: last, seed: 1, retryAfter: wait)?.milliseconds(since: start)
        }
        #expect(after(nil, start) == 30_000, "no wait asked: the backoff")
        #expect(after(.seconds(5), start) == 30_000, "a shorter wait than the backoff changes nothing")
        #expect(after(.seconds(900), start) == 900_000, "a longer one is honoured, past the 600 s maximum")
        #expect(after(.seconds(7200), start) == 3_600_000, "but the last attempt is at the deadline")
        #expect(after(.seconds(60), start.adding(milliseconds: 3_600_000)) == nil, "and after it there is none")
    }

    @Test("Jitter keeps every delay within the fraction of its base delay", arguments: [0.1, 0.2, 0.5])
    func jitterBounds(jitter: Double) {
        let policy = RetryPolicy(jitter: jitter, deadline: .seconds(86_400))
        for seed in UInt64(0)..<200 {
            for attempt in 1...8 {
                let base = Double(policy.baseDelay(after: attempt).milliseconds)
                let next = policy.nextAttempt(after: attempt, firstAttemptAt: start, lastAttemptAt: start, seed: seed)
                let delay = Double(next.map { $0.milliseconds(since: start) } ?? -1)
                #expect(delay >= (base * (1 - jitter)).rounded(.down) && delay <= (base * (1 + jitter)).rounded(.up),
                        "seed \(seed), attempt \(attempt): \(delay) ms for a base of \(base) ms")
            }
        }
    }

    @Test("Jitter actually spreads delays over most of its range")
    func jitterSpreads() {
        let policy = RetryPolicy(initialDelay: .seconds(100), jitter: 0.2)
        let delays = (UInt64(0)..<500).compactMap {
            policy.nextAttempt(after: 1, firstAttemptAt: start, lastAttemptAt: start, seed: $0)?.milliseconds(since: start)
        }
        #expect(delays.count == 500)
        #expect((delays.min() ?? 0) < 82_000 && (delays.max() ?? 0) > 118_000)
    }

    @Test("The same seed gives the same schedule and different seeds give different ones")
    func deterministic() {
        let policy = RetryPolicy()
        let seed = RetryPolicy.seed(for: "notification-42")
        #expect(policy.schedule(firstAttemptAt: start, seed: seed) == RetryPolicy().schedule(firstAttemptAt: start, seed: seed))
        #expect(policy.schedule(firstAttemptAt: start, seed: seed)
            != policy.schedule(firstAttemptAt: start, seed: RetryPolicy.seed(for: "notification-43")))
    }

    @Test("The seed of a notification id is FNV-1a, the same in every process")
    func seedIsStable() {
        #expect(RetryPolicy.seed(for: "") == 0xCBF2_9CE4_8422_2325)
        #expect(RetryPolicy.seed(for: "a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test("Every jittered schedule rises and lands its last attempt exactly at the deadline")
    func lastAttemptAtDeadline() {
        let policy = RetryPolicy()
        for seed in UInt64(0)..<50 {
            let schedule = policy.schedule(firstAttemptAt: start, seed: seed)
            #expect(gaps(schedule).allSatisfy { $0 > 0 })
            #expect(schedule.last == start.adding(milliseconds: 3_600_000))
        }
    }

    @Test("After an attempt at or past the deadline there is no further attempt")
    func deadlineGivesUp() {
        let policy = RetryPolicy(deadline: .seconds(3600))
        let deadline = start.adding(milliseconds: 3_600_000)
        #expect(policy.nextAttempt(after: 9, firstAttemptAt: start, lastAttemptAt: deadline, seed: 1) == nil)
        #expect(policy.nextAttempt(after: 9, firstAttemptAt: start, lastAttemptAt: deadline.adding(milliseconds: 5), seed: 1) == nil)
        #expect(policy.nextAttempt(after: 9, firstAttemptAt: start, lastAttemptAt: deadline.adding(milliseconds: -1_000), seed: 1)
            == deadline)
    }

    @Test("A retry policy survives a JSON round trip with ISO 8601 durations")
    func codableRoundTrip() throws {
        let policy = RetryPolicy(initialDelay: .seconds(10), multiplier: 1.5, maximumDelay: .seconds(300), jitter: 0.1,
                                 deadline: .seconds(7200))
        let bytes = try JSONValueEncoder().encodeBytes(policy)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"initial_delay\":\"PT10S\""))
        #expect(try JSONValueDecoder().decode(RetryPolicy.self, from: bytes) == policy)
    }

    @Test("Validation names each impossible setting")
    func validation() {
        #expect(RetryPolicy().validate().isEmpty)
        let bad = RetryPolicy(initialDelay: .seconds(60), multiplier: 0.5, maximumDelay: .seconds(30), jitter: 1,
                              deadline: .seconds(0))
        #expect(bad.validate().map(\.field) == ["deadline", "multiplier", "maximum_delay", "jitter"])
    }
}
