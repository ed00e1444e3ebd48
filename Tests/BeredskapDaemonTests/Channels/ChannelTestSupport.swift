@testable import BeredskapDaemon
import BeredskapJSON
import Foundation
import Synchronization

/// Hands one delivery to `channel` and waits (at most `timeout` seconds) for its result;
/// nil when the channel never called back, which is itself a failure worth seeing.
func deliverAndWait(_ channel: any NotificationChannel, _ delivery: Delivery, timeout: Double = 20) -> DeliveryResult? {
    let collector = ResultCollector()
    channel.deliver(delivery, completion: collector.add)
    return collector.wait(count: 1, timeout: timeout)?.first
}

/// Collects results from any thread and counts calls, so "exactly once" can be checked.
final class ResultCollector: Sendable {
    private let results = Mutex<[DeliveryResult]>([])
    private let arrived = DispatchSemaphore(value: 0)

    @Sendable func add(_ result: DeliveryResult) {
        results.withLock { $0.append(result) }
        arrived.signal()
    }

    /// The results once `count` have arrived, or nil after `timeout` seconds.
    func wait(count: Int, timeout: Double = 20) -> [DeliveryResult]? {
        let deadline = DispatchTime.now() + timeout
        for _ in 0..<count where arrived.wait(timeout: deadline) == .timedOut { return nil }
        return results.withLock { $0 }
    }

    var all: [DeliveryResult] { results.withLock { $0 } }
}

func sampleDelivery(id: Int64 = 1, key: String = "alert-7-firing-beredskapsetaten", channel: String = "test") -> Delivery {
    let document: JSONValue = [
        "notification": .integer(id), "rule": "facility_utilization", "subject": "facility/refstad",
        "text": "Kapasitet på Refstad: 96 % — høy belastning",
    ]
    return Delivery(
        notificationID: id, idempotencyKey: key, channel: channel, document: document,
        subject: "Kritisk: Refstad 96 % full", text: "Refstad mottakssenter er 96 % fullt.\n.\nSjekk kapasiteten.")
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "beredskap-channels-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Lines of a text file (without the trailing empty one).
func lines(of path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}
