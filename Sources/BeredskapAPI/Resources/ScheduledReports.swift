import BeredskapCore
import BeredskapJSON

/// `GET /v1/reports/scheduled`.
public struct ScheduledReportList: Sendable, Codable, Equatable {
    public var reports: [ScheduledReportResource]

    public init(reports: [ScheduledReportResource]) { self.reports = reports }
}

/// A report made on a schedule: when it was due, when its figures were taken, and its files.
public struct ScheduledReportResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var schedule: String
    public var slot: Timestamp
    public var madeAt: Timestamp
    public var surgeLevel: SurgeLevel
    public var files: [File]

    public init(id: Int64, schedule: String, slot: Timestamp, madeAt: Timestamp, surgeLevel: SurgeLevel, files: [File]) {
        self.id = id
        self.schedule = schedule
        self.slot = slot
        self.madeAt = madeAt
        self.surgeLevel = surgeLevel
        self.files = files
    }

    /// A file of the report: written, or waiting for its next attempt (and why the last failed).
    public struct File: Sendable, Codable, Equatable {
        public var path: String
        @NullEncoded public var writtenAt: Timestamp?
        public var attempts: Int
        @NullEncoded public var lastError: String?
        @NullEncoded public var nextAttemptAt: Timestamp?

        public init(path: String, writtenAt: Timestamp?, attempts: Int, lastError: String?, nextAttemptAt: Timestamp?) {
            self.path = path
            self.writtenAt = writtenAt
            self.attempts = attempts
            self.lastError = lastError
            self.nextAttemptAt = nextAttemptAt
        }
    }
}
