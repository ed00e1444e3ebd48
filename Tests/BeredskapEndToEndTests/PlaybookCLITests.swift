import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// Playbooks with the real binaries and the shipped action cards: a surge starts the surge
/// card, people complete steps from the CLI, and a `kill -9` in the middle of the run loses
/// nothing that was acknowledged and leaves nothing stuck.
@Suite struct PlaybookCLITests {
    /// A daemon on the embedded configuration in a directory holding a copy of `Playbooks/`,
    /// as in a checkout.
    static func daemon() throws -> DaemonProcess {
        let directory = DaemonProcess.makeDirectory()
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Playbooks").path
        try FileManager.default.copyItem(atPath: shipped, toPath: directory + "/Playbooks")
        return try DaemonProcess(directory: directory)
    }

    static func json(_ result: CLIResult) throws -> JSONValue { try JSONParser.parse(result.stdout) }

    static func step(_ run: JSONValue?, _ id: String) -> JSONValue? {
        run?["steps"]?.arrayValue?.first { $0["id"]?.stringValue == id }
    }

    @Test func aSurgeStartsItsCardStepsAreDoneFromTheCLIAndAKillNineLosesNothing() throws {
        let daemon = try Self.daemon()
        let cards = try daemon.cli(["playbook", "list"])
        #expect(cards.code == 0, "\(cards.stderr)")
        for id in ["surge-elevated", "surge-high", "surge-crisis", "facility-near-full", "cap-breach"] {
            #expect(cards.stdout.contains(id))
        }
        #expect(try daemon.cli(CapacityCLITests.add("torshov", capacity: 400)).code == 0)
        #expect(try daemon.cli(["arrival", "record", "torshov", "120", "--category", "family"]).code == 0)

        // The surge reaches high: the high card starts by itself (and not the elevated one).
        var runs: [JSONValue] = []
        #expect(waitUntil {
            runs = (try? Self.json(daemon.cli(["run", "list", "--json"])))?["runs"]?.arrayValue ?? []
            return !runs.isEmpty
        })
        #expect(runs.map { $0["playbook"]?.stringValue } == ["surge-high"])
        let id = try #require(runs.first?["id"]?.intValue)
        let listed = try daemon.cli(["run", "list"])
        #expect(listed.stdout.contains("surge-high"), "\(listed.stdout)")

        let completed = try daemon.cli(["run", "complete", String(id), "convene-admin", "--note", "Møte kl. 15 på Rådhuset"])
        #expect(completed.code == 0, "\(completed.stderr)")
        var shown = try Self.json(daemon.cli(["run", "show", String(id), "--json"]))
        let convened = Self.step(shown, "convene-admin")
        #expect(convened?["state"]?.stringValue == "done")
        let who = try #require(convened?["completed_by"]?.stringValue)
        let when = try #require(convened?["completed_at"]?.stringValue)
        #expect(Self.step(shown, "udi-planned-facilities")?["state"]?.stringValue == "ready")
        let table = try daemon.cli(["run", "show", String(id)])
        #expect(table.code == 0)
        #expect(table.stdout.contains("Møte kl. 15 på Rådhuset"))
        #expect(table.stdout.contains(who))

        // Killed mid-run, while a person completes another step: if the CLI was answered, the
        // step is done after the restart; if not, it is still ready to be done.
        let racing = try ProcessRace.completing(daemon, run: id, step: "brief-volunteers")
        daemon.kill9()
        let answered = racing.finish()
        try daemon.killAndRestart()

        shown = try Self.json(daemon.cli(["run", "show", String(id), "--json"]))
        #expect(shown["state"]?.stringValue == "active")
        #expect(Self.step(shown, "convene-admin")?["completed_by"]?.stringValue == who)
        #expect(Self.step(shown, "convene-admin")?["completed_at"]?.stringValue == when)
        let volunteers = Self.step(shown, "brief-volunteers")?["state"]?.stringValue
        if answered { #expect(volunteers == "done") } else { #expect(volunteers == "done" || volunteers == "ready") }
        #expect(!(shown["steps"]?.arrayValue ?? []).contains { $0["state"]?.stringValue == "running" && $0["action"]?.stringValue != "wait_for" },
                "no automatic step is left running")
        // The restart started no second run for the same surge, and the run goes on.
        let after = try Self.json(daemon.cli(["run", "list", "--json"]))["runs"]?.arrayValue ?? []
        #expect(after.count == 1)
        let next = try daemon.cli(["run", "complete", String(id), "udi-planned-facilities", "--note", "UDI: ingen nye mottak over 1000"])
        #expect(next.code == 0, "\(next.stderr)")
        #expect(try daemon.cli(["run", "complete", String(id), "udi-planned-facilities"]).code == 1, "already done")
        let aborted = try daemon.cli(["run", "abort", String(id), "--reason", "Øvelsen er over"])
        #expect(aborted.code == 0, "\(aborted.stderr)")
        #expect(try Self.json(daemon.cli(["run", "show", String(id), "--json"]))["state"]?.stringValue == "aborted")
    }

    @Test func aReloadWithABrokenCardIsRefusedWithEveryProblemAndTheRunningSetStays() throws {
        let daemon = try Self.daemon()
        let broken = """
            { id: "broken", title: { nb: "Ødelagt", en: "Broken" }, description: { nb: "x", en: "x" },
              trigger: { manual: true },
              steps: [ { id: "a", title: { nb: "A", en: "A" }, owner: "nobody", due: "PT1H", depends_on: ["a"], action: { task: {} } } ] }
            """
        try broken.write(toFile: daemon.directory + "/Playbooks/broken.json5", atomically: true, encoding: .utf8)
        let refused = try daemon.cli(["playbook", "reload"])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("broken.json5: steps[0].owner"), "\(refused.stderr)")
        #expect(refused.stderr.contains("broken.json5: steps[0].depends_on[0]"), "\(refused.stderr)")
        #expect(try daemon.cli(["playbook", "show", "broken"]).code == 2, "the running set stays")
        let started = try daemon.cli(["playbook", "run", "surge-elevated", "--reason", "Øvelse", "--json"])
        #expect(started.code == 0, "\(started.stderr)")
        #expect(try Self.json(started)["trigger"]?["kind"]?.stringValue == "manual")
        try FileManager.default.removeItem(atPath: daemon.directory + "/Playbooks/broken.json5")
        let reloaded = try daemon.cli(["playbook", "reload"])
        #expect(reloaded.code == 0, "\(reloaded.stderr)")
    }

    @Test func aCardAboutAFacilityStartedByHandNeedsToSayWhichAndNamesItInItsMessages() throws {
        let daemon = try Self.daemon()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 300)).code == 0)
        let bare = try daemon.cli(["playbook", "run", "facility-near-full", "--reason", "Hero melder fullt"])
        #expect(bare.code == 1)
        #expect(bare.stderr.contains("--alert N") && bare.stderr.contains("--subject"), "\(bare.stderr)")
        let started = try daemon.cli([
            "playbook", "run", "facility-near-full", "--reason", "Hero melder fullt", "--subject", "facility/refstad", "--json",
        ])
        #expect(started.code == 0, "\(started.stderr)")
        let id = try #require(try Self.json(started)["id"]?.intValue)
        let shown = try daemon.cli(["run", "show", String(id), "--lang", "nb"])
        #expect(shown.stdout.contains("Utløser      manuelt facility_utilization facility/refstad"), "\(shown.stdout)")
        let log = try daemon.cli(["log", "list", "--subject", "facility/refstad"])
        #expect(log.stdout.contains("(kjøring #\(id)) er startet for hånd, om"), "\(log.stdout)")
        #expect(!log.stdout.contains("{"))
    }
}

/// A CLI command running while the test does something else to the daemon (kills it).
struct ProcessRace {
    let child: ChildProcess

    static func completing(_ daemon: DaemonProcess, run: Int64, step: String) throws -> ProcessRace {
        ProcessRace(child: try ChildProcess(
            Binaries.cli, ["run", "complete", String(run), step, "--note", "Frivillige orientert"], directory: daemon.directory,
            environment: ["LANG": "C.UTF-8"]))
    }

    /// Waits for the command; true when the daemon answered it with success.
    func finish() -> Bool { child.waitForExit(timeout: 60) == 0 }
}
