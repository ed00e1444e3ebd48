import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Scheduled situation reports (issue 15, item 3): made at their slot in Oslo time when the
/// surge condition holds, written to the reports directory and sent through the outbox, never
/// made twice, caught up at start, and a file that could not be written is written later.
@Suite(.serialized) struct ScheduledReportTests {
    /// The harness starts at 2026-11-22 10:00 Oslo (09:00Z).
    static let slot = Timestamp(rfc3339: "2026-11-22T09:30:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    static func schedule(
        _ schedule: ReportSchedule, formats: [ReportFormat] = [.markdown, .html], groups: [String] = ["beredskapsetaten"],
        files: Bool = true
    ) -> DaemonConfiguration.ScheduledReport {
        DaemonConfiguration.ScheduledReport(
            schedule: schedule, formats: formats, language: .nb, isPublic: false, writesFiles: files, groups: groups, channels: [])
    }

    static func configure(_ schedules: [String: DaemonConfiguration.ScheduledReport]) -> (inout DaemonConfiguration) -> Void {
        { configuration in
            configuration.reports.schedules = schedules
            configuration.alerts.staleReport.enabled = false
        }
    }

    static func waitForTimer(_ scheduler: Scheduler, _ name: String) -> Timestamp? {
        var due: Timestamp?
        _ = waitUntil(timeout: 10) {
            due = scheduler.dueTime(of: ScheduledReports.key(name))
            return due != nil
        }
        return due
    }

    static func reports(_ session: Session) throws -> [JSONValue] {
        try session.get("/v1/reports/scheduled")["reports"]?.arrayValue ?? []
    }

    @Test func aReportIsMadeAtItsSlotWrittenToTheDirectoryAndSentToTheGroupsChannels() throws {
        let harness = try DaemonHarness(configure: Self.configure(["morgen": Self.schedule(try ReportSchedule(at: ["10:30"]))]))
        let scheduler = harness.daemon.services.scheduler
        #expect(Self.waitForTimer(scheduler, "morgen") == Self.slot, "10:30 Oslo is 09:30Z in November")
        harness.clock.advance(seconds: 30 * 60)
        scheduler.fireDue()
        let directory = harness.directory + "/reports/"
        let names = ["sitrep-2026-11-22-1030-morgen.md", "sitrep-2026-11-22-1030-morgen.html"]
        #expect(waitUntil { names.allSatisfy { FileManager.default.fileExists(atPath: directory + $0) } })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == names.sorted(), "no .partial left")
        // The situation report as the route makes it, as of the slot.
        let markdown = try String(contentsOfFile: directory + names[0], encoding: .utf8)
        #expect(markdown.hasPrefix("# Situasjonsrapport"))
        #expect(markdown.contains("2026-11-22 10:30:00 CET"))
        let html = try String(contentsOfFile: directory + names[1], encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Situasjonsrapport"))

        let session = try Session(harness)
        #expect(waitUntil { ((try? Self.reports(session)) ?? []).first?["files"]?.arrayValue?.allSatisfy { $0["written_at"] != .null } == true })
        let report = try #require(try Self.reports(session).first)
        #expect(report["schedule"] == "morgen")
        #expect(report["slot"]?.stringValue == Self.slot.rfc3339)
        #expect(report["surge_level"] == "normal")
        #expect(report["files"]?.arrayValue?.map { $0["path"]?.stringValue } == names.map { directory + $0 })
        let made = try #require(try session.events("report.made").first)
        #expect(made["data"]?["files"] == 2)
        #expect(made["data"]?["notifications"] == 1, "beredskapsetaten's one channel, logg")
        #expect(waitUntil { ((try? session.events("report.file_written")) ?? []).count == 2 })
        // Through the outbox to the file channel: the Markdown, with the slot in the subject.
        let log = harness.directory + "/notifications.ndjson"
        #expect(waitUntil { (try? String(contentsOfFile: log, encoding: .utf8))?.contains("\"kind\":\"report\"") == true })
        let line = try #require(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last)
        let document = try JSONParser.parse(Array(line.utf8))
        #expect(document["subject"] == "Situasjonsrapport 2026-11-22 10:30:00 CET")
        #expect(document["schedule"] == "morgen")
        #expect(document["text"]?.stringValue?.hasPrefix("# Situasjonsrapport") == true)
        // The next slot is tomorrow's.
        #expect(scheduler.dueTime(of: ScheduledReports.key("morgen")) == Self.slot.adding(milliseconds: 86_400_000))
    }

    @Test func aSlotWhoseSurgeConditionDoesNotHoldMakesNothingAndWaitsForTheNext() throws {
        let every = try ReportSchedule(every: FixedDuration.seconds(4 * 3600), whileSurgeAtLeast: .high)
        let harness = try DaemonHarness(configure: Self.configure(["surge": Self.schedule(every)]))
        let scheduler = harness.daemon.services.scheduler
        let first = try #require(Self.waitForTimer(scheduler, "surge"))
        #expect(first == Timestamp(rfc3339: "2026-11-22T11:00:00Z"), "12:00 Oslo, the next multiple of four hours")
        harness.clock.set(first)
        scheduler.fireDue()
        #expect(waitUntil { scheduler.dueTime(of: ScheduledReports.key("surge")) == first.adding(milliseconds: 4 * 3_600_000) })
        let session = try Session(harness)
        try session.settle()
        #expect(try Self.reports(session).isEmpty, "the level is normal")
        #expect(try session.events("report.made").isEmpty)
    }

    @Test func aRestartMakesNoSlotTwiceAndCatchesUpTheSlotItMissed() throws {
        let daemon = try RestartableDaemon(configure: Self.configure([
            "morgen": Self.schedule(try ReportSchedule(at: ["10:30"]), formats: [.markdown], groups: []),
        ]))
        let scheduler = try #require(daemon.daemon?.services.scheduler)
        #expect(Self.waitForTimer(scheduler, "morgen") == Self.slot)
        // Down over the slot; back twenty minutes after it.
        daemon.stop()
        daemon.harness.clock.set(Self.slot.adding(milliseconds: 20 * 60_000))
        try daemon.start()
        let session = try daemon.session()
        #expect(waitUntil { ((try? Self.reports(session)) ?? []).count == 1 })
        let report = try #require(try Self.reports(session).first)
        #expect(report["slot"]?.stringValue == Self.slot.rfc3339)
        #expect(report["made_at"]?.stringValue == Self.slot.adding(milliseconds: 20 * 60_000).rfc3339, "its figures are from when it was made")
        // Again: the slot is made already.
        try daemon.restart()
        let again = try daemon.session()
        #expect(Self.waitForTimer(try #require(daemon.daemon?.services.scheduler), "morgen") == Self.slot.adding(milliseconds: 86_400_000))
        try again.settle()
        #expect(try Self.reports(again).count == 1)
        #expect(try again.events("report.made").count == 1)
    }

    @Test func aFileThatCannotBeWrittenIsKeptAndWrittenWhenItCan() throws {
        let daemon = try RestartableDaemon(configure: Self.configure([
            "morgen": Self.schedule(try ReportSchedule(at: ["10:30"]), formats: [.markdown], groups: []),
        ]))
        let directory = daemon.harness.directory + "/restarted/reports"
        // A file where the directory should be.
        #expect(FileManager.default.createFile(atPath: directory, contents: Array("in the way".utf8).withUnsafeBytes { Data($0) }))
        let scheduler = try #require(daemon.daemon?.services.scheduler)
        #expect(Self.waitForTimer(scheduler, "morgen") == Self.slot)
        daemon.harness.clock.set(Self.slot)
        scheduler.fireDue()
        let session = try daemon.session()
        #expect(waitUntil { ((try? session.events("report.file_failed")) ?? []).count == 1 })
        let file = try #require(try Self.reports(session).first?["files"]?.arrayValue?.first)
        #expect(file["written_at"] == .null)
        #expect(file["last_error"]?.stringValue?.contains("cannot create the reports directory") == true)
        #expect(file["next_attempt_at"]?.stringValue == Self.slot.adding(milliseconds: 5000).rfc3339)

        // Across a restart, with the way cleared: written at its next attempt.
        daemon.stop()
        try FileManager.default.removeItem(atPath: directory)
        daemon.harness.clock.set(Self.slot.adding(milliseconds: 6000))
        try daemon.start()
        let after = try daemon.session()
        #expect(waitUntil { FileManager.default.fileExists(atPath: directory + "/sitrep-2026-11-22-1030-morgen.md") })
        #expect(waitUntil { ((try? after.events("report.file_written")) ?? []).first?["data"]?["attempt"] == 2 })
        #expect(try Self.reports(after).count == 1)
    }

    @Test func aReloadArmsNewSchedulesAndForgetsRemovedOnes() throws {
        var configuration = DaemonConfiguration()
        let morning = Self.schedule(try ReportSchedule(at: ["10:30"]))
        let harness = try DaemonHarness(configure: { full in
            Self.configure(["morgen": morning])(&full)
            configuration = full
        })
        let scheduler = harness.daemon.services.scheduler
        #expect(Self.waitForTimer(scheduler, "morgen") == Self.slot)
        var reloaded = configuration
        reloaded.reports.schedules = ["kveld": Self.schedule(try ReportSchedule(at: ["18:00"]))]
        harness.daemon.world.reconfigure(from: configuration, to: reloaded, calendar: harness.daemon.services.settings.calendar)
        #expect(Self.waitForTimer(scheduler, "kveld") == Timestamp(rfc3339: "2026-11-22T17:00:00Z"))
        #expect(scheduler.dueTime(of: ScheduledReports.key("morgen")) == nil)
    }
}
