import BeredskapClient
import BeredskapHTTP
import BeredskapJSON
import Foundation
import Glibc
import BeredskapTestSupport
import Testing

@Suite struct RobustnessTests {
    /// No input may crash or hang the daemon: garbage, truncations and abrupt closes on many
    /// connections, then it must still answer promptly.
    @Test func garbageAndAbruptClosesLeaveTheDaemonServing() throws {
        let daemon = try DaemonProcess()
        var generator = SplitMix64(seed: 0xBE4ED5CA)
        let valid = Array("POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"text\":\"ok\"}".utf8)
        for round in 0..<300 {
            guard let connection = try? UnixSocketConnection(path: daemon.socketPath) else { continue }
            var bytes: [UInt8]
            switch round % 5 {
            case 0: bytes = (0..<Int(generator.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            case 1: bytes = Array(valid.prefix(Int(generator.next() % UInt64(valid.count))))  // cut short, then closed
            case 2:
                bytes = valid
                for _ in 0..<8 { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            case 3: bytes = Array("GET /v1/events?follow=true HTTP/1.1\r\nHost: b\r\n\r\n".utf8)  // a stream, dropped at once
            default: bytes = Array(repeating: UInt8(ascii: "\n"), count: 20_000)
            }
            try? connection.send(bytes, timeout: 2)
            connection.close()
        }
        let client = daemon.client()
        #expect(try client.health().status == "ok")
        #expect(daemon.process.isRunning)
        let status = try client.status()
        #expect(status.lastEventSeq >= 1)
    }

    @Test func sigintStopsGracefullyToo() throws {
        let daemon = try DaemonProcess()
        daemon.process.signal(SIGINT)
        #expect(daemon.process.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
    }

    @Test(.enabled(if: getuid() == 0))
    func theSocketGetsTheConfiguredGroup() throws {
        let directory = DaemonProcess.makeDirectory()
        // gid 1 ("daemon" on Debian) exists everywhere; a name is resolved the same way.
        try #"{ socket: { group: "1" } }"#.write(toFile: directory + "/g.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "g.json5"], directory: directory)
        var status = stat()
        #expect(lstat(daemon.socketPath, &status) == 0)
        #expect(status.st_gid == 1)
        #expect(status.st_mode & 0o777 == 0o660)
        try #"{ socket: { group: "no-such-group-here" } }"#.write(toFile: directory + "/bad.json5", atomically: true, encoding: .utf8)
        let refused = try ChildProcess(
            Binaries.daemon, ["--config", "bad.json5", "--state-dir", "other", "--socket", directory + "/x.sock"], directory: directory)
        #expect(refused.waitForExit() == 1)
        #expect(refused.standardError.contains("socket.group: no such group 'no-such-group-here'"))
    }
}


@Suite struct ClientRetryTests {
    /// The daemon closes idle keep-alive connections; the next call on such a connection is
    /// retried once on a fresh one when it is safe to repeat (a read, or a keyed mutation).
    @Test func aConnectionClosedAsIdleIsReopenedTransparently() throws {
        let directory = DaemonProcess.makeDirectory()
        try #"{ http: { idle_timeout: "PT1S" } }"#.write(toFile: directory + "/idle.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "idle.json5"], directory: directory)
        let client = daemon.client()
        #expect(try client.health().status == "ok")
        let observer = daemon.client()
        // Only the observer's own connection is left once the idle one has been closed.
        #expect(waitUntil { (try? observer.metrics())?.contains("beredskap_http_connections_open 1\n") == true })
        #expect(try client.status().lastEventSeq == 1)
        let created = try client.addLogEntry(text: "etter pause", idempotencyKey: "k1")
        #expect(created.text == "etter pause")
    }
}
