import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// `beredskap demo` with the real binary, run where there is no checkout (it falls back on the
/// one it was built from) and no daemon: it seeds, drills, writes the report and leaves
/// nothing behind but the report.
@Suite struct DemoCLITests {
    @Test func theDemoRunsTheDrillWritesTheReportAndLeavesNothingBehind() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let child = try ChildProcess(
            Binaries.cli, ["demo", "--output", directory + "/reports", "--lang", "en"], directory: directory,
            environment: ["LANG": "C.UTF-8"])
        let code = child.waitForExit(timeout: 60)
        let output = child.standardOutput
        #expect(code == 0, "\(output)\n\(child.standardError)")
        // The steps are numbered of all ([1/3] today); more may come.
        #expect(output.contains("[1/") && output.contains("] Seeding Oslo") && output.contains("15 districts"), "\(output)")
        #expect(output.contains("6 of 6 expectations met."), "\(output)")

        let report = directory + "/reports/after-action-quick-drill.html"
        let written = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("/") }
        #expect(written.contains(report), "the path is printed: \(output)")
        for path in written { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        let page = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg"), "\(page.prefix(200))")
        #expect(HTMLShape.problems(page).isEmpty, "\(HTMLShape.problems(page).prefix(5))")

        let state = try #require(Self.stateDirectory(in: output), "the state directory is named: \(output)")
        #expect(state.hasPrefix("/tmp/beredskap-demo-"))
        #expect(!FileManager.default.fileExists(atPath: state), "the state directory (and its socket) is removed")
        #expect(!FileManager.default.fileExists(atPath: directory + "/.beredskap"), "no state in the working directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["reports"], "only the reports are left")
    }

    @Test(arguments: [SIGINT, SIGTERM]) func aSignalStopsTheDemoAndStillCleansUp(_ stopSignal: Int32) throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let child = try ChildProcess(Binaries.cli, ["demo", "-o", "out"], directory: directory, environment: ["LANG": "C.UTF-8"])
        // As soon as the daemon is up (the first line), whichever step that lands in.
        #expect(waitUntil(timeout: 30) { child.standardOutput.contains("/tmp/beredskap-demo-") || !child.isRunning })
        child.signal(stopSignal)
        let code = child.waitForExit(timeout: 30)
        let output = child.standardOutput
        #expect(code == 130 || code == 0, "finished before the signal, or stopped by it: \(output)\n\(child.standardError)")
        let state = try #require(Self.stateDirectory(in: output), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: state), "removed after Ctrl-C too")
        #expect(output.contains("Stopped the demo daemon"), "\(output)")
    }

    /// A demo killed outright (SIGKILL, or SIGPIPE into a closed pipe) cannot clean up; the
    /// next one removes what it left, and leaves a running demo's directory alone.
    @Test func theNextDemoRemovesWhatAKilledOneLeft() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let killed = try ChildProcess(Binaries.cli, ["demo", "-o", "out"], directory: directory)
        #expect(waitUntil(timeout: 30) { killed.standardOutput.contains("/tmp/beredskap-demo-") || !killed.isRunning })
        killed.signal(SIGKILL)
        _ = killed.waitForExit(timeout: 30)
        let left = try #require(Self.stateDirectory(in: killed.standardOutput))
        // A directory someone holds the lock of is a demo still running.
        let running = "/tmp/beredskap-demo-test\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: running, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: running) }
        let lock = open(running + "/beredskapd.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)

        let next = try ChildProcess(Binaries.cli, ["demo", "-o", "out"], directory: directory)
        #expect(next.waitForExit(timeout: 60) == 0, "\(next.standardError)")
        #expect(!FileManager.default.fileExists(atPath: left), "\(left) is removed by the next demo")
        #expect(FileManager.default.fileExists(atPath: running), "a running demo's directory is kept")
    }

    @Test func scriptFormatsAreAUsageErrorAndStartNothing() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let child = try ChildProcess(Binaries.cli, ["demo", "--json"], directory: directory)
        #expect(child.waitForExit(timeout: 30) == 2, "\(child.standardError)")
        #expect(child.standardOutput.isEmpty && child.standardError.contains("usage"), "\(child.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "no report directory made")
    }

    /// `/tmp/beredskap-demo-XXXXXX`, from the first line.
    static func stateDirectory(in output: String) -> String? {
        guard let start = output.range(of: "/tmp/beredskap-demo-") else { return nil }
        return String(output[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "." })
    }
}

/// Whether an HTML page's elements nest: every opened element closed in order, void elements
/// aside, `<style>` and `<script>` content skipped. Enough to catch a broken page.
enum HTMLShape {
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var open: [String] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            rest = rest[start...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return problems + ["an unclosed comment"] }
                rest = rest[end.upperBound...]
                continue
            }
            guard let end = rest.firstIndex(of: ">") else { return problems + ["an unclosed tag"] }
            let tag = rest[rest.index(after: rest.startIndex)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            let closing = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
            if closing {
                guard open.last == name else {
                    problems.append("</\(name)> closes <\(open.last ?? "nothing")>")
                    continue
                }
                open.removeLast()
            } else if !tag.hasSuffix("/"), !void.contains(name) {
                open.append(name)
                if name == "style" || name == "script", let close = rest.range(of: "</\(name)>") {
                    rest = rest[close.lowerBound...]
                }
            }
        }
        return problems + open.map { "<\($0)> is never closed" }
    }
}
