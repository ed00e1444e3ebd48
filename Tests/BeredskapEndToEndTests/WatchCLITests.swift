import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// `beredskap watch` as a running child of the real CLI against a real daemon: a facility
/// pushed over its threshold shows up in the watch output, as NDJSON and as readable lines.
@Suite struct WatchCLITests {
    /// Runs `beredskap watch` in the daemon's directory until the test is done with it.
    final class Watch {
        let process: ChildProcess

        init(_ daemon: DaemonProcess, _ arguments: [String]) throws {
            process = try ChildProcess(
                Binaries.cli, ["watch"] + arguments, directory: daemon.directory, environment: ["LANG": "C.UTF-8"])
        }

        deinit {
            process.signal(SIGTERM)
            process.waitForExit(timeout: 10)
        }

        var lines: [String] { process.standardOutput.split(separator: "\n").map(String.init) }
    }

    @Test func watchShowsAFacilityGoingOverItsThreshold() throws {
        let daemon = try AlertCLITests.daemon()
        // From the first event, so nothing is missed however late the watch connects.
        let json = try Watch(daemon, ["--json", "--since", "0"])
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 200)).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "194", "--category", "adult"]).code == 0)

        let firing = { json.lines.compactMap { try? JSONParser.parse(Array($0.utf8)) }.first {
            $0["type"]?.stringValue == "alert.firing" && $0["data"]?["subject"]?.stringValue == "facility/refstad"
        } }
        #expect(waitUntil(timeout: 20) { firing() != nil }, "\(json.process.standardOutput)\n\(json.process.standardError)")
        #expect(firing()?["data"]?["severity"]?.stringValue == "critical")
        #expect(json.lines.allSatisfy { line in
            let type = (try? JSONParser.parse(Array(line.utf8)))?["type"]?.stringValue ?? ""
            return type.hasPrefix("alert.") || type.hasPrefix("notification.")
        }, "only alert and notification events")
        #expect(json.process.isRunning, "watch keeps following")

        let human = try Watch(daemon, ["--since", "0"])
        #expect(waitUntil(timeout: 20) {
            human.lines.contains { $0.contains("CRITICAL") && $0.contains("firing") && $0.contains("facility/refstad") && $0.contains("97 %") }
        }, "\(human.process.standardOutput)\n\(human.process.standardError)")
        #expect(waitUntil(timeout: 20) { human.lines.contains { $0.contains("MESSAGE") && $0.contains("logg") } })
        #expect(!human.process.standardOutput.contains("\u{1B}["), "no colour into a pipe")
    }
}
