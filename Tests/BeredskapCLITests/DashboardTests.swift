import BeredskapAPI
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// The dashboard's model, event by event: what it applies itself and what it asks to fetch.
@Suite struct DashboardTests {
    typealias F = DashboardFixture

    @Test func facilitiesAndTheirRecordsAreAppliedWithoutFetching() throws {
        var dashboard = Dashboard()
        #expect(dashboard.apply(try F.facility("refstad", kind: .transit, capacity: 200, seq: 1)) == Dashboard.Refetch())
        #expect(dashboard.facilities["refstad"]?.available == 200)

        // An arrival moves the surge figures too, so the surge is fetched; a departure does not.
        #expect(dashboard.apply(try F.arrival("refstad", count: 30, occupied: 30, seq: 2)) == Dashboard.Refetch(surge: true))
        let departure = try F.event(
            CapacityEvents.departureRecorded,
            .init(id: 3, facility: "refstad", kind: .transit, count: 10, reason: .settled, at: PlaybookFixture.at(2), occupied: 20, to: nil, counted: true),
            subject: "facility/refstad", seq: 3, at: 2)
        #expect(dashboard.apply(departure) == Dashboard.Refetch())
        #expect(dashboard.facilities["refstad"]?.occupied == 20)

        let count = try F.event(
            CapacityEvents.headCountReported,
            .init(id: 4, facility: "refstad", occupied: 25, counted: 25, previous: 20, at: PlaybookFixture.at(3)),
            subject: "facility/refstad", seq: 4, at: 3)
        dashboard.apply(count)
        #expect(dashboard.facilities["refstad"]?.occupied == 25)

        let void = try F.event(
            CapacityEvents.arrivalVoided,
            .init(
                id: 2, facility: "refstad", kind: .transit, transferFrom: nil, to: nil, transfer: nil,
                voided: .init(count: 30, category: .adult, at: PlaybookFixture.at(1)), before: nil, after: nil, correction: 1,
                occupied: 0),
            subject: "facility/refstad", seq: 5, at: 4)
        #expect(dashboard.apply(void) == Dashboard.Refetch(surge: true))
        #expect(dashboard.facilities["refstad"]?.occupied == 0)

        // An update keeps the occupancy and takes the new definition.
        dashboard.apply(try F.arrival("refstad", count: 50, occupied: 50, seq: 6))
        var closing = try F.facility("refstad", kind: .transit, capacity: 120, seq: 7, status: .closing)
        closing.type = CapacityEvents.facilityUpdated.name
        dashboard.apply(closing)
        #expect(dashboard.facilities["refstad"]?.occupied == 50)
        #expect(dashboard.facilities["refstad"]?.available == 120)
        #expect(dashboard.at == PlaybookFixture.at(4), "the latest time seen, not the last event's")
    }

    @Test func aRecordAtAFacilityNeverLoadedFetchesTheFacilities() throws {
        var dashboard = Dashboard()
        #expect(dashboard.apply(try F.arrival("ila", count: 3, occupied: 3, seq: 1)) == Dashboard.Refetch(facilities: true, surge: true))
        #expect(dashboard.facilities.isEmpty)
    }

    @Test func aBurstOfArrivalsIsOneFetchOfTheSurgeAndTheLastFigures() throws {
        var dashboard = Dashboard()
        dashboard.apply(try F.facility("refstad", kind: .transit, capacity: 2000, seq: 1))
        var refetch = Dashboard.Refetch()
        for seq in 2...1001 {
            refetch.formUnion(dashboard.apply(try F.arrival("refstad", count: 1, occupied: Int(seq) - 1, seq: Int64(seq))))
        }
        #expect(refetch == Dashboard.Refetch(surge: true))
        #expect(dashboard.facilities["refstad"]?.occupied == 1000)
        #expect(dashboard.recent.count == Dashboard.recentLimit)
        #expect(dashboard.recent.last?.seq == 1001)
        #expect(dashboard.recent.first?.seq == 1001 - Int64(Dashboard.recentLimit) + 1)
    }

    @Test func theSurgeLevelIsTakenFromItsEvent() throws {
        var dashboard = try F.busy()
        #expect(dashboard.surge == Dashboard.Surge(level: .high, since: PlaybookFixture.at(3), reason: "arrivals_24h 238 ≥ 200", arrivals24h: 238))
        let normal = try F.event(
            SurgeEvents.levelChanged,
            .init(from: .high, to: .normal, figures: SurgeFigures(arrivals24h: 3, arrivals7d: 300, baselinePerDay: 20), reason: nil),
            subject: "city", seq: 50, at: 300)
        #expect(dashboard.apply(normal) == Dashboard.Refetch())
        #expect(dashboard.surge == Dashboard.Surge(level: .normal, since: nil, reason: nil, arrivals24h: 3))
    }

    @Test func alertsAreShownWhileTheyFire() throws {
        var dashboard = Dashboard()
        #expect(dashboard.apply(try F.alert(AlertEvents.opened, id: 1, state: .pending, seq: 1)) == Dashboard.Refetch())
        #expect(dashboard.alerts.isEmpty, "a pending alert is not firing")
        dashboard.apply(try F.alert(AlertEvents.firing, id: 1, state: .firing, severity: .warning, seq: 2, at: 5))
        #expect(dashboard.alerts[1]?.since == PlaybookFixture.at(5))
        #expect(dashboard.alerts[1]?.severity == .warning)

        dashboard.apply(try F.alert(AlertEvents.severityChanged, id: 1, state: .firing, severity: .critical, seq: 3, at: 9))
        #expect(dashboard.alerts[1]?.severity == .critical)
        #expect(dashboard.alerts[1]?.since == PlaybookFixture.at(5), "still firing since it began")

        let ack = try F.event(
            AlertEvents.acknowledged, .init(rule: "facility_utilization", subject: "facility/refstad", expiresAt: nil),
            subject: "alert/1", seq: 4, at: 10)
        dashboard.apply(ack)
        #expect(dashboard.alerts[1]?.acknowledged == true)

        dashboard.apply(try F.alert(AlertEvents.resolved, id: 1, state: .resolved, seq: 5, at: 20))
        #expect(dashboard.alerts.isEmpty)
    }

    @Test func anAlertFiringSinceBeforeTheStartIsFetchedForItsStart() throws {
        var dashboard = Dashboard()
        let changed = try F.alert(AlertEvents.severityChanged, id: 4, state: .firing, severity: .critical, seq: 1, at: 9)
        #expect(dashboard.apply(changed) == Dashboard.Refetch(alerts: true))
        #expect(dashboard.alerts[4]?.severity == .critical, "shown at once, corrected by the fetch")
    }

    @Test func stepsFollowTheirEvents() throws {
        var dashboard = Dashboard()
        dashboard.load(run: try PlaybookFixture.run())
        func active() -> [String] { dashboard.runs[12]?.steps.filter(\.isActive).map(\.id) ?? [] }
        #expect(active() == ["redirect", "open-ila"])
        #expect(dashboard.runs[12]?.steps.first { $0.id == "redirect" }?.overdue == true)

        let completed = try F.event(PlaybookEvents.stepCompleted, .init(step: "redirect", by: "kari"), subject: "run/12", seq: 1)
        #expect(dashboard.apply(completed) == Dashboard.Refetch())
        let ready = try F.event(
            PlaybookEvents.stepReady, .init(step: "standby", owner: "beredskapsetaten", dueAt: PlaybookFixture.at(600)),
            subject: "run/12", seq: 2)
        dashboard.apply(ready)
        #expect(active() == ["standby", "open-ila"])
        let standby = dashboard.runs[12]?.steps.first { $0.id == "standby" }
        #expect(standby?.owner == "beredskapsetaten")
        #expect(standby?.dueAt == PlaybookFixture.at(600))
        #expect(standby?.overdue == false)

        let overdue = try F.event(
            PlaybookEvents.stepOverdue, .init(step: "standby", owner: "beredskapsetaten", dueAt: PlaybookFixture.at(600)),
            subject: "run/12", seq: 3)
        dashboard.apply(overdue)
        #expect(dashboard.runs[12]?.steps.first { $0.id == "standby" }?.overdue == true)

        let skipped = try F.event(PlaybookEvents.stepSkipped, .init(step: "open-ila", by: "kari"), subject: "run/12", seq: 4)
        dashboard.apply(skipped)
        #expect(active() == ["standby"])

        let finished = try F.event(PlaybookEvents.runFinished, .init(playbook: "facility-near-full"), subject: "run/12", seq: 5)
        #expect(dashboard.apply(finished) == Dashboard.Refetch())
        #expect(dashboard.runs.isEmpty)
    }

    @Test func aNewRunOrAStepOfAnUnknownRunIsFetched() throws {
        var dashboard = Dashboard()
        let started = try F.event(
            PlaybookEvents.runStarted,
            .init(playbook: "facility-near-full", trigger: PlaybookRunTrigger(kind: .manual)), subject: "run/3", seq: 1)
        #expect(dashboard.apply(started) == Dashboard.Refetch(runs: [3]))
        let ready = try F.event(
            PlaybookEvents.stepReady, .init(step: "standby", owner: "x", dueAt: nil), subject: "run/4", seq: 2)
        #expect(dashboard.apply(ready) == Dashboard.Refetch(runs: [4]))
        // A run that ended between the event and the fetch leaves the screen.
        dashboard.load(run: try PlaybookFixture.abortedRun())
        #expect(dashboard.runs.isEmpty)
    }

    @Test func otherEventsAreOnlyListed() throws {
        var dashboard = Dashboard()
        let log = Event(
            seq: 9, time: PlaybookFixture.at(1), type: "log.added", actor: .system, subject: "log/1", data: .object([:]),
            exercise: true)
        #expect(dashboard.apply(log) == Dashboard.Refetch())
        #expect(dashboard.recent == [
            Dashboard.RecentEvent(seq: 9, time: PlaybookFixture.at(1), type: "log.added", subject: "log/1", detail: nil, exercise: true),
        ])
        dashboard.apply(try F.arrival("refstad", count: 5, occupied: 5, seq: 10))
        let completed = try F.event(PlaybookEvents.stepCompleted, .init(step: "redirect", by: "kari"), subject: "run/12", seq: 11)
        dashboard.apply(completed)
        #expect(dashboard.recent.map(\.detail) == [nil, "+5", "redirect"], "the people who came, the step")
    }
}
