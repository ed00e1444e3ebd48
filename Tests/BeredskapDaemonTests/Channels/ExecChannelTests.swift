@testable import BeredskapDaemon
import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// The product never uses a shell; these tests use `/bin/sh` as the configured *program*
/// to observe what a child receives.
@Suite struct ExecChannelTests {
    private func shell(_ script: String, _ arguments: [String] = [], timeout: FixedDuration = .seconds(10),
                       maxConcurrent: Int = 4) -> any NotificationChannel {
        let program = ChannelConfiguration.Program(
            path: "/bin/sh", arguments: ["-c", script] + arguments, timeout: timeout, maxConcurrent: maxConcurrent)
        return ChannelFactory.make(name: "script", ChannelConfiguration(.exec(program)), stateDirectory: "/")
    }

    @Test func documentArrivesIntactOnStdinWithTheKeyInTheEnvironment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let channel = shell(#"cat > "$0"; printf %s "$BEREDSKAP_IDEMPOTENCY_KEY" > "$1""#,
                            [directory.file("stdin"), directory.file("key")])
        var delivery = sampleDelivery(key: "alert-9-firing-ops")
        // Larger than a socket buffer, so writing stdin and the child reading it must overlap.
        delivery.document = ["big": .string(String(repeating: "ø", count: 300_000))]
        #expect(deliverAndWait(channel, delivery) == .delivered)
        let received = try #require(FileManager.default.contents(atPath: directory.file("stdin")))
        #expect(Array(received) == delivery.document.serialized() + [UInt8(ascii: "\n")])
        #expect(FileManager.default.contents(atPath: directory.file("key")).map { String(decoding: $0, as: UTF8.self) }
            == "alert-9-firing-ops")
    }

    @Test func nonZeroExitFailsWithTheStartOfStderr() {
        let channel = shell("cat > /dev/null; echo 'relay refused:\n  try later' >&2; exit 3")
        #expect(deliverAndWait(channel, sampleDelivery()) == .failed("exit status 3: relay refused: try later"))
    }

    @Test func childThatIgnoresStdinStillCounts() {
        // It exits before reading: our write sees EPIPE, which must neither crash nor fail.
        let channel = shell("exit 0")
        var delivery = sampleDelivery()
        delivery.document = .string(String(repeating: "x", count: 1 << 20))
        #expect(deliverAndWait(channel, delivery) == .delivered)
    }

    @Test func timeoutKillsTheChildAndItsChildren() throws {
        let program = ChannelConfiguration.Program(path: "/bin/sleep", arguments: ["30"], timeout: FixedDuration(milliseconds: 300))
        let direct = ChannelFactory.make(name: "sleepy", ChannelConfiguration(.exec(program)), stateDirectory: "/")
        // `sh` runs `sleep` as its child, holding our stdout: the process group must go.
        let grandchild = shell("sleep 30; echo done", timeout: FixedDuration(milliseconds: 300))
        for channel in [direct, grandchild] {
            let started = Date()
            let collector = ResultCollector()
            channel.deliver(sampleDelivery(), completion: collector.add)
            #expect(Date().timeIntervalSince(started) < 1, "deliver returns once the work has started")
            let results = try #require(collector.wait(count: 1, timeout: 10))
            #expect(results == [.failed("timed out after PT0.3S (killed)")])
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test func missingProgramFailsWithoutAShell() {
        let program = ChannelConfiguration.Program(path: "/nonexistent/notify", arguments: [])
        let channel = ChannelFactory.make(name: "missing", ChannelConfiguration(.exec(program)), stateDirectory: "/")
        #expect(deliverAndWait(channel, sampleDelivery()) == .failed("cannot start /nonexistent/notify: No such file or directory"))
    }

    /// Children wait for a release file, so the cap is observed without any timing: exactly
    /// `max_concurrent` start, the rest wait in the runner, and all finish after the release.
    @Test func maxConcurrentIsHonoured() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("running"), withIntermediateDirectories: false)
        let script = #"""
            touch "$0/running/$$"; ls "$0/running" | wc -l >> "$0/counts"; echo x >> "$0/started"
            while [ ! -e "$0/release" ]; do sleep 0.01; done
            rm "$0/running/$$"
            """#
        let channel = shell(script, [directory.path], maxConcurrent: 2)
        let runner = try #require((channel as? ProgramChannel)?.runner)
        let collector = ResultCollector()
        for id in 1...6 { channel.deliver(sampleDelivery(id: Int64(id)), completion: collector.add) }
        #expect(waitUntil { lines(of: directory.file("started")).count == 2 })
        #expect(runner.running == 2)
        #expect(collector.all.isEmpty)
        #expect(FileManager.default.createFile(atPath: directory.file("release"), contents: Data()))
        let results = try #require(collector.wait(count: 6))
        #expect(results.allSatisfy { $0 == .delivered })
        #expect(lines(of: directory.file("started")).count == 6)
        #expect(lines(of: directory.file("counts")).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.allSatisfy { $0 <= 2 })
        #expect(waitUntil { runner.running == 0 })
    }
}
