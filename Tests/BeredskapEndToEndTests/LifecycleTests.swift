import BeredskapTestSupport
import BeredskapClient
import BeredskapJSON
import Foundation
import Glibc
import Testing

@Suite struct LifecycleTests {
    @Test func sigtermStopsGracefullyAndRemovesTheSocket() throws {
        let daemon = try DaemonProcess()
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        var status = stat()
        #expect(lstat(daemon.socketPath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o660)
        #expect(status.st_mode & S_IFMT == S_IFSOCK)
        daemon.process.signal(SIGTERM)
        #expect(daemon.process.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        #expect(daemon.process.standardError.contains("stopped"))
        // A clean stop checkpoints: the database file alone holds everything.
        #expect(!FileManager.default.fileExists(atPath: daemon.directory + "/.beredskap/state.db-wal"))
        var database = stat()
        #expect(stat(daemon.directory + "/.beredskap/state.db", &database) == 0)
        #expect(database.st_mode & 0o077 & ~0o040 == 0, "state.db is not readable by others")
        // The stop is in the log for the next start to show.
        try daemon.killAndRestart()
        let stops = try daemon.client().events(since: 0, type: "daemon.").events.map(\.type)
        #expect(stops == ["daemon.started", "daemon.stopped", "daemon.started"])
    }

    @Test func sighupReloadsAValidFileAndKeepsTheRunningOneOnAnInvalidOne() throws {
        let directory = DaemonProcess.makeDirectory()
        let file = directory + "/beredskap.json5"
        try "{ access: { roles: {} } }".write(toFile: file, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", file], directory: directory)
        try #"{ access: { roles: { ops: { permissions: ["read"], users: ["kari"] } } }, http: { max_connections: 9 } }"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        daemon.process.signal(SIGHUP)
        let client = daemon.client()
        #expect(waitUntil { (try? client.events(since: 0, type: "config."))?.events.count == 1 })
        let reloaded = try client.events(since: 0, type: "config.").events[0]
        #expect(reloaded.type == "config.reloaded")
        #expect(reloaded.data["applied"] == ["access"])
        #expect(reloaded.data["restart_required"] == ["http"])

        try "{ access: { roles: { ops: { permissions: [\"fly\"] } } } }".write(toFile: file, atomically: true, encoding: .utf8)
        daemon.process.signal(SIGHUP)
        #expect(waitUntil { (try? client.events(since: 0, type: "config."))?.events.count == 2 })
        let failed = try client.events(since: 0, type: "config.").events[1]
        #expect(failed.type == "config.reload_failed")
        #expect(failed.data["error"]?.stringValue?.contains("access.roles.ops.permissions[0]: expected one of") == true)
        #expect(try client.health().status == "ok")
        #expect(daemon.process.standardError.contains("reload refused"))
    }

    @Test func checkConfigValidatesAndExplains() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let embedded = try ChildProcess(Binaries.daemon, ["--check-config"], directory: directory)
        #expect(embedded.waitForExit() == 0)
        #expect(embedded.standardOutput.contains("configuration ok: Config/beredskap.json5 (embedded)"))
        try "{ access: { roles: { operator: { groups: [\"beredskap\", 7] } } } }".write(
            toFile: directory + "/bad.json5", atomically: true, encoding: .utf8)
        let bad = try ChildProcess(Binaries.daemon, ["--check-config", "--config", "bad.json5"], directory: directory)
        #expect(bad.waitForExit() == 1)
        #expect(bad.standardError == "bad.json5: access.roles.operator.groups[1]: expected a string\n")
        let usage = try ChildProcess(Binaries.daemon, ["--frobnicate"], directory: directory)
        #expect(usage.waitForExit() == 2)
        let template = try ChildProcess(Binaries.daemon, ["--print-config"], directory: directory)
        #expect(template.waitForExit() == 0)
        #expect(template.standardOutput.contains("time_zone: \"Europe/Oslo\""))
        #expect(!FileManager.default.fileExists(atPath: directory + "/.beredskap"), "checking must not create state")
    }

    @Test func checkConfigValidatesThePlaybooksToo() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Playbooks").path
        let good = try ChildProcess(Binaries.daemon, ["--check-config", "--playbooks", shipped], directory: directory)
        #expect(good.waitForExit() == 0)
        #expect(good.standardOutput.contains("playbooks ok: 7 in "))
        try FileManager.default.createDirectory(atPath: directory + "/cards", withIntermediateDirectories: true)
        try """
            { id: "x", title: { nb: "X", en: "X" }, description: { nb: "X", en: "X" }, trigger: { manual: true },
              steps: [ { id: "a", title: { nb: "A", en: "A" }, owner: "nobody", due: "PT1H", action: { task: {} } } ] }
            """.write(toFile: directory + "/cards/x.json5", atomically: true, encoding: .utf8)
        let bad = try ChildProcess(Binaries.daemon, ["--check-config", "--playbooks", "cards"], directory: directory)
        #expect(bad.waitForExit() == 1)
        #expect(bad.standardError.hasPrefix("x.json5: steps[0].owner: "), "\(bad.standardError)")
        // The daemon refuses to start on them, saying why.
        let refused = try ChildProcess(Binaries.daemon, ["--playbooks", "cards"], directory: directory)
        #expect(refused.waitForExit() == 1)
        #expect(refused.standardError.contains("x.json5: steps[0].owner: "))
    }

    @Test func theSocketPathIsNeverClobbered() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socket = directory + "/s.sock"
        func start() throws -> ChildProcess {
            try ChildProcess(Binaries.daemon, ["--socket", socket, "--state-dir", directory + "/state"], directory: directory)
        }
        // A regular file is refused and kept.
        try "precious".write(toFile: socket, atomically: true, encoding: .utf8)
        let onFile = try start()
        #expect(onFile.waitForExit() == 1)
        #expect(onFile.standardError.contains("is a regular file; refusing to remove it"))
        #expect(try String(contentsOfFile: socket, encoding: .utf8) == "precious")
        // A symlink is refused and not followed.
        try FileManager.default.removeItem(atPath: socket)
        try FileManager.default.createSymbolicLink(atPath: socket, withDestinationPath: directory + "/target")
        let onLink = try start()
        #expect(onLink.waitForExit() == 1)
        #expect(onLink.standardError.contains("a symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/target"))
        try FileManager.default.removeItem(atPath: socket)
        // A stale socket (left by a kill -9) is replaced.
        let first = try start()
        #expect(waitUntil { (try? BeredskapClient(socketPath: socket).health()) != nil })
        first.signal(SIGKILL)
        first.waitForExit()
        #expect(FileManager.default.fileExists(atPath: socket))
        let second = try start()
        #expect(waitUntil { (try? BeredskapClient(socketPath: socket).health()) != nil })
        // A live daemon is never displaced.
        let third = try start()
        #expect(third.waitForExit() == 1)
        #expect(third.standardError.contains("already"))
        #expect(try BeredskapClient(socketPath: socket).health().status == "ok")
        second.signal(SIGTERM)
        #expect(second.waitForExit() == 0)
    }

    @Test func aCorruptDatabaseIsRefusedAtStart() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/.beredskap", withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: directory + "/.beredskap/state.db"))
        let daemon = try ChildProcess(Binaries.daemon, [], directory: directory)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.standardError.contains("failed its integrity check"))
        #expect(daemon.standardError.contains("restore the latest backup"))
    }

    @Test func systemdHearsReadyWatchdogAndStopping() throws {
        let directory = DaemonProcess.makeDirectory()
        let notifySocket = directory + "/notify"
        let receiver = try #require(boundUnixSocket(at: notifySocket, type: Int32(SOCK_DGRAM.rawValue)))
        defer { close(receiver) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(receiver, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(receiver, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        }
        let daemon = try DaemonProcess(
            environment: ["NOTIFY_SOCKET": notifySocket, "WATCHDOG_USEC": "400000"], directory: directory)
        var messages = [receive()]
        #expect(messages[0].hasPrefix("READY=1"))
        #expect(messages[0].contains("MAINPID=\(daemon.process.pid)"))
        messages.append(receive())
        #expect(messages[1] == "WATCHDOG=1")
        daemon.process.signal(SIGTERM)
        var stopping = false
        for _ in 0..<20 where !stopping { stopping = receive() == "STOPPING=1" }
        #expect(stopping)
        #expect(daemon.process.waitForExit() == 0)
    }

    @Test func systemdSocketActivationIsHonoured() throws {
        let directory = DaemonProcess.makeDirectory()
        let socketPath = directory + "/activated.sock"
        let listener = try #require(boundUnixSocket(at: socketPath, type: Int32(SOCK_STREAM.rawValue)))
        #expect(listen(listener, 16) == 0)
        // systemd owns the socket: the daemon must use fd 3 and not create its own.
        let process = try ChildProcess(
            Binaries.daemon, ["--state-dir", directory + "/state", "--socket", directory + "/unused.sock"],
            directory: directory, passFileDescriptor: listener)
        close(listener)
        let client = BeredskapClient(socketPath: socketPath)
        #expect(waitUntil { (try? client.health()) != nil }, "\(process.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/unused.sock"))
        let started = try client.events(since: 0, type: "daemon.started").events.first
        #expect(started?.data["socket_activated"] == true)
        client.close()
        process.signal(SIGTERM)
        #expect(process.waitForExit() == 0)
        try? FileManager.default.removeItem(atPath: directory)
    }
}
