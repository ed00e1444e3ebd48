import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// Scheduled reports with the real binaries (issue 15, item 3): a schedule whose slot was a
/// minute ago is caught up at start, its files are written beside the state and listed by
/// `report scheduled`, and a `kill -9` and restart neither loses nor repeats it.
@Suite struct ScheduledReportCLITests {
    /// `HH:MM` in Oslo a minute ago.
    static func aMinuteAgo() -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: Date().addingTimeInterval(-60))
    }

    @Test func aSlotJustMissedIsMadeAtStartWrittenListedAndNeverRepeated() throws {
        let directory = DaemonProcess.makeDirectory()
        try """
            { reports: { schedules: { nu: { at: ["\(Self.aMinuteAgo())"], formats: ["html", "md"], groups: ["beredskapsetaten"] } } } }
            """.write(toFile: directory + "/c.json5", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", "c.json5"], directory: directory)
        func listed() -> [JSONValue] {
            guard let out = try? daemon.cli(["report", "scheduled", "--json"]).stdout else { return [] }
            return (try? JSONParser.parse(Array(out.utf8)))?["reports"]?.arrayValue ?? []
        }
        #expect(waitUntil { listed().first?["files"]?.arrayValue?.allSatisfy { $0["written_at"] != .null } == true })
        let files = listed().first?["files"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        #expect(files.count == 2)
        let reports = URL(fileURLWithPath: directory + "/.beredskap/reports").standardizedFileURL.resolvingSymlinksInPath().path
        #expect(files.allSatisfy { $0.hasPrefix(reports + "/sitrep-") && ($0.hasSuffix("-nu.html") || $0.hasSuffix("-nu.md")) }, "\(files)")
        let page = files.first { $0.hasSuffix(".html") }.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("Situasjonsrapport"))
        // The groups' channel (the default `logg` file) got the Markdown through the outbox.
        #expect(waitUntil {
            ((try? String(contentsOfFile: directory + "/.beredskap/notifications.ndjson", encoding: .utf8)) ?? "").contains("\"kind\":\"report\"")
        })

        let table = try daemon.cli(["report", "scheduled"])
        #expect(table.code == 0 && table.stdout.contains("nu") && table.stdout.contains("2/2"), "\(table.stdout)")

        try daemon.killAndRestart()
        #expect(waitUntil { (try? daemon.cli(["status"]))?.code == 0 })
        #expect(try daemon.client().allEvents(type: "report.made").count == 1, "made once")
        #expect(listed().count == 1)
    }
}
