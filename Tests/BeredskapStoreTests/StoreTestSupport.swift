import BeredskapCore
import BeredskapSQLite
import Foundation

/// A fresh state directory per test, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "beredskap-store-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var database: Database { Database(configuration: Database.Configuration(directory: path)) }
}

/// The payload of the tests' own events: `{"n": 1}`, or `{}`.
struct TestPayload: EventPayload, Equatable {
    var n: Int?
}

/// An event type of the tests' own: `topic.action` as given, or `test.<name>` for a name without a dot.
func testEventType(_ name: String) -> EventType<TestPayload> {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    return parts.count == 2 ? EventType(EventTopic(rawValue: parts[0]), parts[1]) : EventType(EventTopic(rawValue: "test"), name)
}

/// An event-appending command for tests.
func appendCommand(_ type: String, actor: Principal = Principal(uid: 1000, user: "oslo-ops"), subject: String? = nil)
    -> WriteCommand
{
    WriteCommand(actor: actor) { transaction in
        let event = try transaction.appendEvent(testEventType(type), TestPayload(n: 1), subject: subject)
        return CommandReply(status: 201, body: Array("{\"seq\":\(event.seq)}".utf8))
    }
}
