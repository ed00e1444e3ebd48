/// The events of scheduled situation reports (`report.*`), with subject `report/{id}`.
///
/// The schedule's name (from the configuration), instants, counts and ids only: the report's
/// text is in its file rows, and it names no person.
public enum ReportEvents {
    public static let made = EventType<Made>(.report, "made")
    public static let fileWritten = EventType<FileWritten>(.report, "file_written")
    public static let fileFailed = EventType<FileFailed>(.report, "file_failed")

    public static let all: [EventKind] = [made.kind, fileWritten.kind, fileFailed.kind]

    /// `report.made`: the report of a slot, with how many files and notifications it queued.
    public struct Made: EventPayload, Equatable {
        public var report: Int64
        public var schedule: String
        public var slot: Timestamp
        public var surgeLevel: SurgeLevel
        public var files: Int
        public var notifications: Int

        public init(report: Int64, schedule: String, slot: Timestamp, surgeLevel: SurgeLevel, files: Int, notifications: Int) {
            self.report = report
            self.schedule = schedule
            self.slot = slot
            self.surgeLevel = surgeLevel
            self.files = files
            self.notifications = notifications
        }

        public static let identifiers: Set<String> = ["schedule"]
    }

    /// `report.file_written`.
    public struct FileWritten: EventPayload, Equatable {
        public var report: Int64
        public var file: Int64
        public var attempt: Int

        public init(report: Int64, file: Int64, attempt: Int) {
            self.report = report
            self.file = file
            self.attempt = attempt
        }
    }

    /// `report.file_failed`: the system's error (a path, an errno), and when it is tried again.
    public struct FileFailed: EventPayload, Equatable {
        public var report: Int64
        public var file: Int64
        public var attempt: Int
        public var error: String
        public var nextAttemptAt: Timestamp

        public init(report: Int64, file: Int64, attempt: Int, error: String, nextAttemptAt: Timestamp) {
            self.report = report
            self.file = file
            self.attempt = attempt
            self.error = error
            self.nextAttemptAt = nextAttemptAt
        }

        public static let annotatedText = [
            "error": "the system's report of the failed write (the path and the errno's message), never what a person wrote",
        ]
    }
}
