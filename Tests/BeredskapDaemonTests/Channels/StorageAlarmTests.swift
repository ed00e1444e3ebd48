@testable import BeredskapDaemon
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import Foundation
import Synchronization
import Testing

/// The storage alarm under a manual clock, with channels that record what they are given.
@Suite struct StorageAlarmTests {
    final class RecordingChannel: NotificationChannel {
        let name: String
        private let deliveries = Mutex<[Delivery]>([])

        init(name: String) { self.name = name }

        func deliver(_ delivery: Delivery, completion: @escaping @Sendable (DeliveryResult) -> Void) {
            deliveries.withLock { $0.append(delivery) }
            completion(.delivered)
        }

        var kinds: [String] { deliveries.withLock { $0.compactMap { $0.document["kind"]?.stringValue } } }
        var all: [Delivery] { deliveries.withLock { $0 } }
    }

    static func notifications() -> DaemonConfiguration.Notifications {
        var notifications = DaemonConfiguration.Notifications()
        notifications.channels = [
            "logg": ChannelConfiguration(.file(path: "notifications.ndjson")),
            "vakt": ChannelConfiguration(.webhook(.init(url: URL(string: "http://127.0.0.1:9/vakt")!))),
            "ovelse": ChannelConfiguration(.webhook(.init(url: URL(string: "http://127.0.0.1:9/ovelse")!)), exercise: true),
        ]
        notifications.routing.groups["beredskapsetaten"] = ["logg", "vakt", "ovelse"]
        return notifications
    }

    static let full = SQLiteError(code: 13, message: "database or disk is full", context: "COMMIT")

    @Test func onlyDiskFreeChannelsOfTheOfficeAreUsed() {
        #expect(StorageAlarm.channels(Self.notifications()) == ["vakt"], "not the file channel, not the drill channel")
    }

    @Test func alarmsOnceRemindsEveryQuarterHourAndSaysWhenWritesReturn() {
        let clock = ManualWallClock()
        let vakt = RecordingChannel(name: "vakt")
        let logg = RecordingChannel(name: "logg")
        let channels = ["vakt": vakt, "logg": logg]
        let alarm = StorageAlarm(notifications: Self.notifications(), clock: clock) { channels[$0] }
        alarm.observe(storeFailure: nil)
        #expect(vakt.kinds.isEmpty, "a healthy store says nothing")

        alarm.observe(storeFailure: Self.full)
        alarm.observe(storeFailure: Self.full)
        clock.advance(seconds: 14 * 60)
        alarm.observe(storeFailure: Self.full)
        #expect(vakt.kinds == ["storage_unavailable"], "once, not per refused write")
        clock.advance(seconds: 60)
        alarm.observe(storeFailure: Self.full)
        #expect(vakt.kinds == ["storage_unavailable", "storage_unavailable"], "reminded after 15 minutes")
        #expect(vakt.all.last?.document["reminder"] == true)

        clock.advance(seconds: 5)
        alarm.observe(storeFailure: nil)
        alarm.observe(storeFailure: nil)
        #expect(vakt.kinds == ["storage_unavailable", "storage_unavailable", "storage_restored"])
        #expect(vakt.all.last?.document["failed_batches"] == 4)
        #expect(vakt.all.last?.document["since"] == "2026-11-22T09:00:00.000Z")
        #expect(Set(vakt.all.map(\.idempotencyKey)).count == 3, "each message its own key")
        #expect(logg.all.isEmpty)
        #expect(vakt.all.first?.text.contains("avviser lageret all skriving") == true, "bokmål by default")
    }
}
