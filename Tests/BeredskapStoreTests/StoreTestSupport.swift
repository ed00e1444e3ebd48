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

/// An event-appending command for tests.
func appendCommand(_ type: String, actor: Principal = Principal(uid: 1000, user: "oslo-ops"), subject: String? = nil)
    -> WriteCommand
{
    WriteCommand(actor: actor) { transaction in
        let event = try transaction.appendEvent(type: type, subject: subject, data: ["n": 1])
        return CommandReply(status: 201, body: Array("{\"seq\":\(event.seq)}".utf8))
    }
}
