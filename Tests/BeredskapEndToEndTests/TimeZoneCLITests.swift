import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// One time zone for people: the CLI shows and reads times in the daemon's zone (Europe/Oslo),
/// whatever zone the operator's machine is in, and the groups' messages read the same.
@Suite struct TimeZoneCLITests {
    /// An operator's machine set to another zone than the daemon's.
    static let elsewhere = ["TZ": "America/New_York"]

    @Test func aLocalTimeIsOsloTimeAndADueTimeReadsTheSameInTheCLIAndInTheMessage() throws {
        let oslo = try #require(LocalCalendar(identifier: "Europe/Oslo"))
        let daemon = try PlaybookCLITests.daemon()
        #expect(try daemon.cli(CapacityCLITests.add("torshov", capacity: 400)).code == 0)

        // `--at` without a zone is Oslo time: twenty minutes ago, as an Oslo clock showed it.
        let now = SystemWallClock().now()
        let (date, seconds) = oslo.wallClock(now.adding(milliseconds: -20 * 60_000))
        let minute = seconds - seconds % 60
        let typed = "\(date) \(String(format: "%02d:%02d", minute / 3600, minute / 60 % 60))"
        let expected = oslo.instant(date, secondsOfDay: minute)
        let recorded = try daemon.cli(
            ["arrival", "record", "torshov", "40", "--category", "family", "--at", typed, "--json"], environment: Self.elsewhere)
        #expect(recorded.code == 0, "\(recorded.stderr)")
        #expect(try JSONParser.parse(recorded.stdout)["at"]?.stringValue == expected.rfc3339)
        let human = try daemon.cli(
            ["arrival", "record", "torshov", "5", "--category", "family", "--at", typed], environment: Self.elsewhere)
        #expect(human.stdout.contains(oslo.dateTimeText(expected)), "\(human.stdout)")
        #expect(human.stdout.contains(" CET") || human.stdout.contains(" CEST"), "the zone is marked: \(human.stdout)")

        // 45 arrivals in a day start the elevated card; its ready step has a due time.
        var run: JSONValue?
        #expect(waitUntil {
            run = (try? JSONParser.parse(daemon.cli(["run", "list", "--json"]).stdout))?["runs"]?.arrayValue?.first
            return run != nil
        })
        let id = try #require(run?["id"]?.intValue)
        let shown = try JSONParser.parse(daemon.cli(["run", "show", String(id), "--json"]).stdout)
        let ready = try #require(shown["steps"]?.arrayValue?.first { $0["state"]?.stringValue == "ready" })
        let due = try #require(ready["due_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)))
        let dueText = oslo.dateTimeText(due)
        let table = try daemon.cli(["run", "show", String(id)], environment: Self.elsewhere)
        #expect(table.stdout.contains(dueText), "\(table.stdout)")

        // The owner's message (the default file channel) names the same time, in bokmål.
        let file = daemon.directory + "/.beredskap/notifications.ndjson"
        var message = ""
        #expect(waitUntil {
            let lines = (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n") ?? []
            message = lines.map(String.init).first { $0.contains(#""kind":"step_ready""#) } ?? ""
            return !message.isEmpty
        })
        #expect(message.contains("Frist: \(dueText)"), "\(message)")
    }
}
