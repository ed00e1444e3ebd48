import BeredskapJSON
import Testing
@testable import BeredskapCore

/// `minutes` (and `ms` milliseconds) after 2026-11-22T09:00:00Z.
private func at(_ minutes: Int64, ms: Int64 = 0) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: 1_795_338_000_000 + minutes * 60_000 + ms)
}

private let key = AlertKey(rule: "facility_utilization", subject: "facility/refstad")

private func policy(
    for forMinutes: Int64 = 5, keep: Int64 = 10, repeatEvery: Int64? = nil, escalateAfter: Int64? = nil,
    limit: Int = 0
) -> AlertLifecycle.Policy {
    AlertLifecycle.Policy(
        forDuration: .seconds(forMinutes * 60), keepFiringFor: .seconds(keep * 60),
        repeatInterval: repeatEvery.map { .seconds($0 * 60) }, escalateAfter: escalateAfter.map { .seconds($0 * 60) },
        escalationLimit: limit)
}

/// An alert that fired at minute 0 (`for` zero) with `severity`.
private func firing(_ severity: AlertSeverity = .warning, _ policy: AlertLifecycle.Policy) -> AlertLifecycle {
    var policyNow = policy
    policyNow.forDuration = .seconds(0)
    return AlertLifecycle.start(key: key, severity: severity, at: at(0), policy: policyNow).0
}

@Suite struct AlertLifecycleTests {
    // MARK: for

    @Test func aPendingAlertFiresExactlyWhenForRunsOutAndNotAMillisecondBefore() {
        var (alert, effects) = AlertLifecycle.start(key: key, severity: .warning, at: at(0), policy: policy(for: 5))
        #expect(effects.isEmpty)
        #expect(alert.state == .pending)
        #expect(alert.nextDeadline() == at(5))
        #expect(alert.advance(to: at(5, ms: -1)).isEmpty)
        #expect(alert.state == .pending)
        #expect(alert.advance(to: at(5)) == [.notify(.firing)])
        #expect(alert.state == .firing)
        #expect(alert.firingSince == at(5))
    }

    @Test func anAlertWithAZeroForFiresAtOnceAndNotifies() {
        let (alert, effects) = AlertLifecycle.start(key: key, severity: .critical, at: at(0), policy: policy(for: 0))
        #expect(effects == [.notify(.firing)])
        #expect(alert.state == .firing)
        #expect(alert.history.map(\.state) == [.pending, .firing])
    }

    @Test func aConditionThatClearsBeforeForRunsOutClosesSilently() {
        var alert = AlertLifecycle.start(key: key, severity: .warning, at: at(0), policy: policy(for: 5)).0
        #expect(alert.observe(.critical, at: at(2)).isEmpty)
        #expect(alert.observe(nil, at: at(5, ms: -1)) == [.closedSilently])
        #expect(alert.state == .resolved)
        #expect(alert.nextDeadline() == nil)
        #expect(alert.advance(to: at(60)).isEmpty)
        #expect(alert.observe(.critical, at: at(61)).isEmpty)
    }

    @Test func aVerdictAfterForRanOutFiresFirstThenApplies() {
        var alert = AlertLifecycle.start(key: key, severity: .warning, at: at(0), policy: policy(for: 5, keep: 0)).0
        #expect(alert.observe(nil, at: at(7)) == [.notify(.firing), .notify(.resolved)])
        #expect(alert.firingSince == at(5))
        #expect(alert.resolvedAt == at(7))
    }

    // MARK: keep_firing_for

    @Test func clearingStartsKeepFiringForAndReturningWithinItKeepsFiringWithoutNotifying() {
        var alert = firing(.warning, policy(keep: 10))
        #expect(alert.observe(nil, at: at(1)).isEmpty)
        #expect(alert.state == .firing)
        #expect(alert.nextDeadline() == at(11))
        #expect(alert.observe(nil, at: at(3)).isEmpty)
        #expect(alert.nextDeadline() == at(11))
        #expect(alert.observe(.warning, at: at(10)).isEmpty)
        #expect(alert.nextDeadline() == nil)
        #expect(alert.advance(to: at(30)).isEmpty)
        #expect(alert.state == .firing)
    }

    @Test func anAlertResolvesAtTheInstantKeepFiringForRunsOut() {
        var alert = firing(.warning, policy(keep: 10))
        _ = alert.observe(nil, at: at(1))
        #expect(alert.advance(to: at(11, ms: -1)).isEmpty)
        #expect(alert.advance(to: at(11)) == [.notify(.resolved)])
        #expect(alert.state == .resolved)
        #expect(alert.resolvedAt == at(11))
        #expect(alert.advance(to: at(11)).isEmpty)
    }

    // MARK: severity

    @Test func aSeverityRiseNotifiesAgainAndClearsTheAcknowledgement() throws {
        var alert = firing(.warning, policy())
        try alert.acknowledge(by: "vakt", comment: "ringer Refstad", until: nil, at: at(1))
        #expect(alert.observe(.critical, at: at(2)) == [.notify(.severityRaised)])
        #expect(alert.severity == .critical)
        #expect(alert.acknowledgement == nil)
    }

    @Test func theSameSeverityNeverNotifiesAgainAndAFallNotifiesOnce() throws {
        var alert = firing(.critical, policy())
        try alert.acknowledge(by: "vakt", comment: nil, until: nil, at: at(1))
        #expect(alert.observe(.critical, at: at(2)).isEmpty)
        #expect(alert.observe(.warning, at: at(3)) == [.notify(.severityLowered)])
        #expect(alert.observe(.warning, at: at(4)).isEmpty)
        #expect(alert.acknowledgement?.by == "vakt")
        #expect(alert.history.map(\.severity) == [.critical, .critical, .warning])
    }

    // MARK: repeats

    @Test func aFiringAlertRepeatsEveryIntervalCountedFromTheLastNotification() {
        var alert = firing(.warning, policy(repeatEvery: 30))
        #expect(alert.nextDeadline() == at(30))
        #expect(alert.advance(to: at(30)) == [.notify(.repeat)])
        #expect(alert.advance(to: at(30)).isEmpty)
        #expect(alert.nextDeadline() == at(60))
        _ = alert.observe(.critical, at: at(40))
        #expect(alert.nextDeadline() == at(70))
    }

    @Test func noRepeatsGoOutWhileAcknowledgedAndTheyResumeWhenItExpires() throws {
        var alert = firing(.warning, policy(repeatEvery: 30))
        try alert.acknowledge(by: "vakt", comment: nil, until: at(100), at: at(10))
        #expect(alert.nextDeadline() == at(100))
        #expect(alert.advance(to: at(99)).isEmpty)
        #expect(alert.isAcknowledged(at: at(99)))
        #expect(alert.advance(to: at(100)) == [.notify(.repeat)])
        #expect(alert.acknowledgement == nil)
        #expect(alert.nextDeadline() == at(130))
    }

    @Test func noRepeatsGoOutWhileTheConditionIsClearButTheAlertStillFires() {
        var alert = firing(.warning, policy(keep: 60, repeatEvery: 30))
        _ = alert.observe(nil, at: at(20))
        #expect(alert.advance(to: at(45)).isEmpty)
        #expect(alert.observe(.warning, at: at(50)) == [.notify(.repeat)])
    }

    // MARK: escalation

    @Test func aWarningNeverEscalates() {
        var alert = firing(.warning, policy(escalateAfter: 15, limit: 3))
        #expect(alert.nextDeadline() == nil)
        #expect(alert.advance(to: at(600)).isEmpty)
    }

    @Test func anUnacknowledgedCriticalAlertEscalatesStepByStepUpToTheLimit() {
        var alert = firing(.critical, policy(escalateAfter: 15, limit: 2))
        #expect(alert.advance(to: at(15, ms: -1)).isEmpty)
        #expect(alert.advance(to: at(15)) == [.escalate(step: 1)])
        #expect(alert.advance(to: at(30)) == [.escalate(step: 2)])
        #expect(alert.nextDeadline() == nil)
        #expect(alert.advance(to: at(45)).isEmpty)
    }

    @Test func escalationStartsWhenTheSeverityRisesToCritical() {
        var alert = firing(.warning, policy(escalateAfter: 15, limit: 2))
        _ = alert.observe(.critical, at: at(20))
        #expect(alert.nextDeadline() == at(35))
    }

    @Test func anAcknowledgementStopsEscalationAndItsExpiryGivesAFullIntervalAgain() throws {
        var alert = firing(.critical, policy(escalateAfter: 15, limit: 3))
        try alert.acknowledge(by: "vakt", comment: nil, until: at(40), at: at(10))
        #expect(alert.advance(to: at(39)).isEmpty)
        #expect(alert.advance(to: at(40)).isEmpty)
        #expect(alert.nextDeadline() == at(55))
        #expect(alert.advance(to: at(55)) == [.escalate(step: 1)])
    }

    // MARK: acknowledge

    @Test func onlyAnOpenAlertCanBeAcknowledgedAndOnlyUntilALaterInstant() {
        var alert = AlertLifecycle.start(key: key, severity: .warning, at: at(0), policy: policy(for: 5)).0
        #expect(throws: AlertActionError.expiryNotInFuture(until: at(1), at: at(1))) {
            try alert.acknowledge(by: "vakt", comment: nil, until: at(1), at: at(1))
        }
        _ = alert.observe(nil, at: at(2))
        #expect(throws: AlertActionError.notOpen(key)) {
            try alert.acknowledge(by: "vakt", comment: nil, until: nil, at: at(3))
        }
    }

    // MARK: restarts and jumps

    @Test func aPendingAlertStoredAndReadBackFiresAtItsOriginalInstant() throws {
        let stored = AlertLifecycle.start(key: key, severity: .critical, at: at(0), policy: policy(for: 5)).0
        let bytes = try JSONValueEncoder().encodeBytes(stored)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"pending_since\""))
        var restored = try JSONValueDecoder().decode(AlertLifecycle.self, from: bytes)
        #expect(restored == stored)
        #expect(restored.advance(to: at(7)) == [.notify(.firing)])
        #expect(restored.firingSince == at(5))
        #expect(restored.history.last == AlertTransition(at: at(5), state: .firing, severity: .critical))
    }

    @Test func aJumpFarAheadSendsOneRepeatAndOnlyTheNextEscalationStep() {
        var alert = firing(.critical, policy(repeatEvery: 10, escalateAfter: 15, limit: 3))
        #expect(alert.advance(to: at(600)) == [.notify(.repeat), .escalate(step: 1)])
        #expect(alert.nextDeadline() == at(610))
        #expect(alert.advance(to: at(615)) == [.notify(.repeat), .escalate(step: 2)])
    }

    @Test func aJumpPastKeepFiringForResolvesAtItsInstantWithoutRepeats() {
        var alert = firing(.critical, policy(keep: 10, repeatEvery: 5, escalateAfter: 5, limit: 3))
        _ = alert.observe(nil, at: at(1))
        #expect(alert.advance(to: at(600)) == [.notify(.resolved)])
        #expect(alert.resolvedAt == at(11))
    }

    @Test func aClockThatStepsBackChangesNothing() {
        var alert = firing(.warning, policy(keep: 10))
        _ = alert.advance(to: at(30))
        let before = alert
        #expect(alert.observe(nil, at: at(20)).isEmpty)
        #expect(alert.conditionClearedAt == at(30))
        alert = before
        #expect(alert.advance(to: at(1)).isEmpty)
        #expect(alert == before)
    }

    @Test func theHistoryKeepsOnlyTheNewestTransitions() {
        var alert = firing(.warning, policy())
        for minute in Int64(1)...30 {
            _ = alert.observe(minute % 2 == 0 ? .warning : .critical, at: at(minute))
        }
        #expect(alert.history.count == AlertLifecycle.historyLimit)
        #expect(alert.history.last?.at == at(30))
    }

    @Test func aPolicyWithZeroIntervalsOrANegativeLimitIsReported() {
        let bad = AlertLifecycle.Policy(
            forDuration: .seconds(-1), repeatInterval: .seconds(0), escalateAfter: .seconds(0), escalationLimit: -1)
        #expect(bad.problems().map(\.field) == ["for", "repeat_interval", "escalate_after", "escalation_limit"])
        #expect(policy(repeatEvery: 1, escalateAfter: 1, limit: 1).problems().isEmpty)
    }
}

@Suite struct AlertLifecycleDeadlineTests {
    @Test(arguments: [UInt64(1), 7, 2026, 0x5eed])
    func advancingToNextDeadlineAlwaysDoesSomethingAndNothingHappensBeforeIt(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let policy = AlertLifecycle.Policy(
            forDuration: .seconds(300), keepFiringFor: .seconds(600), repeatInterval: .seconds(900),
            escalateAfter: .seconds(1200), escalationLimit: 2)
        let verdicts: [AlertSeverity?] = [nil, .warning, .critical]
        var now = Timestamp(millisecondsSinceEpoch: 1_795_338_000_000)
        var alert = AlertLifecycle.start(key: key, severity: .warning, at: now, policy: policy).0
        for _ in 0..<400 {
            expectSchedulerContract(alert)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where alert.nextDeadline() != nil:
                now = try #require(alert.nextDeadline())
            default:
                now = now.adding(milliseconds: Int64.random(in: -60_000...1_800_000, using: &random))
            }
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                _ = alert.advance(to: now)
            case 1 where alert.isOpen:
                let until = Bool.random(using: &random)
                    ? nil : max(now, alert.evaluatedAt).adding(milliseconds: Int64.random(in: 1...3_600_000, using: &random))
                try alert.acknowledge(by: "vakt", comment: nil, until: until, at: now)
            default:
                let verdict = verdicts.randomElement(using: &random) ?? nil
                _ = alert.observe(verdict, at: now)
                if !alert.isOpen, let verdict {
                    alert = AlertLifecycle.start(key: key, severity: verdict, at: alert.evaluatedAt, policy: policy).0
                }
            }
        }
    }
}
