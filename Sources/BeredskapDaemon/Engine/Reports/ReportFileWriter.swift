import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Writes the files of scheduled reports from their rows, and records each result: written
/// (the row's copy of the text is then dropped), or failed and tried again later.
///
/// Why a file is whole or absent: it is written beside its name (`.partial`), synced, renamed
/// over the name and the directory synced, so a reader — a web server publishing the public
/// report, a person opening it — never sees half a page, and a crash before the rename leaves
/// the row unwritten, to be written again. The directory is created when missing (the
/// default `reports` beside the state is not there on a fresh machine).
final class ReportFileWriter: Sendable {
    /// Rows taken per look.
    static let batchLimit = 50
    /// The pause before the first retry of a file; doubled after each failure, up to `longestRetry`.
    static let firstRetry = FixedDuration.seconds(5)
    static let longestRetry = FixedDuration.seconds(15 * 60)
    static let scheduleKey = "reports/files"

    private let clock: any WallClock
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let commands: EngineWriter
    private let stopped = Atomic<Bool>(false)
    /// Files written whose result is not yet recorded: a look at the rows before that commit
    /// still finds them due, and must not write them again.
    private let inFlight = Mutex<Set<Int64>>([])
    private let queue = DispatchQueue(label: "beredskap-report-files")

    init(clock: any WallClock, scheduler: Scheduler, readPool: ReadPool, commands: EngineWriter) {
        self.clock = clock
        self.scheduler = scheduler
        self.readPool = readPool
        self.commands = commands
    }

    func wake() { queue.async { [self] in writeDue() } }

    func stop() { stopped.store(true, ordering: .relaxed) }

    private func writeDue() {
        guard !stopped.load(ordering: .relaxed) else { return }
        let now = clock.now()
        let due: [(file: ScheduledReportFile, content: String)]
        let next: Timestamp?
        do {
            (due, next) = try readPool.read { connection in
                (try connection.dueReportFiles(at: now, limit: Self.batchLimit), try connection.nextReportFileAttempt())
            }
        } catch {
            DaemonLog.error("scheduled reports: could not read the files to write: \(error)")
            scheduler.retry(Self.scheduleKey) { [weak self] in self?.wake() }
            return
        }
        // A full batch may have more behind it: look again once these are recorded.
        let full = due.count == Self.batchLimit
        for (file, content) in due where inFlight.withLock({ $0.insert(file.id).inserted }) {
            let failure = Self.write(Array(content.utf8), to: file.path)
            if let failure { DaemonLog.error("scheduled reports: \(failure)") }
            record(file, failure: failure, lookAgain: full || failure != nil)
        }
        if !full, let next, next > now {
            scheduler.schedule(Self.scheduleKey, at: next) { [weak self] in self?.wake() }
        }
    }

    /// Records a write's result; `lookAgain` (after a failure: the next attempt's timer is set
    /// from the row) once it is committed.
    private func record(_ file: ScheduledReportFile, failure: String?, lookAgain: Bool) {
        let attempt = file.attempts + 1
        let pause = min(Self.firstRetry.milliseconds << min(Int64(file.attempts), 20), Self.longestRetry.milliseconds)
        let body: @Sendable (inout WriteTransaction) throws -> Void = { transaction in
            if let failure {
                let next = transaction.now.adding(milliseconds: pause)
                try transaction.recordReportFileFailed(file.id, error: failure, nextAttempt: next)
                try transaction.appendSystemEvent(
                    ReportEvents.fileFailed,
                    ReportEvents.FileFailed(report: file.report, file: file.id, attempt: attempt, error: failure, nextAttemptAt: next),
                    subject: "report/\(file.report)")
            } else {
                try transaction.recordReportFileWritten(file.id)
                try transaction.appendSystemEvent(
                    ReportEvents.fileWritten, ReportEvents.FileWritten(report: file.report, file: file.id, attempt: attempt),
                    subject: "report/\(file.report)")
            }
        }
        let committed: @Sendable () -> Void = { [weak self] in
            guard let self else { return }
            _ = inFlight.withLock { $0.remove(file.id) }
            if lookAgain { wake() }
        }
        commands.submitRetrying(EngineCommand(name: "reports/file-\(file.id)", body: body, committed: committed), on: scheduler)
    }

    /// Writes `bytes` to `path` whole (see the type); nil, or what went wrong.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return "cannot create the reports directory \(directory): \(error.localizedDescription)"
        }
        let partial = path + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { return "cannot open \(partial): \(errnoText(errno))" }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(partial)
                return "cannot write \(partial): \(errnoText(code))"
            }
            offset += written
        }
        let synced = fsync(fd) == 0
        let code = errno
        close(fd)
        guard synced else {
            unlink(partial)
            return "cannot sync \(partial): \(errnoText(code))"
        }
        guard rename(partial, path) == 0 else {
            let code = errno
            unlink(partial)
            return "cannot rename \(partial) to \(path): \(errnoText(code))"
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
        return nil
    }
}
