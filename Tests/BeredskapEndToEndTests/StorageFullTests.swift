import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// Issue 16, item 2: the store runs out of room. `prlimit` sets the running daemon's file-size
/// limit (RLIMIT_FSIZE) to one byte — no write past the first byte of any file succeeds, as on
/// a full disk — and later lifts it. Writes are refused with 503 `unavailable` and a clear
/// message while reads keep working, the daemon stays up, the office's webhook hears of it
/// (a channel that does not need the disk), writes succeed again when room returns and the log
/// records the episode, and nothing acknowledged is lost or corrupt.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"))) struct StorageFullTests {
    static func configuration(webhookPort port: UInt16) -> String {
        """
        {
          notifications: {
            channels: {
              logg: { kind: "file", path: "notifications.ndjson" },
              vakt: { kind: "webhook", url: "http://127.0.0.1:\(port)/vakt", timeout: "PT5S" },
            },
            routing: { groups: { beredskapsetaten: ["logg", "vakt"] } },
          },
        }
        """
    }

    @Test func aFullDiskRefusesWritesKeepsReadsTellsTheOfficeAndRecovers() throws {
        let receiver = try LoopbackHTTPServer(status: 204)
        defer { receiver.stop() }
        let directory = DaemonProcess.makeDirectory()
        try Self.configuration(webhookPort: receiver.port).write(toFile: directory + "/full.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "full.json5"], directory: directory)
        let client = daemon.client()
        defer { client.close() }
        let before = try client.addLogEntry(text: "før disken ble full")

        try Self.limitFileSize(of: daemon.process.pid, to: "1")
        let refused = Self.refusal { () throws(ClientError) in _ = try client.addLogEntry(text: "mens disken er full") }
        #expect(refused?.status == 503)
        #expect(refused?.code == .unavailable)
        #expect(refused?.message.contains("storage is full") == true, "\(String(describing: refused))")
        #expect(try client.logEntries(LogListQuery()).entries.contains { $0.id == before.id }, "reads keep working")
        #expect(daemon.process.isRunning)
        #expect(waitUntil(timeout: 20) { Self.documents(receiver).contains { $0["kind"] == "storage_unavailable" } },
                "the office's webhook is told")
        let alarm = try #require(Self.documents(receiver).first { $0["kind"] == "storage_unavailable" })
        #expect(alarm["text"]?.stringValue?.contains("avviser lageret all skriving") == true, "in bokmål by default")

        try Self.limitFileSize(of: daemon.process.pid, to: "unlimited")
        // The first write after the room returns succeeds (it may take the writer one batch to see it).
        var after: LogEntryCreated?
        #expect(waitUntil(timeout: 20) {
            after = try? client.addLogEntry(text: "etter at det ble plass")
            return after != nil
        })
        #expect(waitUntil(timeout: 20) { Self.documents(receiver).contains { $0["kind"] == "storage_restored" } })
        #expect(waitUntil(timeout: 10) { ((try? client.events(type: "daemon.storage_restored"))?.events.count ?? 0) == 1 })

        // Nothing acknowledged lost, nothing corrupt: stop, check the file, start again.
        daemon.process.signal(SIGTERM)
        #expect(daemon.process.waitForExit(timeout: 30) == 0)
        let connection = try SQLiteConnection(path: directory + "/.beredskap/beredskap.db", mode: .readWriteCreate)
        #expect(try connection.query("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
        try daemon.killAndRestart()
        let restarted = daemon.client()
        defer { restarted.close() }
        let ids = try restarted.logEntries(LogListQuery()).entries.map(\.id)
        let afterID = try #require(after).id
        #expect(ids.contains(before.id) && ids.contains(afterID))
        #expect(!(try restarted.logEntries(LogListQuery()).entries.contains { $0.text == "mens disken er full" }))
    }

    /// Sets the soft and hard RLIMIT_FSIZE of a running process (`prlimit`, util-linux).
    static func limitFileSize(of pid: pid_t, to limit: String) throws {
        let child = try ChildProcess("/usr/bin/prlimit", ["--pid", "\(pid)", "--fsize=\(limit):unlimited"], directory: "/")
        let code = child.waitForExit(timeout: 10)
        guard code == 0 else { throw DaemonFailed(message: "prlimit failed: \(child.standardError)") }
    }

    struct Refusal {
        var status: Int
        var code: APIErrorCode?
        var message: String
    }

    static func refusal(_ call: () throws(ClientError) -> Void) -> Refusal? {
        do throws(ClientError) {
            try call()
            return nil
        } catch {
            guard case .api(let status, let body) = error else { return nil }
            return Refusal(status: status, code: body.knownCode, message: body.error.message)
        }
    }

    static func documents(_ receiver: LoopbackHTTPServer) -> [JSONValue] {
        receiver.received.compactMap { try? JSONParser.parse($0.body) }
    }
}
