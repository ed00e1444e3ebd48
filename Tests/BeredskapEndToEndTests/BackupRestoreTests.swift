import BeredskapClient
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Synchronization
import Testing

/// `beredskap backup FILE` while writes go on, then `beredskapd --restore FILE` into another
/// state directory: the restored daemon starts and holds every event up to the backup's last.
@Suite struct BackupRestoreTests {
    @Test func aBackupUnderLoadRestoresWithEveryEventUpToIt() throws {
        let daemon = try DaemonProcess()
        let acknowledged = Mutex<[Int64]>([])
        let running = Atomic<Bool>(true)
        let writers = DispatchGroup()
        let socket = daemon.socketPath
        for writer in 0..<4 {
            writers.enter()
            Thread.detachNewThread {
                defer { writers.leave() }
                let client = BeredskapClient(socketPath: socket, timeout: 10)
                defer { client.close() }
                var n = 0
                while running.load(ordering: .relaxed) {
                    n += 1
                    if let created = try? client.addLogEntry(text: "skriver \(writer) nr. \(n)") {
                        acknowledged.withLock { $0.append(created.seq) }
                    }
                }
            }
        }
        #expect(waitUntil { acknowledged.withLock { $0.count } >= 50 }, "writes under way")
        let backup = try daemon.cli(["backup", "kopi.db", "--json"])
        #expect(waitUntil { acknowledged.withLock { $0.count } >= 100 }, "writes went on after it")
        running.store(false, ordering: .relaxed)
        writers.wait()
        #expect(backup.code == 0, "\(backup.stderr)")
        let result = try JSONParser.parse(backup.stdout)
        let last = try #require(result["last_event_seq"]?.intValue)
        #expect(result["integrity"] == "ok")
        #expect(result["path"] == .string(daemon.directory + "/kopi.db"), "a relative FILE from the CLI's directory")
        #expect(try daemon.cli(["backup", "kopi.db"]).code == 1, "never replaces a file")
        let events = try daemon.client().events(type: "daemon.backup_written").events
        #expect(events.count == 1)
        daemon.kill9()

        let restored = DaemonProcess.makeDirectory()
        let restore = try ChildProcess(
            Binaries.daemon, ["--restore", daemon.directory + "/kopi.db", "--state-dir", restored + "/.beredskap"], directory: restored)
        #expect(restore.waitForExit(timeout: 60) == 0, "\(restore.standardError)")
        #expect(restore.standardOutput.contains("events up to #\(last)"), "\(restore.standardOutput)")
        let again = try DaemonProcess(directory: restored)
        let refused = try ChildProcess(
            Binaries.daemon, ["--restore", daemon.directory + "/kopi.db", "--state-dir", restored + "/.beredskap"], directory: restored)
        #expect(refused.waitForExit(timeout: 60) == 1, "not while a daemon runs on the state")
        #expect(refused.standardError.contains("locked"), "\(refused.standardError)")

        let client = again.client()
        defer { client.close() }
        var seqs: [Int64] = []
        var since: Int64 = 0
        while since < last {
            let page = try client.events(since: since, limit: 1000)
            seqs += page.events.map(\.seq).filter { $0 <= last }
            guard page.next > since else { break }
            since = page.next
        }
        #expect(seqs == Array(1...last), "every event up to the backup's last, in order")
        let before = acknowledged.withLock { $0.filter { $0 <= last } }
        #expect(!before.isEmpty && Set(before).isSubset(of: Set(seqs)), "every write acknowledged before the copy is in it")
        #expect(try client.events(type: "daemon.started").events.count >= 2, "the restored daemon started on it")
    }

    @Test func aFileThatIsNotABackupIsRefusedAndNothingIsTouched() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/junk.db", contents: Data("not a database".utf8))
        let restore = try ChildProcess(Binaries.daemon, ["--restore", "junk.db"], directory: directory)
        #expect(restore.waitForExit(timeout: 30) == 1)
        #expect(restore.standardError.contains("junk.db"), "\(restore.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/.beredskap/state.db"))
        let missing = try ChildProcess(Binaries.daemon, ["--restore"], directory: directory)
        #expect(missing.waitForExit(timeout: 30) == 2, "a usage error")
    }
}
