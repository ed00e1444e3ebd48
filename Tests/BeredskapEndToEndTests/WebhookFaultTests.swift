import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapTestSupport
import Foundation
import Testing

/// Issue 16, item 2: a webhook receiver that hangs, resets the connection, answers 500, then
/// 429 with `Retry-After`, and only then 200 — with a `kill -9` while the daemon waits out the
/// 429. The outbox keeps its promises (issue 4): the other channel is not held up by the one
/// that hangs; every attempt carries the same idempotency key; the receiver's wait is honoured
/// across the restart; the notification is delivered once and then left alone.
@Suite struct WebhookFaultTests {
    static let retryAfterSeconds = 4

    static func configuration(webhookPort port: UInt16) -> String {
        """
        {
          alerts: {
            facility_utilization: { for: "PT0S" },
            kind_utilization: { enabled: false }, city_utilization: { enabled: false },
            surge_level: { enabled: false }, stale_report: { enabled: false },
          },
          notifications: {
            channels: {
              logg: { kind: "file", path: "notifications.ndjson" },
              hook: { kind: "webhook", url: "http://127.0.0.1:\(port)/hook", timeout: "PT3S" },
            },
            routing: { groups: { beredskapsetaten: ["hook", "logg"] } },
            retry: { initial_delay: "PT1S", multiplier: 1, maximum_delay: "PT1S", jitter: 0, deadline: "PT10M" },
          },
        }
        """
    }

    @Test func hangResetServerErrorAndThrottlingEndInOneDeliveryWithOneKey() throws {
        let receiver = try LoopbackHTTPServer(
            script: [.hang, .reset, .status(500, body: "oops"), .status(429, headers: ["Retry-After": "\(Self.retryAfterSeconds)"])],
            then: .status(200))
        defer { receiver.stop() }
        let directory = DaemonProcess.makeDirectory()
        try Self.configuration(webhookPort: receiver.port).write(toFile: directory + "/hook.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "hook.json5"], directory: directory)
        let client = daemon.client()
        _ = try client.putFacility(
            id: "refstad",
            FacilityBody(name: "Refstad", kind: .transit, status: .open, operator: "Hero", district: "bjerke", authority: .udi, capacity: 100))
        _ = try client.recordArrival(ArrivalBody(facility: "refstad", count: 97, category: .adult))
        let row = { (client: BeredskapClient, channel: String) in
            ((try? client.notifications(limit: 100))?.notifications ?? []).first { $0.channel == channel }
        }

        // The file channel is delivered while the webhook's first attempt hangs.
        #expect(waitUntil(timeout: 30) { row(client, "logg")?.state == .delivered })
        #expect(receiver.received.count <= 1 && (row(client, "hook")?.attempts ?? 0) == 0, "the hook is still in its first attempt")

        // Hang (timed out), reset, 500, 429: four failed attempts (a loaded machine may add
        // attempts that time out before the receiver has read them; they take no reply from
        // its script); then the daemon is killed while it waits out the 429.
        #expect(waitUntil(timeout: 90) { row(client, "hook")?.lastError?.hasPrefix("HTTP 429") == true })
        #expect(receiver.received.count == 4)
        let waitingUntil = try #require(row(client, "hook")?.nextAttemptAt)
        client.close()
        daemon.kill9()
        try daemon.killAndRestart()
        let after = daemon.client()
        defer { after.close() }
        #expect(waitUntil(timeout: 30) { row(after, "hook")?.state == .delivered })
        let hook = try #require(row(after, "hook"))
        #expect(hook.attempts >= 5)
        #expect(try #require(hook.deliveredAt) >= waitingUntil, "the restart kept the receiver's wait")

        let requests = receiver.received
        try #require(requests.count == 5, "delivered once, then left alone")
        #expect(Set(requests.compactMap { $0.headers["idempotency-key"] }) == [hook.idempotencyKey], "one key for every attempt")
        #expect(Set(requests.map(\.body)).count == 1, "the same document every time")
        let waited = requests[4].receivedAt.timeIntervalSince(requests[3].receivedAt)
        #expect(waited >= Double(Self.retryAfterSeconds) - 0.05, "the receiver's Retry-After was honoured across the restart: \(waited) s")
        // Nothing more arrives after the delivery (the next retry would have been due in 1 s).
        #expect(!waitUntil(timeout: 2) { receiver.received.count > 5 })
    }
}
