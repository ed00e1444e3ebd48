import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation
import Synchronization

/// Makes the situation reports the configuration schedules (`reports.schedules`): at each
/// slot whose surge condition holds, the report is rendered from the state as it is, and in
/// one transaction its files (to write to `reports.directory`) and its outbox rows (for the
/// groups' and schedule's channels) are recorded; then the files are written.
///
/// Why through the store first: "never lost" — once a slot's report is committed, a crash,
/// a full disk or a missing directory only delays its files (they are retried from their
/// rows, `ReportFileWriter`) and its messages (the notifier's retries), and a restart makes
/// no slot twice (`scheduled_reports` is unique per schedule and slot). A slot missed while
/// the daemon was down is made at start when it is under an hour old
/// (`ReportSchedule.missedSlot`). The live world only: an exercise's copy makes none.
final class ScheduledReports: Engine {
    /// The situation report of `instant`, read from `connection` (`SitrepCollector.collect`
    /// in a world; a fixed report in tests).
    typealias Collect = @Sendable (
        _ connection: SQLiteConnection, _ instant: Timestamp, _ configuration: DaemonConfiguration, _ calendar: LocalCalendar
    ) throws -> SituationReport

    private struct Settings {
        var configuration: DaemonConfiguration
        var calendar: LocalCalendar

        var reports: DaemonConfiguration.Reports { configuration.reports }
        var routing: NotificationRouting { configuration.notifications.routing }
    }

    private let settings: Mutex<Settings>
    private let stateDirectory: String
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let surgeLevel: @Sendable () -> SurgeLevel
    private let collect: Collect
    private let files: ReportFileWriter
    private let commands = EngineWriter()
    /// Reports are made one at a time, off the writer, loop and scheduler threads.
    private let queue = DispatchQueue(label: "beredskap-reports")

    init(
        configuration: DaemonConfiguration, calendar: LocalCalendar, clock: any WallClock, scheduler: Scheduler, readPool: ReadPool,
        surgeLevel: @escaping @Sendable () -> SurgeLevel, collect: @escaping Collect
    ) {
        settings = Mutex(Settings(configuration: configuration, calendar: calendar))
        stateDirectory = configuration.state.directory
        self.clock = clock
        self.scheduler = scheduler
        self.readPool = readPool
        self.surgeLevel = surgeLevel
        self.collect = collect
        files = ReportFileWriter(clock: clock, scheduler: scheduler, readPool: readPool, commands: commands)
    }

    func attach(writer: Writer) { commands.attach(writer) }

    /// Catches up the slots missed while the daemon was down, arms every schedule and writes
    /// the files left unwritten.
    func start() {
        queue.async { [self] in
            let lastMade: [String: Timestamp]
            do {
                lastMade = try readPool.read { try $0.lastScheduledReportSlots() }
            } catch {
                DaemonLog.error("scheduled reports: could not read the reports made: \(error)")
                scheduler.retry("reports/start") { [weak self] in self?.start() }
                return
            }
            let (schedules, calendar) = settings.withLock { ($0.reports.schedules, $0.calendar) }
            let now = clock.now()
            for (name, scheduled) in schedules.sorted(by: { $0.key < $1.key }) {
                if let slot = scheduled.schedule.missedSlot(now: now, lastMade: lastMade[name], calendar: calendar) {
                    makeIfDue(name, slot: slot)
                }
                arm(name)
            }
            files.wake()
        }
    }

    func observe(_ events: [Event]) {
        if events.contains(where: { $0.is(ReportEvents.made) }) { files.wake() }
    }

    func reconfigure(_ change: Reconfiguration) {
        // What a report shows can come from any section (the cap, the deadline rules): keep all of it.
        let removed = Set(change.old.reports.schedules.keys).subtracting(change.new.reports.schedules.keys)
        settings.withLock { $0 = Settings(configuration: change.new, calendar: change.calendar) }
        for name in removed { scheduler.cancel(Self.key(name)) }
        queue.async { [self] in
            for name in change.new.reports.schedules.keys.sorted() { arm(name) }
        }
    }

    func stop() { files.stop() }

    static func key(_ schedule: String) -> String { "reports/" + schedule }

    /// Sets the timer of `name` to its next slot.
    private func arm(_ name: String) {
        let (scheduled, calendar) = settings.withLock { ($0.reports.schedules[name], $0.calendar) }
        guard let scheduled else { return }
        let slot = scheduled.schedule.nextSlot(after: clock.now(), calendar: calendar)
        scheduler.schedule(Self.key(name), at: slot) { [weak self] in
            guard let self else { return }
            queue.async {
                self.makeIfDue(name, slot: slot)
                self.arm(name)
            }
        }
    }

    /// Makes the report of `name` for `slot` when the schedule still exists and its surge
    /// condition holds now.
    private func makeIfDue(_ name: String, slot: Timestamp) {
        let settings = settings.withLock { $0 }
        guard let scheduled = settings.reports.schedules[name] else { return }
        let level = surgeLevel()
        guard scheduled.schedule.applies(at: level) else { return }
        let made = clock.now()
        let rendered: [(ReportFormat, String)]
        let message: String?
        let recipients = Self.recipients(scheduled, settings.routing)
        do {
            let full = try readPool.read { connection in try collect(connection, made, settings.configuration, settings.calendar) }
            let report = scheduled.isPublic ? full.publicVariant(minimumCount: settings.reports.publicMinimumCount) : full
            rendered = scheduled.writesFiles
                ? scheduled.formats.map { ($0, report.rendered(as: $0, language: scheduled.language, calendar: settings.calendar)) } : []
            message = recipients.isEmpty ? nil : report.rendered(as: .markdown, language: scheduled.language, calendar: settings.calendar)
        } catch {
            DaemonLog.error("scheduled reports: could not make the report \(name) of \(slot.rfc3339): \(error)")
            scheduler.retry(Self.key(name) + "/again") { [weak self] in self?.again(name, slot: slot) }
            return
        }
        let directory = Self.directory(settings.reports.directory, stateDirectory: stateDirectory)
        let fileName = Self.fileName(schedule: name, slot: slot, calendar: settings.calendar)
        let keep = settings.reports.keep
        let subject = Self.subject(slot: slot, calendar: settings.calendar, language: scheduled.language, isPublic: scheduled.isPublic)
        let command = EngineCommand<WriteTransaction>(name: Self.key(name)) { transaction in
            guard let report = try transaction.insertScheduledReport(schedule: name, slot: slot, madeAt: made, surgeLevel: level) else {
                return  // made already (a look after a restart)
            }
            for (format, content) in rendered {
                try transaction.insertReportFile(report: report, path: directory + "/" + fileName + "." + format.fileExtension, content: content)
            }
            var queued = 0
            if let message {
                for (group, channel) in recipients {
                    let key = "report-\(name)-\(slot.millisecondsSinceEpoch)-\(group)-\(channel)"
                    let document: JSONValue = [
                        "kind": "report", "schedule": .string(name), "slot": .string(slot.rfc3339), "made_at": .string(made.rfc3339),
                        "surge_level": .string(level.rawValue), "public": .bool(scheduled.isPublic), "format": "md",
                        "group": .string(group), "idempotency_key": .string(key), "subject": .string(subject), "text": .string(message),
                    ]
                    let id = try transaction.enqueue(OutboxNotification(
                        alertID: nil, kind: "report", channel: channel, group: group, idempotencyKey: key, document: document,
                        subjectLine: subject, body: message, createdAt: transaction.now, exercise: false))
                    try transaction.appendSystemEvent(
                        NotificationEvents.queued, NotificationEvents.Queued(kind: "report", group: group, channel: channel),
                        subject: "notification/\(id)")
                    queued += 1
                }
            }
            try transaction.appendSystemEvent(
                ReportEvents.made,
                ReportEvents.Made(
                    report: report, schedule: name, slot: slot, surgeLevel: level, files: rendered.count, notifications: queued),
                subject: "report/\(report)")
            try transaction.purgeScheduledReports(madeBefore: transaction.now.adding(milliseconds: -keep.milliseconds))
        }
        commands.submit(command, on: scheduler) { [weak self] in self?.again(name, slot: slot) }
    }

    /// Tries the slot again (after a failed read or a command the store did not commit).
    private func again(_ name: String, slot: Timestamp) {
        queue.async { [self] in makeIfDue(name, slot: slot) }
    }

    /// Each (group, channel) the report goes to: the channels of its groups, then its own
    /// channels (group `""`), each channel once.
    static func recipients(_ scheduled: DaemonConfiguration.ScheduledReport, _ routing: NotificationRouting) -> [(String, String)] {
        var seen: Set<String> = []
        var result: [(String, String)] = []
        for group in scheduled.groups {
            for channel in routing.channels(for: group) where seen.insert(channel).inserted { result.append((group, channel)) }
        }
        for channel in scheduled.channels where seen.insert(channel).inserted { result.append(("", channel)) }
        return result
    }

    /// `reports.directory`, absolute: relative to the state directory, which is relative to the
    /// daemon's working directory (the paths are listed to people, who are elsewhere).
    static func directory(_ configured: String, stateDirectory: String) -> String {
        let state = stateDirectory.hasPrefix("/")
            ? stateDirectory : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(stateDirectory)
        let directory = configured.hasPrefix("/") ? configured : (state as NSString).appendingPathComponent(configured)
        return (directory as NSString).standardizingPath
    }

    /// `sitrep-2026-12-03-0700-morgen`: the slot in local time, so the files sort by time.
    static func fileName(schedule: String, slot: Timestamp, calendar: LocalCalendar) -> String {
        let (date, seconds) = calendar.wallClock(slot)
        let hour = seconds / 3600, minute = seconds % 3600 / 60
        return "sitrep-\(date)-\(hour < 10 ? "0" : "")\(hour)\(minute < 10 ? "0" : "")\(minute)-\(schedule)"
    }

    /// The message's subject: `Situasjonsrapport 2026-12-03 07:00:00 CET`.
    static func subject(slot: Timestamp, calendar: LocalCalendar, language: Language, isPublic: Bool) -> String {
        let title = isPublic
            ? Text("Situation report (public)", nb: "Situasjonsrapport (offentlig)") : Text("Situation report", nb: "Situasjonsrapport")
        return title(language) + " " + calendar.dateTimeText(slot)
    }
}
