import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The engine's clocks through the real daemon under a manual clock: `for` across a restart,
/// escalation of an unacknowledged critical alert, and a notification that dies firing
/// `notification_dead`.
@Suite(.serialized) struct AlertEngineTests {
    /// Notifications queued for an alert, by kind and group.
    static func queued(_ session: Session, alert: Int64) throws -> [(kind: String, group: String)] {
        try session.events("notification.queued").compactMap { event in
            guard event["data"]?["alert"]?.intValue == alert, let kind = event["data"]?["kind"]?.stringValue,
                let group = event["data"]?["group"]?.stringValue
            else { return nil }
            return (kind, group)
        }
    }

    static func firstAlert(_ session: Session, rule: String) -> JSONValue? {
        (try? session.get("/v1/alerts?state=open&rule=\(rule)"))?["alerts"]?.arrayValue?.first
    }

    @Test func aPendingAlertKeepsItsForClockAcrossARestart() throws {
        let daemon = try RestartableDaemon { configuration in
            configuration.alerts.facilityUtilization.forDuration = .seconds(600)
        }
        let ops = try daemon.session()
        #expect(try ops.putFacility("refstad", ["capacity": 100]).status == 201)
        #expect(try ops.arrive("refstad", 96).status == 201)
        #expect(waitUntil { Self.firstAlert(ops, rule: "facility_utilization")?["state"]?.stringValue == "pending" })
        daemon.harness.clock.advance(seconds: 300)
        try daemon.restart()
        let after = try daemon.session()
        #expect(Self.firstAlert(after, rule: "facility_utilization")?["state"]?.stringValue == "pending")
        // 299 s later (599 s in all) it is still pending; at 600 s it fires.
        daemon.harness.clock.advance(seconds: 299)
        daemon.daemon?.services.scheduler.fireDue()
        try after.settle()
        #expect(Self.firstAlert(after, rule: "facility_utilization")?["state"]?.stringValue == "pending")
        daemon.harness.clock.advance(seconds: 1)
        daemon.daemon?.services.scheduler.fireDue()
        #expect(waitUntil { Self.firstAlert(after, rule: "facility_utilization")?["state"]?.stringValue == "firing" })
        let fired = Self.firstAlert(after, rule: "facility_utilization")
        #expect(fired?["fired_at"]?.stringValue == daemon.harness.clock.now().rfc3339)
    }

    @Test func anUnacknowledgedCriticalAlertEscalatesStepByStepUntilAcknowledged() throws {
        let harness = try DaemonHarness { configuration in
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.alerts.facilityUtilization.escalateAfter = .seconds(1800)
            configuration.alerts.facilityUtilization.escalationLimit = 2
            configuration.alerts.facilityUtilization.repeatInterval = nil
        }
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.putFacility("refstad", ["capacity": 100]).status == 201)
        #expect(try ops.arrive("refstad", 97).status == 201)
        var alert: JSONValue?
        #expect(waitUntil {
            alert = Self.firstAlert(ops, rule: "facility_utilization")
            return alert?["state"]?.stringValue == "firing"
        })
        let id = try #require(alert?["id"]?.intValue)
        #expect(try Self.queued(ops, alert: id).allSatisfy { $0.kind == "firing" })

        harness.clock.advance(seconds: 1800)
        harness.daemon.services.scheduler.fireDue()
        #expect(waitUntil { (try? Self.queued(ops, alert: id))?.contains { $0.kind == "escalation" } == true })
        #expect(try Self.queued(ops, alert: id).filter { $0.kind == "escalation" }.map(\.group) == ["admin-koordinering"])

        // Acknowledged now: the second step never comes.
        #expect(try ops.post("/v1/alerts/\(id)/ack", ["comment": "Vi flytter 20 til Torshov"]).status == 200)
        harness.clock.advance(seconds: 3600)
        harness.daemon.services.scheduler.fireDue()
        try ops.settle()
        #expect(try Self.queued(ops, alert: id).filter { $0.kind == "escalation" }.count == 1)
    }

    @Test func aNotificationThatExhaustsItsRetriesIsDeadAndFiresNotificationDead() throws {
        let port = try LoopbackHTTPServer.closedPort()
        let harness = try DaemonHarness { configuration in
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.notifications.channels["hook"] = ChannelConfiguration(.webhook(.init(
                url: URL(string: "http://127.0.0.1:\(port)/hook")!, timeout: .seconds(2))))
            configuration.notifications.routing.groups["beredskapsetaten"] = ["hook"]
            configuration.notifications.retry = RetryPolicy(
                initialDelay: .seconds(10), multiplier: 2, maximumDelay: .seconds(60), jitter: 0, deadline: .seconds(120))
        }
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.putFacility("refstad", ["capacity": 100]).status == 201)
        #expect(try ops.arrive("refstad", 97).status == 201)
        // Drive the clock through the retries until the row is dead (each attempt fails at once).
        var dead: [JSONValue] = []
        for _ in 0..<20 where dead.isEmpty {
            _ = waitUntil(timeout: 2) { ((try? ops.events("notification.failed")) ?? []).count + ((try? ops.events("notification.dead")) ?? []).count > 0 }
            harness.clock.advance(seconds: 30)
            harness.daemon.services.scheduler.fireDue()
            harness.daemon.services.notifier.wake()
            _ = waitUntil(timeout: 2) { !((try? ops.events("notification.dead")) ?? []).isEmpty }
            dead = (try? ops.events("notification.dead")) ?? []
        }
        let deadRow = try #require(dead.first?["subject"]?.stringValue)
        #expect(waitUntil {
            (try? ops.get("/v1/alerts?rule=notification_dead"))?["alerts"]?.arrayValue?.first?["subject"]?.stringValue == deadRow
        })
        #expect(try ops.get("/v1/status")["notifications"]?["dead"]?.intValue == 1)
        // A retry puts it back; the alert resolves once the row is no longer dead.
        let rowID = try #require(deadRow.split(separator: "/").last.map(String.init))
        #expect(try ops.post("/v1/notifications/\(rowID)/retry", [:]).status == 200)
        #expect(waitUntil {
            (try? ops.get("/v1/alerts?state=open&rule=notification_dead"))?["alerts"]?.arrayValue?.isEmpty == true
        })
    }

    @Test func aFlappingConditionHoldsItsNotificationsAndSendsOneSummaryWhenItSettles() throws {
        let harness = try DaemonHarness { configuration in
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.alerts.facilityUtilization.keepFiringFor = .seconds(0)
            configuration.alerts.facilityUtilization.repeatInterval = nil
            configuration.alerts.facilityUtilization.escalateAfter = nil
        }
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.putFacility("refstad", ["capacity": 100]).status == 201)
        // 86 % (warning) and 79 % (below clear) in turn: each report opens or resolves an alert.
        let rounds = 24
        for round in 0..<rounds {
            #expect(try ops.headCount("refstad", round % 2 == 0 ? 86 : 79).status == 201)
            harness.clock.advance(seconds: 60)
            try ops.settle()
        }
        let notices = { (try? ops.events("notification.queued"))?.compactMap { $0["data"]?["kind"]?.stringValue } ?? [] }
        #expect(waitUntil { notices().contains("flapping") })
        // Without flap protection every opening and every resolution would be told (24 of
        // each per group); once flapping, they are held back.
        let groups = Set(((try? ops.events("notification.queued")) ?? []).compactMap { $0["data"]?["group"]?.stringValue }).count
        let told = notices().filter { $0 == "firing" || $0 == "resolved" }.count
        #expect(told < rounds / 2 * groups, "\(told) lifecycle notifications for \(groups) group(s)")
        let before = notices().count
        for round in 0..<4 {
            #expect(try ops.headCount("refstad", round % 2 == 0 ? 86 : 79).status == 201)
            try ops.settle()
        }
        #expect(notices().count == before, "nothing more while it flaps")
        // Quiet for the settle time: one summary per group goes out.
        harness.clock.advance(seconds: 1800)
        harness.daemon.services.scheduler.fireDue()
        #expect(waitUntil { notices().filter { $0 == "flapping_settled" }.count == groups })
        try ops.settle()
        #expect(try ops.events("alert.flap_settled").count == 1)
    }
}
