import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// The promise for the outbox: receiver down → daemon restarted → receiver up →
/// every notification delivered, each idempotency key seen, none lost.
@Suite(.serialized) struct NotificationDurabilityTests {
    @Test func aReceiverThatWasDownAcrossARestartGetsEveryNotificationWithItsKey() throws {
        let port = try LoopbackHTTPServer.closedPort()
        let daemon = try RestartableDaemon { configuration in
            // One rule, firing at once, so the alerts are exactly one per facility.
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.alerts.kindUtilization.enabled = false
            configuration.alerts.cityUtilization.enabled = false
            configuration.alerts.staleReport.enabled = false
            configuration.alerts.surgeLevel.enabled = false
            configuration.notifications.channels["hook"] = ChannelConfiguration(.webhook(.init(
                url: URL(string: "http://127.0.0.1:\(port)/hook")!, timeout: .seconds(2))))
            configuration.notifications.routing.groups["beredskapsetaten"] = ["hook"]
        }
        let ops = try daemon.session()
        for id in ["refstad", "torshov", "ila"] {
            #expect(try ops.putFacility(id, ["capacity": 100]).status == 201)
            #expect(try ops.arrive(id, 97).status == 201)
        }
        // Three critical alerts; each queued a webhook row that fails while the receiver is down.
        let queued = { (try? ops.events("notification.queued"))?.filter { $0["data"]?["channel"]?.stringValue == "hook" } ?? [] }
        #expect(waitUntil(timeout: 10) { queued().count == 3 })
        #expect(waitUntil(timeout: 10) { ((try? ops.events("notification.failed")) ?? []).count >= 3 })
        #expect(try ops.events("notification.delivered").allSatisfy { $0["data"]?["channel"]?.stringValue != "hook" })

        // Restart with the receiver still down, then bring it up and let the retries come due.
        try daemon.restart()
        let receiver = try LoopbackHTTPServer(status: 200, port: port)
        defer { receiver.stop() }
        daemon.harness.clock.advance(seconds: 600)
        daemon.daemon?.services.scheduler.fireDue()
        daemon.daemon?.services.notifier.wake()
        #expect(waitUntil(timeout: 15) { Set(receiver.received.compactMap { $0.headers["idempotency-key"] }).count == 3 })
        let received = receiver.received
        #expect(received.allSatisfy { $0.method == "POST" && $0.headers["content-type"] == "application/json" })
        // Each key is the outbox row's; the bodies name the alerts.
        let after = try daemon.session()
        #expect(waitUntil(timeout: 10) { (try? after.get("/v1/status"))?["notifications"]?["pending"]?.intValue == 0 })
        let rows = try after.get("/v1/events?type=notification.delivered").arrayOfEvents
            .filter { $0["data"]?["channel"]?.stringValue == "hook" }
        #expect(rows.count == 3, "\(rows.map { $0.serializedString() })")
        let bodies = received.compactMap { try? JSONParser.parse($0.body) }
        #expect(Set(bodies.compactMap { $0["idempotency_key"]?.stringValue }) == Set(received.compactMap { $0.headers["idempotency-key"] }))
        #expect(Set(bodies.compactMap { $0["alert"]?["subject"]?.stringValue }) == ["facility/refstad", "facility/torshov", "facility/ila"])
    }
}

extension JSONValue {
    fileprivate var arrayOfEvents: [JSONValue] { self["events"]?.arrayValue ?? [] }
}
