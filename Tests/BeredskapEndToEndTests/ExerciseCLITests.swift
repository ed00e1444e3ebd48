import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// Exercises with the real binaries (issue 14): the quick drill run at maximum speed to its
/// graded end, listed and shown; and one stopped with Ctrl-C.
@Suite struct ExerciseCLITests {
    /// A daemon started where the checkout's playbooks and scenarios are.
    static func daemon() throws -> DaemonProcess {
        let directory = DaemonProcess.makeDirectory()
        try FileManager.default.copyItem(
            atPath: ReadmeWalkTests.checkout.appendingPathComponent("Playbooks").path, toPath: directory + "/Playbooks")
        return try DaemonProcess(directory: directory)
    }

    @Test func theQuickDrillRunsAtMaximumSpeedAndIsListedAndShownWithItsResults() throws {
        let daemon = try Self.daemon()
        let run = try daemon.cli(["exercise", "run", "quick-drill", "--speed", "max"])
        #expect(run.code == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.hasPrefix("Exercise #1: quick-drill at max (15 injects)"), "\(run.stdout)")
        #expect(run.stdout.contains("injects 15/15"))
        #expect(run.stdout.contains("6 of 6 expectations met."), "\(run.stdout)")

        let list = try daemon.cli(["exercise", "list"])
        #expect(list.code == 0)
        let row = list.stdout.split(separator: "\n").first { $0.contains("quick-drill") }
        #expect(row?.contains("finished") == true && row?.hasSuffix("6/6") == true, "\(list.stdout)")

        let shown = try daemon.cli(["exercise", "show", "1", "--lang", "nb"])
        #expect(shown.code == 0)
        #expect(shown.stdout.contains("ankomstnivå forhøyet innen 1 t") && shown.stdout.contains("6 av 6 forventninger oppfylt."),
                "\(shown.stdout)")
        let csv = try daemon.cli(["exercise", "show", "1", "--csv"])
        #expect(csv.stdout.hasPrefix("exercise,index,expectation,deadline,at,met\n"), "\(csv.stdout)")
        let json = try JSONParser.parse(Array(try daemon.cli(["exercise", "list", "--json"]).stdout.utf8))
        #expect(json["exercises"]?.arrayValue?.first?["state"] == "finished")

        let markdown = try daemon.cli(["exercise", "report", "1"])
        #expect(markdown.code == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Tid til oppdagelse"), "bokmål by default: \(markdown.stdout.prefix(400))")
        let html = try daemon.cli(["exercise", "report", "1", "--format", "html", "-o", "drill.html"])
        #expect(html.code == 0 && html.stdout.contains("drill.html"), "\(html.stdout) \(html.stderr)")
        let page = (try? String(contentsOfFile: daemon.directory + "/drill.html", encoding: .utf8)) ?? ""
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.components(separatedBy: "<svg").count - 1 >= 4, "four charts")
        #expect(!page.contains("<script"))

        let scenarios = try daemon.cli(["exercise", "scenarios"])
        #expect(scenarios.stdout.contains("autumn-2015") && scenarios.stdout.contains("quick-drill"), "\(scenarios.stdout)")
        let unknown = try daemon.cli(["exercise", "run", "no-such-drill"])
        #expect(unknown.code == 2 && unknown.stderr.contains("no-such-drill"), "\(unknown.stderr)")
    }

    @Test func ctrlCStopsTheRunBeforeTheCLIExits() throws {
        let daemon = try Self.daemon()
        // Ten simulated hours at 60×: ten real minutes, unless stopped.
        let child = try ChildProcess(
            Binaries.cli, ["exercise", "run", "quick-drill", "--speed", "60"], directory: daemon.directory,
            environment: ["LANG": "C.UTF-8"])
        #expect(waitUntil(timeout: 30) { child.standardOutput.contains("injects ") })
        child.signal(SIGINT)
        #expect(child.waitForExit(timeout: 30) == 130)
        #expect(child.standardError.contains("interrupted: exercise #1 stopped"), "\(child.standardError)")
        let shown = try daemon.cli(["exercise", "show", "1"])
        #expect(shown.stdout.hasPrefix("Exercise #1: quick-drill, stopped (60×)"), "\(shown.stdout)")
    }
}
