import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapTestSupport
import Foundation
import Testing

/// The outbox with the real binaries: a webhook receiver that is down while alerts fire, the
/// daemon killed with SIGKILL and started again, then the receiver up — every notification
/// arrives, each with its own idempotency key, none lost.
@Suite struct NotificationEndToEndTests {
    static func configuration(webhookPort port: UInt16) -> String {
        """
        // Only facility_utilization, firing at once; one webhook; retries every second.
        {
          alerts: {
            facility_utilization: { for: "PT0S" },
            kind_utilization: { enabled: false }, city_utilization: { enabled: false },
            surge_level: { enabled: false }, stale_report: { enabled: false },
          },
          notifications: {
            channels: {
              logg: { kind: "file", path: "notifications.ndjson" },
              hook: { kind: "webhook", url: "http://127.0.0.1:\(port)/hook", timeout: "PT2S" },
            },
            routing: { groups: { beredskapsetaten: ["hook"] } },
            retry: { initial_delay: "PT1S", multiplier: 1, maximum_delay: "PT1S", jitter: 0, deadline: "PT10M" },
          },
        }
        """
    }

    @Test func aReceiverDownAcrossAKillGetsEveryNotificationWithItsKey() throws {
        let port = try LoopbackHTTPServer.closedPort()
        let directory = DaemonProcess.makeDirectory()
        try Self.configuration(webhookPort: port).write(toFile: directory + "/alerts.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "alerts.json5"], directory: directory)
        let client = daemon.client()
        for id in ["refstad", "torshov", "ila"] {
            _ = try client.putFacility(
                id: id,
                FacilityBody(name: id, kind: .transit, status: .open, operator: "Hero", district: "bjerke", authority: .udi, capacity: 100))
            _ = try client.recordArrival(ArrivalBody(facility: id, count: 97, category: .adult))
        }
        let hookRows = { (client: BeredskapClient) in
            ((try? client.notifications(limit: 100))?.notifications ?? []).filter { $0.channel == "hook" }
        }
        // Three rows, each tried and failed while the receiver is down.
        #expect(waitUntil(timeout: 30) { hookRows(client).count == 3 && hookRows(client).allSatisfy { $0.attempts >= 1 } })
        let keys = Set(hookRows(client).map(\.idempotencyKey))
        client.close()

        daemon.kill9()
        let receiver = try LoopbackHTTPServer(status: 200, port: port)
        defer { receiver.stop() }
        try daemon.killAndRestart()
        let after = daemon.client()
        defer { after.close() }
        #expect(waitUntil(timeout: 30) { hookRows(after).allSatisfy { $0.state == .delivered } })
        let received = receiver.received.compactMap { $0.headers["idempotency-key"] }
        #expect(Set(received) == keys, "every key arrived")
        #expect(received.count == keys.count, "each once")
    }
}
