import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// `beredskap top` into a pipe against a real daemon: a line when the picture changes (an
/// arrival moves the figures), none for events that change nothing, no escape codes, and
/// exit 0 when it is told to stop.
@Suite struct DashboardCLITests {
    @Test func thePlainLineFollowsAnArrival() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 200)).code == 0)
        let top = try ChildProcess(Binaries.cli, ["top"], directory: daemon.directory, environment: ["LANG": "C.UTF-8"])
        defer {
            top.signal(SIGKILL)
            top.waitForExit(timeout: 10)
        }
        var lines: [String] { top.standardOutput.split(separator: "\n").map(String.init) }
        #expect(waitUntil(timeout: 20) { lines.count == 1 }, "\(top.standardOutput)\n\(top.standardError)")
        #expect(lines.first?.contains("surge normal · capacity transit 0/200 · firing alerts 0 · active steps 0 (0 late)") == true, "\(lines)")

        #expect(try daemon.cli(["log", "add", "Nothing to see"]).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "5", "--category", "adult"]).code == 0)
        #expect(waitUntil(timeout: 20) { lines.count == 2 }, "\(top.standardOutput)\n\(top.standardError)")
        #expect(lines.last?.contains("capacity transit 5/200") == true, "\(lines)")
        #expect(lines.count == 2, "the log entry changed no figure, so no line of its own")
        #expect(!top.standardOutput.contains("\u{1B}"), "no escape codes into a pipe")

        top.signal(SIGINT)
        #expect(top.waitForExit(timeout: 20) == 0, "Ctrl-C is the way out: exit 0")
    }
}
