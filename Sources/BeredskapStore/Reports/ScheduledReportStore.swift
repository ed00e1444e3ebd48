import BeredskapCore
import BeredskapSQLite

/// A situation report made on a schedule, as listed (`GET /v1/reports/scheduled`).
public struct ScheduledReportRow: Sendable, Equatable {
    public var id: Int64
    public var schedule: String
    /// When it was due; `madeAt`: when its figures were taken (later for a slot caught up at start).
    public var slot: Timestamp
    public var madeAt: Timestamp
    public var surgeLevel: SurgeLevel
    public var files: [ScheduledReportFile]
}

/// One file of a scheduled report: written to the reports directory after the commit that made
/// it, retried until it is.
public struct ScheduledReportFile: Sendable, Equatable {
    public var id: Int64
    public var report: Int64
    public var path: String
    public var writtenAt: Timestamp?
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Timestamp?
}

extension SQLiteConnection {
    /// The latest slot made for each schedule.
    public func lastScheduledReportSlots() throws -> [String: Timestamp] {
        var slots: [String: Timestamp] = [:]
        for (schedule, slot) in try query("SELECT schedule, max(slot_ms) FROM scheduled_reports GROUP BY schedule", [], { row in
            (row.text(0), Timestamp(millisecondsSinceEpoch: row.int64(1)))
        }) { slots[schedule] = slot }
        return slots
    }

    /// Newest first, with their files.
    public func scheduledReports(limit: Int) throws -> [ScheduledReportRow] {
        let reports = try query(
            "SELECT id, schedule, slot_ms, made_ms, surge_level FROM scheduled_reports ORDER BY slot_ms DESC, id DESC LIMIT ?", [limit]
        ) { row in
            ScheduledReportRow(
                id: row.int64(0), schedule: row.text(1), slot: Timestamp(millisecondsSinceEpoch: row.int64(2)),
                madeAt: Timestamp(millisecondsSinceEpoch: row.int64(3)),
                surgeLevel: SurgeLevel(rawValue: row.text(4)) ?? .normal, files: [])
        }
        guard let lowest = reports.map(\.id).min() else { return [] }
        let files = try query(
            "SELECT \(Self.fileColumns) FROM scheduled_report_files WHERE report >= ? ORDER BY id", [lowest], Self.file(from:))
        let byReport = Dictionary(grouping: files, by: \.report)
        return reports.map { report in
            var report = report
            report.files = byReport[report.id] ?? []
            return report
        }
    }

    /// Files not yet written whose next attempt is due at `now`, oldest first, with their content.
    public func dueReportFiles(at now: Timestamp, limit: Int) throws -> [(file: ScheduledReportFile, content: String)] {
        try query(
            """
            SELECT \(Self.fileColumns), content FROM scheduled_report_files
            WHERE written_ms IS NULL AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?
            """, [now.millisecondsSinceEpoch, limit]
        ) { row in (try Self.file(from: row), row.text(7)) }
    }

    /// The earliest next attempt of a file not yet written.
    public func nextReportFileAttempt() throws -> Timestamp? {
        try scalarInt("SELECT min(next_attempt_ms) FROM scheduled_report_files WHERE written_ms IS NULL")
            .map(Timestamp.init(millisecondsSinceEpoch:))
    }

    /// Files still to write (for `GET /v1/status`).
    public func unwrittenReportFileCount() throws -> Int {
        Int(try scalarInt("SELECT count(*) FROM scheduled_report_files WHERE written_ms IS NULL") ?? 0)
    }

    private static let fileColumns = "id, report, path, written_ms, attempts, last_error, next_attempt_ms"

    private static func file(from row: SQLiteRow) throws -> ScheduledReportFile {
        ScheduledReportFile(
            id: row.int64(0), report: row.int64(1), path: row.text(2),
            writtenAt: row.optionalInt64(3).map(Timestamp.init(millisecondsSinceEpoch:)), attempts: row.int(4),
            lastError: row.optionalText(5), nextAttemptAt: row.optionalInt64(6).map(Timestamp.init(millisecondsSinceEpoch:)))
    }
}

extension WriteTransaction {
    /// Records the report of `schedule` for `slot`; nil when that slot was made already (a
    /// second look at the same slot after a restart makes nothing twice).
    public func insertScheduledReport(schedule: String, slot: Timestamp, madeAt: Timestamp, surgeLevel: SurgeLevel) throws -> Int64? {
        let inserted = try connection.run(
            "INSERT OR IGNORE INTO scheduled_reports(schedule, slot_ms, made_ms, surge_level) VALUES (?, ?, ?, ?)",
            schedule, slot.millisecondsSinceEpoch, madeAt.millisecondsSinceEpoch, surgeLevel.rawValue)
        return inserted == 1 ? connection.lastInsertRowID : nil
    }

    /// A file of report `report` to write at `path`, due now.
    @discardableResult
    public func insertReportFile(report: Int64, path: String, content: String) throws -> Int64 {
        try connection.run(
            "INSERT INTO scheduled_report_files(report, path, content, next_attempt_ms) VALUES (?, ?, ?, ?)",
            report, path, content, now.millisecondsSinceEpoch)
        return connection.lastInsertRowID
    }

    /// The file is on disk: its content is no longer needed here.
    public func recordReportFileWritten(_ id: Int64) throws {
        try connection.run(
            "UPDATE scheduled_report_files SET written_ms = ?, attempts = attempts + 1, last_error = NULL, next_attempt_ms = NULL, content = '' WHERE id = ?",
            now.millisecondsSinceEpoch, id)
    }

    /// A failed attempt; the file is tried again at `nextAttempt`.
    public func recordReportFileFailed(_ id: Int64, error: String, nextAttempt: Timestamp) throws {
        try connection.run(
            "UPDATE scheduled_report_files SET attempts = attempts + 1, last_error = ?, next_attempt_ms = ? WHERE id = ?",
            error, nextAttempt.millisecondsSinceEpoch, id)
    }

    /// Forgets reports made before `cutoff` whose files are all written (the files stay on disk).
    @discardableResult
    public func purgeScheduledReports(madeBefore cutoff: Timestamp) throws -> Int {
        let old = "SELECT id FROM scheduled_reports WHERE slot_ms < ? AND id NOT IN (SELECT report FROM scheduled_report_files WHERE written_ms IS NULL)"
        try connection.run("DELETE FROM scheduled_report_files WHERE report IN (\(old))", cutoff.millisecondsSinceEpoch)
        return try connection.run("DELETE FROM scheduled_reports WHERE id IN (\(old))", cutoff.millisecondsSinceEpoch)
    }
}
