import Testing
@testable import BeredskapCore

/// SplitMix64: deterministic randomness in a few lines, so a failing sequence can be replayed
/// from its seed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite struct PlaybookRunDeadlineTests {
    /// The run as it would be had it been advanced to `instant` with nothing due.
    private func evaluated(_ run: PlaybookRun, at instant: Timestamp) -> PlaybookRun {
        var copy = run
        copy.evaluatedAt = instant
        return copy
    }

    /// The scheduler's contract for one run value: nothing happens before `nextDeadline()`,
    /// something happens at it, and nothing more at it a second time.
    private func checkDeadline(of run: PlaybookRun) {
        guard let deadline = run.nextDeadline() else {
            var later = run
            #expect(later.advance(to: run.evaluatedAt.adding(milliseconds: 86_400_000 * 365)).isEmpty)
            #expect(evaluated(later, at: run.evaluatedAt) == run)
            return
        }
        #expect(deadline > run.evaluatedAt)
        var early = run
        #expect(early.advance(to: deadline.adding(milliseconds: -1)).isEmpty)
        #expect(evaluated(early, at: run.evaluatedAt) == run)
        var due = run
        #expect(!due.advance(to: deadline).isEmpty)
        let settled = due
        #expect(due.advance(to: deadline).isEmpty)
        #expect(due == settled)
    }

    @Test(arguments: [UInt64(1), 7, 2026, 0x5eed])
    func advancingToTheNextDeadlineAlwaysDoesSomethingAndNothingHappensBeforeIt(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let specs = [
            PlaybookRunStepSpec(id: "open", due: .seconds(600), owner: "mottak"),
            PlaybookRunStepSpec(id: "sms", dependsOn: ["open"], due: .seconds(60), automatic: true, owner: "drift"),
            PlaybookRunStepSpec(id: "beds", dependsOn: ["open"], due: .seconds(1200), owner: "mottak"),
            PlaybookRunStepSpec(id: "bus", dependsOn: ["open"], due: .seconds(0), owner: "transport"),
            PlaybookRunStepSpec(id: "announce", dependsOn: ["sms", "beds", "bus"], due: .seconds(900), owner: "komm"),
        ]
        let policy = PlaybookRun.Policy(escalateOverdueAfter: .seconds(900), escalationLimit: 2, automaticAttemptLimit: 2)
        var now = Timestamp(millisecondsSinceEpoch: 1_795_338_000_000)
        var run = try PlaybookRun.start(
            id: "r", playbook: "p", steps: specs, at: now, by: "vakt", reason: "drill", policy: policy).0
        for _ in 0..<400 {
            checkDeadline(of: run)
            if run.state != .active {
                run = try PlaybookRun.start(
                    id: "r", playbook: "p", steps: specs, at: run.evaluatedAt, by: "vakt", reason: "drill",
                    policy: policy).0
            }
            if Int.random(in: 0..<4, using: &random) == 0, let deadline = run.nextDeadline() {
                now = deadline
            } else {
                now = now.adding(milliseconds: Int64.random(in: -60_000...1_200_000, using: &random))
            }
            let target = run.steps.randomElement(using: &random)?.id ?? ""
            switch Int.random(in: 0..<7, using: &random) {
            case 0, 1:
                _ = run.advance(to: now)
            case 2:
                _ = try? run.complete(step: target, by: "kari", note: nil, at: now)
            case 3:
                _ = try? run.skip(step: target, by: "ola", reason: "not needed", at: now)
            case 4:
                let result: PlaybookRun.AutomaticResult = Bool.random(using: &random) ? .done : .failed(reason: "x")
                _ = run.automaticStepFinished(step: target, result: result, at: now)
            case 5:
                _ = run.recoverAfterRestart(at: now, retryRunning: Bool.random(using: &random))
                #expect(run.steps.allSatisfy { $0.state != .running || $0.attempts <= policy.automaticAttemptLimit })
            default:
                if Int.random(in: 0..<10, using: &random) == 0 {
                    _ = try run.abort(by: "leder", reason: "drill over", at: now)
                }
            }
        }
    }
}
