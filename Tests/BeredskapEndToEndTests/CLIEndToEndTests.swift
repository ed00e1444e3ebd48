import BeredskapClient
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

@Suite struct CLIEndToEndTests {
    @Test func aNewcomerRunsStatusLogAndEvents() throws {
        let daemon = try DaemonProcess()
        let status = try daemon.cli(["status"])
        #expect(status.code == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Surge level"))
        #expect(status.stdout.contains("NORMAL"))

        let added = try daemon.cli(["log", "add", "Refstad full, 40 sendt til Torshov", "--subject", "facility/refstad"])
        #expect(added.code == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Logged #1 at "))

        let words = try daemon.cli(["log", "add", "Koordineringsmøte", "i", "Østensjø"])
        #expect(words.code == 0)

        let listed = try daemon.cli(["log", "list"])
        #expect(listed.code == 0)
        #expect(listed.stdout.contains("Refstad full, 40 sendt til Torshov"))
        #expect(listed.stdout.contains("Koordineringsmøte i Østensjø"))
        #expect(listed.stdout.contains("facility/refstad"))

        let filtered = try daemon.cli(["log", "list", "--subject", "facility/refstad", "--json"])
        let entries = try JSONParser.parse(filtered.stdout)["entries"]?.arrayValue ?? []
        #expect(entries.count == 1)

        let events = try daemon.cli(["events", "--since", "0"])
        #expect(events.code == 0)
        #expect(events.stdout.contains("daemon.started"))
        #expect(events.stdout.contains("log.added"))
    }

    @Test func jsonAndCSVForScriptsAndSpreadsheets() throws {
        let daemon = try DaemonProcess()
        let added = try daemon.cli(["log", "add", "Ullern: 4 av 50 bosatt", "--json"])
        let created = try JSONParser.parse(added.stdout)
        #expect(created["text"]?.stringValue == "Ullern: 4 av 50 bosatt")
        #expect(created["event_seq"]?.intValue == 2)
        let status = try JSONParser.parse(try daemon.cli(["status", "--json"]).stdout)
        #expect(status["last_event_seq"]?.intValue == 2)
        let csv = try daemon.cli(["log", "list", "--csv"])
        #expect(csv.stdout.hasPrefix("ID,TIME,BY,SUBJECT,TEXT\n1,"))
        let events = try daemon.cli(["events", "--csv", "--type", "log."])
        #expect(events.stdout.split(separator: "\n").count == 2)
        let both = try daemon.cli(["status", "--json", "--csv"])
        #expect(both.code == 2)
    }

    @Test func followPrintsNewEventsAsTheyHappen() throws {
        let daemon = try DaemonProcess()
        // The gauge counts the daemon's own listeners too: the follower is one more than before it.
        func listeners() -> Int? {
            (try? daemon.client().metrics())?.split(separator: "\n").first { $0.hasPrefix("beredskap_event_listeners ") }
                .flatMap { Double($0.split(separator: " ").last ?? "") }.map { Int($0) }
        }
        var before: Int?
        #expect(waitUntil { before = listeners(); return before != nil })
        let follower = try ChildProcess(
            Binaries.cli, ["events", "--follow", "--json", "--count", "2", "--type", "log."], directory: daemon.directory)
        // The follower starts from "now"; write two entries once it is connected.
        #expect(waitUntil { listeners().map { $0 > (before ?? 0) } == true })
        _ = try daemon.cli(["log", "add", "første"])
        _ = try daemon.cli(["log", "add", "andre"])
        #expect(follower.waitForExit(timeout: 20) == 0)
        let lines = follower.standardOutput.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        // Each event names its entry; the texts are the entries'.
        #expect(lines.map { $0?["data"]?["id"]?.intValue } == [1, 2])
        #expect(try daemon.client().logEntries(LogListQuery()).entries.map(\.text) == ["første", "andre"])
    }

    @Test func followResumesAfterTheDaemonRestarts() throws {
        let daemon = try DaemonProcess()
        let follower = try ChildProcess(
            Binaries.cli, ["events", "--follow", "--json", "--count", "2", "--type", "log.", "--since", "0"],
            directory: daemon.directory)
        // The entries the events name (the texts are the entries', not the events').
        func entries() -> [Int64?] {
            follower.standardOutput.split(separator: "\n").map { (try? JSONParser.parse(String($0)))?["data"]?["id"]?.intValue }
        }
        _ = try daemon.cli(["log", "add", "før omstart"])
        #expect(waitUntil { entries() == [1] })
        try daemon.killAndRestart()
        _ = try daemon.cli(["log", "add", "etter omstart"])
        #expect(follower.waitForExit(timeout: 30) == 0, "\(follower.standardError)")
        #expect(entries() == [1, 2])
        #expect(follower.standardError.contains("reconnecting"))
    }

    @Test func exitCodesMeanSomething() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 3: nothing to talk to, with a hint how to start it.
        let unreachable = try ChildProcess(Binaries.cli, ["status", "--socket", directory + "/none.sock"], directory: directory)
        #expect(unreachable.waitForExit() == 3)
        #expect(unreachable.standardError.contains("swift run beredskapd"))
        // 2: usage errors, with a suggestion.
        let typo = try ChildProcess(Binaries.cli, ["stauts"], directory: directory)
        #expect(typo.waitForExit() == 2)
        #expect(typo.standardError.contains("status"))
        let missing = try ChildProcess(Binaries.cli, ["log", "add"], directory: directory)
        #expect(missing.waitForExit() == 2)
        // 0: help everywhere.
        for arguments in [["--help"], ["log", "--help"], ["log", "add", "--help"], ["events", "-h"], ["help", "log", "list"]] {
            let help = try ChildProcess(Binaries.cli, arguments, directory: directory)
            #expect(help.waitForExit() == 0, "\(arguments)")
            #expect(help.standardOutput.contains("beredskap"))
        }
        // 2 as well: a value the daemon finds wrong, named by its option.
        let daemon = try DaemonProcess()
        let badValue = try daemon.cli(["log", "add", "x", "--subject", "Not A Subject"])
        #expect(badValue.code == 2)
        #expect(badValue.stderr.contains("beredskap: --subject: expected a subject"), "\(badValue.stderr)")
        #expect(badValue.stderr.contains("invalid_field"))
        #expect(try daemon.cli(["facility", "show", "refstad"]).code == 2, "an unknown id")
        // 1: the daemon refused a valid request.
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 300)).code == 0)
        let refused = try daemon.cli(["facility", "set", "refstad", "--capacity", "1200", "--operator", "Hero"])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("cap_exceeded"))
    }

    @Test func whenNothingAnswersEveryPathTriedIsListedWithWhy() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "".write(toFile: directory + "/file.sock", atomically: true, encoding: .utf8)
        let stale = try #require(boundUnixSocket(at: directory + "/stale.sock", type: Int32(SOCK_STREAM.rawValue)))
        close(stale)
        func stderr(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
            let child = try ChildProcess(Binaries.cli, arguments, directory: directory, environment: environment)
            #expect(child.waitForExit() == 3)
            return child.standardError
        }
        let defaults = try stderr(["status"], environment: ["BEREDSKAP_SOCKET": ""])
        #expect(defaults.contains(".beredskap/beredskap.sock (a daemon started in this directory): no such file"), "\(defaults)")
        #expect(defaults.contains("/run/beredskap/beredskap.sock (the installed service)"))
        #expect(try stderr(["status", "--socket", "file.sock"]).contains("file.sock (--socket): not a socket"))
        #expect(try stderr(["status"], environment: ["BEREDSKAP_SOCKET": "stale.sock"])
            .contains("stale.sock (BEREDSKAP_SOCKET): a socket, but no daemon listens on it"))
    }

    /// A socket the user may not open is a permission error, not a daemon to start (needs root
    /// to act as another user).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aSocketYouMayNotOpenSaysSo() throws {
        let daemon = try DaemonProcess()
        let asNobody = try ChildProcess(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.cli, "status"],
            directory: daemon.directory)
        #expect(asNobody.waitForExit() == 3)
        let message = asNobody.standardError
        #expect(message.hasPrefix("beredskap: permission denied on beredskapd's socket .beredskap/beredskap.sock"), "\(message)")
        #expect(message.contains("add you to the group root"))
        #expect(!message.contains("swift run beredskapd"))
    }

    @Test func theSocketIsFoundFromTheEnvironmentToo() throws {
        let daemon = try DaemonProcess()
        let elsewhere = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let viaEnvironment = try ChildProcess(
            Binaries.cli, ["health"], directory: elsewhere, environment: ["BEREDSKAP_SOCKET": daemon.socketPath])
        #expect(viaEnvironment.waitForExit() == 0)
        #expect(viaEnvironment.standardOutput == "ok\n")
        let optionWins = try ChildProcess(
            Binaries.cli, ["health", "--socket", daemon.socketPath], directory: elsewhere,
            environment: ["BEREDSKAP_SOCKET": "/nonexistent.sock"])
        #expect(optionWins.waitForExit() == 0)
    }

    @Test func norwegianOnRequest() throws {
        let daemon = try DaemonProcess()
        let status = try daemon.cli(["status", "--lang", "nb"])
        #expect(status.stdout.contains("Ankomstnivå"))
        let added = try daemon.cli(["log", "add", "hei"], environment: ["LANG": "nb_NO.UTF-8"])
        #expect(added.stdout.hasPrefix("Loggført #1"))
        let help = try daemon.cli(["log", "add", "--help", "--lang", "nb"])
        #expect(help.stdout.contains("Eksempler"))
        let refused = try daemon.cli(["log", "add", "x", "--subject", "X", "--lang", "nb"])
        #expect(refused.stderr.contains("forventet et emne"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let daemon = try DaemonProcess()
        let status = try daemon.cli(["status"])
        #expect(!status.stdout.contains("\u{1B}["))
    }

    /// A user with no role gets 403 and exit code 4 (needs root to act as another user).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aUserWithoutARoleIsForbidden() throws {
        let directory = DaemonProcess.makeDirectory()
        let socket = directory + "/open.sock"
        try #"{ socket: { path: "\#(socket)", mode: "0666" } }"#.write(toFile: directory + "/c.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "c.json5"], socket: socket, directory: directory)
        let asNobody = try ChildProcess(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.cli, "log", "add", "x", "--socket", socket],
            directory: directory)
        #expect(asNobody.waitForExit() == 4, "\(asNobody.standardError)")
        #expect(asNobody.standardError.contains("operate"))
        let audit = try daemon.cli(["audit", "--json", "--socket", socket])
        let entries = try JSONParser.parse(audit.stdout)["entries"]?.arrayValue ?? []
        #expect(entries.contains { $0["type"]?.stringValue == "access.denied" && $0["actor"]?["uid"]?.intValue == 65534 })
        // Health stays open to anyone who can connect.
        let health = try ChildProcess(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.cli, "health", "--socket", socket],
            directory: directory)
        #expect(health.waitForExit() == 0)
    }
}
