import BeredskapJSON
import Testing
@testable import BeredskapCore

/// `minutes` (and `ms` milliseconds) after 2026-11-22T09:00:00Z.
private func at(_ minutes: Int64, ms: Int64 = 0) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: 1_795_338_000_000 + minutes * 60_000 + ms)
}

/// A task step (or automatic with `auto`) due `due` minutes after it is ready, owned by `owner`.
private func step(
    _ id: String, after dependsOn: [String] = [], due: Int64 = 30, auto: Bool = false, owner: String = "mottak"
) -> PlaybookRunStepSpec {
    PlaybookRunStepSpec(id: id, dependsOn: dependsOn, due: .seconds(due * 60), automatic: auto, owner: owner)
}

/// open → (beds, transport) → announce: the diamond.
private let diamond = [
    step("open"), step("beds", after: ["open"]), step("transport", after: ["open"], owner: "transport"),
    step("announce", after: ["beds", "transport"], owner: "kommunikasjon"),
]

private func policy(escalateAfter: Int64? = nil, limit: Int = 0, attempts: Int = 3) -> PlaybookRun.Policy {
    PlaybookRun.Policy(
        escalateOverdueAfter: escalateAfter.map { .seconds($0 * 60) }, escalationLimit: limit,
        automaticAttemptLimit: attempts)
}

private func started(
    _ specs: [PlaybookRunStepSpec], policy: PlaybookRun.Policy = policy()
) throws(PlaybookRunError) -> (PlaybookRun, [PlaybookRunEffect]) {
    try PlaybookRun.start(
        id: "run-1", playbook: "surge-red", steps: specs, at: at(0), by: "vakt", reason: "alert surge/oslo",
        policy: policy)
}

private func ready(_ id: String, _ owner: String = "mottak") -> PlaybookRunEffect {
    .notifyOwner(step: id, owner: owner, about: .ready)
}

@Suite struct PlaybookRunTests {
    // MARK: dependencies

    @Test func onlyStepsWithoutDependenciesAreReadyAtTheStartAndTheirOwnersAreTold() throws {
        let (run, effects) = try started(diamond)
        #expect(effects == [ready("open")])
        #expect(run.steps.map(\.state) == [.ready, .waiting, .waiting, .waiting])
        #expect(run.step("open")?.readyAt == at(0))
        #expect(run.step("open")?.dueAt == at(30))
        #expect(run.step("beds")?.dueAt == nil)
    }

    @Test func theJoinOfADiamondWaitsForBothBranches() throws {
        var run = try started(diamond).0
        #expect(try run.complete(step: "open", by: "kari", note: nil, at: at(5))
            == [ready("beds"), ready("transport", "transport")])
        #expect(try run.complete(step: "transport", by: "ola", note: nil, at: at(8)).isEmpty)
        #expect(run.step("announce")?.state == .waiting)
        #expect(try run.complete(step: "beds", by: "kari", note: nil, at: at(12)) == [ready("announce", "kommunikasjon")])
        #expect(run.step("announce")?.readyAt == at(12))
        #expect(run.step("announce")?.dueAt == at(42))
    }

    @Test func completingTheLastStepFinishesTheRun() throws {
        var run = try started([step("a"), step("b", after: ["a"])]).0
        _ = try run.complete(step: "a", by: "kari", note: nil, at: at(1))
        #expect(try run.complete(step: "b", by: "kari", note: nil, at: at(2)) == [.finished])
        #expect(run.state == .finished)
        #expect(run.endedAt == at(2))
        #expect(run.nextDeadline() == nil)
    }

    @Test func completingRecordsWhoWhenAndTheNote() throws {
        var run = try started(diamond).0
        _ = try run.complete(step: "open", by: "kari", note: "Refstad open", at: at(7))
        let open = try #require(run.step("open"))
        #expect(open.state == .done)
        #expect(open.completedBy == "kari")
        #expect(open.completedAt == at(7))
        #expect(open.note == "Refstad open")
    }

    @Test func completingAWaitingADoneOrAnUnknownStepIsRefusedAndChangesNothing() throws {
        var run = try started(diamond).0
        let before = run
        #expect(throws: PlaybookRunError.notReady(step: "beds", state: .waiting)) {
            try run.complete(step: "beds", by: "kari", note: nil, at: at(1))
        }
        #expect(run == before)
        _ = try run.complete(step: "open", by: "kari", note: nil, at: at(2))
        #expect(throws: PlaybookRunError.notReady(step: "open", state: .done)) {
            try run.complete(step: "open", by: "ola", note: nil, at: at(3))
        }
        #expect(run.step("open")?.completedBy == "kari")
        #expect(throws: PlaybookRunError.unknownStep("nope")) {
            try run.complete(step: "nope", by: "ola", note: nil, at: at(3))
        }
    }

    // MARK: skip

    @Test func skippingAStepUnblocksItsDependentsAndRecordsWhoWhenAndWhy() throws {
        var run = try started(diamond).0
        _ = try run.complete(step: "open", by: "kari", note: nil, at: at(1))
        _ = try run.complete(step: "beds", by: "kari", note: nil, at: at(2))
        #expect(try run.skip(step: "transport", by: "ola", reason: "buses on site", at: at(3))
            == [ready("announce", "kommunikasjon")])
        let transport = try #require(run.step("transport"))
        #expect(transport.state == .skipped)
        #expect(transport.skippedBy == "ola")
        #expect(transport.skippedAt == at(3))
        #expect(transport.skipReason == "buses on site")
    }

    @Test func aWaitingStepCanBeSkippedAheadAndADoneOneCannot() throws {
        var run = try started(diamond).0
        #expect(try run.skip(step: "announce", by: "ola", reason: "not needed", at: at(1)).isEmpty)
        #expect(run.step("announce")?.state == .skipped)
        _ = try run.complete(step: "open", by: "kari", note: nil, at: at(2))
        #expect(throws: PlaybookRunError.cannotSkip(step: "open", state: .done)) {
            try run.skip(step: "open", by: "ola", reason: "", at: at(3))
        }
    }

    // MARK: automatic steps

    @Test func anAutomaticStepRunsAtOnceAndItsSuccessStartsItsDependents() throws {
        var (run, effects) = try started([step("sms", auto: true), step("call", after: ["sms"])])
        #expect(effects == [.runAutomatic(step: "sms", attempt: 1)])
        #expect(run.step("sms")?.state == .running)
        #expect(throws: PlaybookRunError.automaticStep("sms")) {
            try run.complete(step: "sms", by: "kari", note: nil, at: at(1))
        }
        #expect(run.automaticStepFinished(step: "sms", result: .done, at: at(2)) == [ready("call")])
        #expect(run.step("sms")?.completedBy == PlaybookRun.automaticActor)
        #expect(run.step("sms")?.completedAt == at(2))
        #expect(run.automaticStepFinished(step: "sms", result: .done, at: at(3)).isEmpty)
    }

    @Test func aFailedAutomaticStepBlocksTheRunUntilSomeoneSkipsIt() throws {
        var run = try started([step("sms", auto: true), step("call", after: ["sms"])]).0
        #expect(run.automaticStepFinished(step: "sms", result: .failed(reason: "gateway 503"), at: at(2))
            == [.notifyOwner(step: "sms", owner: "mottak", about: .failed)])
        #expect(run.step("sms")?.failureReason == "gateway 503")
        #expect(run.step("call")?.state == .waiting)
        #expect(run.state == .active)
        #expect(run.isBlocked)
        #expect(try run.skip(step: "sms", by: "kari", reason: "sent by hand", at: at(4)) == [ready("call")])
        #expect(!run.isBlocked)
    }

    // MARK: overdue and escalation

    @Test func aReadyStepIsOverdueExactlyAtItsDueInstantAndItsOwnerIsToldOnce() throws {
        var run = try started(diamond).0
        #expect(run.nextDeadline() == at(30))
        #expect(run.advance(to: at(30, ms: -1)).isEmpty)
        #expect(run.step("open")?.overdue == false)
        #expect(run.advance(to: at(30)) == [.notifyOwner(step: "open", owner: "mottak", about: .overdue)])
        #expect(run.step("open")?.overdue == true)
        #expect(run.advance(to: at(30)).isEmpty)
        #expect(run.advance(to: at(500)).isEmpty)
        #expect(run.nextDeadline() == nil)
    }

    @Test func escalationsFollowEveryIntervalUpToTheLimit() throws {
        var run = try started([step("a")], policy: policy(escalateAfter: 15, limit: 2)).0
        _ = run.advance(to: at(30))
        #expect(run.nextDeadline() == at(45))
        #expect(run.advance(to: at(45, ms: -1)).isEmpty)
        #expect(run.advance(to: at(45)) == [.escalateOverdue(step: "a", count: 1)])
        #expect(run.nextDeadline() == at(60))
        #expect(run.advance(to: at(60)) == [.escalateOverdue(step: "a", count: 2)])
        #expect(run.nextDeadline() == nil)
        #expect(run.advance(to: at(600)).isEmpty)
        #expect(run.step("a")?.escalations == 2)
    }

    @Test func completingAnOverdueStepStopsFurtherEscalation() throws {
        var run = try started([step("a"), step("b", after: ["a"], due: 600)], policy: policy(escalateAfter: 15, limit: 3)).0
        _ = run.advance(to: at(45))
        #expect(try run.complete(step: "a", by: "kari", note: nil, at: at(50)) == [ready("b")])
        let a = try #require(run.step("a"))
        #expect(!a.overdue)
        #expect(a.escalations == 0)
        #expect(a.nextEscalationAt == nil)
        #expect(run.nextDeadline() == at(650))
        #expect(run.advance(to: at(649)).isEmpty)
    }

    @Test func completingAtAnInstantPastDueSendsNoOverdueNotice() throws {
        var run = try started([step("a"), step("b", after: ["a"])]).0
        #expect(try run.complete(step: "a", by: "kari", note: nil, at: at(40)) == [ready("b")])
    }

    @Test func aJumpFarAheadSendsEachOverdueNoticeOnceAndNoEscalationYet() throws {
        var run = try started([step("a"), step("b", due: 10)], policy: policy(escalateAfter: 15, limit: 3)).0
        #expect(run.advance(to: at(600)) == [
            .notifyOwner(step: "a", owner: "mottak", about: .overdue),
            .notifyOwner(step: "b", owner: "mottak", about: .overdue),
        ])
        #expect(run.nextDeadline() == at(615))
        #expect(run.advance(to: at(900)) == [.escalateOverdue(step: "a", count: 1), .escalateOverdue(step: "b", count: 1)])
    }

    @Test func aStepDueAtOnceIsOverdueWhenItBecomesReady() throws {
        let effects = try started([step("a", due: 0)]).1
        #expect(effects == [ready("a"), .notifyOwner(step: "a", owner: "mottak", about: .overdue)])
    }

    // MARK: abort

    @Test func abortingStopsEverything() throws {
        var run = try started([step("a"), step("sms", auto: true), step("b", after: ["a", "sms"])],
                              policy: policy(escalateAfter: 5, limit: 3)).0
        _ = run.advance(to: at(31))
        #expect(run.step("a")?.overdue == true)
        #expect(try run.abort(by: "leder", reason: "false alarm", at: at(32)) == [.aborted])
        #expect(run.step("a")?.overdue == false, "nothing is late in a stopped run")
        #expect(run.state == .aborted)
        #expect(run.abortedBy == "leder")
        #expect(run.abortReason == "false alarm")
        #expect(run.endedAt == at(32))
        #expect(run.nextDeadline() == nil)
        #expect(run.advance(to: at(900)).isEmpty)
        #expect(run.step("sms")?.state == .skipped, "nothing is left running in an ended run")
        #expect(run.step("sms")?.skippedBy == "leder")
        #expect(run.step("sms")?.skipReason == PlaybookRun.abortedReason.en)
        #expect(run.automaticStepFinished(step: "sms", result: .done, at: at(33)).isEmpty)
        #expect(run.step("sms")?.state == .skipped, "a late report changes nothing")
        #expect(run.step("b")?.state == .waiting)
        #expect(throws: PlaybookRunError.notActive(.aborted)) {
            try run.complete(step: "a", by: "kari", note: nil, at: at(34))
        }
        #expect(throws: PlaybookRunError.notActive(.aborted)) {
            try run.abort(by: "leder", reason: "again", at: at(35))
        }
    }

    // MARK: supersession

    @Test func aSupersededRunSkipsEveryOpenStepWithTheReasonTellsNobodyAndFinishes() throws {
        var run = try started([step("done"), step("ready"), step("sms", auto: true), step("broken", auto: true),
                               step("later", after: ["ready"])], policy: policy(escalateAfter: 5, limit: 3)).0
        _ = try run.complete(step: "done", by: "kari", note: nil, at: at(1))
        _ = run.automaticStepFinished(step: "broken", result: .failed(reason: "ingen kanal"), at: at(2))
        _ = run.advance(to: at(31))
        #expect(run.step("ready")?.overdue == true)
        let effects = try run.supersede(by: "7", actor: "system", reason: "superseded by run #7 surge-high", at: at(40))
        #expect(effects == [.superseded(by: "7")], "no owner is told again")
        #expect(run.state == .finished)
        #expect(run.supersededBy == "7")
        #expect(run.endedAt == at(40))
        #expect(run.step("done")?.state == .done, "what was done stays done")
        for id in ["ready", "sms", "broken", "later"] {
            #expect(run.step(id)?.state == .skipped, "\(id)")
            #expect(run.step(id)?.skipReason == "superseded by run #7 surge-high")
            #expect(run.step(id)?.skippedBy == "system")
        }
        #expect(run.step("ready")?.overdue == false)
        #expect(run.nextDeadline() == nil)
        #expect(run.advance(to: at(900)).isEmpty)
        #expect(throws: PlaybookRunError.notActive(.finished)) {
            try run.supersede(by: "8", actor: "system", reason: "again", at: at(41))
        }
    }

    @Test func onlyAHigherSurgeCardSupersedesALowerOne() {
        let elevated = PlaybookTrigger.surge(.init(level: .elevated)), high = PlaybookTrigger.surge(.init(level: .high))
        #expect(high.supersedes(elevated))
        #expect(PlaybookTrigger.surge(.init(level: .crisis)).supersedes(elevated))
        #expect(!elevated.supersedes(high))
        #expect(!high.supersedes(high))
        #expect(!high.supersedes(.alert(.init(rule: "facility_utilization"))))
        #expect(!PlaybookTrigger.manual.supersedes(elevated))
    }

    // MARK: restart

    @Test func aRunningStepIsRetriedAfterARestartWithTheNextAttempt() throws {
        var run = try started([step("sms", auto: true)]).0
        #expect(run.recoverAfterRestart(at: at(5), retryRunning: true) == [.runAutomatic(step: "sms", attempt: 2)])
        #expect(run.step("sms")?.attempts == 2)
        #expect(run.step("sms")?.state == .running)
    }

    @Test func aRunningStepFailsWithAReasonWhenRetriesAreSpentOrOff() throws {
        let failedNotice = PlaybookRunEffect.notifyOwner(step: "sms", owner: "mottak", about: .failed)
        var run = try started([step("sms", auto: true)], policy: policy(attempts: 2)).0
        _ = run.recoverAfterRestart(at: at(1), retryRunning: true)
        #expect(run.recoverAfterRestart(at: at(2), retryRunning: true) == [failedNotice])
        #expect(run.step("sms")?.state == .failed)
        #expect(run.step("sms")?.failureReason == PlaybookRun.interruptedReason.en)
        #expect(run.step("sms")?.failedAt == at(2))

        var untried = try started([step("sms", auto: true)]).0
        #expect(untried.recoverAfterRestart(at: at(1), retryRunning: false) == [failedNotice])
        #expect(untried.steps.allSatisfy { $0.state != .running })
    }

    @Test func aWaitForAConditionIsCheckedAgainAfterEveryRestartWithoutUsingUpAttempts() throws {
        let wait = PlaybookRunStepSpec(id: "calm", due: .seconds(3600), owner: "mottak", waitsForCondition: true)
        var run = try started([wait], policy: policy(attempts: 1)).0
        #expect(run.step("calm")?.automatic == true)
        for restart: Int64 in 1...3 {
            #expect(run.recoverAfterRestart(at: at(restart), retryRunning: false) == [.runAutomatic(step: "calm", attempt: 1)])
            #expect(run.step("calm")?.state == .running)
        }
        #expect(run.automaticStepFinished(step: "calm", result: .done, at: at(9)) == [.finished])
    }

    @Test func aRestartAppliesTheOverdueNoticesMissedWhileDown() throws {
        var run = try started([step("a")]).0
        #expect(run.recoverAfterRestart(at: at(100), retryRunning: true)
            == [.notifyOwner(step: "a", owner: "mottak", about: .overdue)])
    }

    // MARK: storage

    @Test func aRunStoredMidwayAndReadBackGoesOnAsBefore() throws {
        var run = try started(diamond, policy: policy(escalateAfter: 15, limit: 2)).0
        _ = try run.complete(step: "open", by: "kari", note: "ok", at: at(5))
        _ = run.advance(to: at(35))
        let bytes = try JSONValueEncoder().encodeBytes(run)
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.contains("\"next_escalation_at\""))
        #expect(json.contains("\"depends_on\""))
        var restored = try JSONValueDecoder().decode(PlaybookRun.self, from: bytes)
        #expect(restored == run)
        #expect(restored.nextDeadline() == at(50))
        #expect(restored.advance(to: at(50)) == [
            .escalateOverdue(step: "beds", count: 1), .escalateOverdue(step: "transport", count: 1),
        ])
    }

    // MARK: validation

    @Test func startRefusesDuplicateIdsUnknownDependenciesAndCycles() {
        #expect(throws: PlaybookRunError.self) { try started([]) }
        func field(_ specs: [PlaybookRunStepSpec]) -> String? {
            do {
                _ = try started(specs)
                return nil
            } catch {
                guard case .invalidSteps(let problem) = error else { return "other" }
                return problem.field
            }
        }
        #expect(field([step("a"), step("a")]) == "steps[1].id")
        #expect(field([step("a", after: ["ghost"])]) == "steps[0].depends_on")
        #expect(field([step("a"), step("b", after: ["c"]), step("c", after: ["b"]), step("d", after: ["c"])])
            == "steps[1].depends_on")
        #expect(field([step("a", after: ["a"])]) == "steps[0].depends_on")
        #expect(field(diamond) == nil)
        #expect(policy(escalateAfter: 0, limit: -1, attempts: 0).problems().map(\.field)
            == ["escalate_overdue_after", "escalation_limit", "automatic_attempt_limit"])
    }
}
