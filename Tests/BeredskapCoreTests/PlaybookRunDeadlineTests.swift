import Testing
@testable import BeredskapCore

@Suite struct PlaybookRunDeadlineTests {
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
            expectSchedulerContract(run)
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
