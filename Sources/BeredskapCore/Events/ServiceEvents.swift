import BeredskapJSON

/// The daemon's own events (subject `daemon`): starting, stopping, configuration reloads.
public enum ServiceEvents {
    public static let started = EventType<Started>(.daemon, "started")
    public static let stopped = EventType<Stopped>(.daemon, "stopped")
    public static let configReloaded = EventType<ConfigReloaded>(.config, "reloaded")
    /// A reload (SIGHUP) was refused; the running configuration stays.
    public static let configReloadFailed = EventType<ConfigReloadFailed>(.config, "reload_failed")

    /// An administrator's online backup was written and verified (`POST /v1/backup`).
    public static let backupWritten = EventType<BackupWritten>(.daemon, "backup_written")

    /// The store takes writes again after it could not (a full disk): written as the first
    /// thing once it can, since nothing could be written while it lasted.
    public static let storageRestored = EventType<StorageRestored>(.daemon, "storage_restored")

    public static let all: [EventKind] = [
        started.kind, stopped.kind, configReloaded.kind, configReloadFailed.kind, backupWritten.kind, storageRestored.kind,
    ]

    public struct StorageRestored: EventPayload, Equatable {
        /// The first write that failed.
        public var since: Timestamp
        /// Batches of writes refused while it lasted.
        public var failedBatches: Int

        public init(since: Timestamp, failedBatches: Int) {
            self.since = since
            self.failedBatches = failedBatches
        }
    }

    public struct Started: EventPayload, Equatable {
        public var version: String
        public var pid: Int64
        /// The configuration file, or the embedded default's name.
        public var configuration: String
        public var socket: String
        public var socketActivated: Bool

        public init(version: String, pid: Int64, configuration: String, socket: String, socketActivated: Bool) {
            self.version = version
            self.pid = pid
            self.configuration = configuration
            self.socket = socket
            self.socketActivated = socketActivated
        }

        public static let identifiers: Set<String> = ["version"]
        public static let annotatedText = [
            "configuration": "the path of the daemon's configuration file",
            "socket": "the path of the daemon's socket",
        ]
    }

    public struct BackupWritten: EventPayload, Equatable {
        public var path: String
        public var bytes: Int64
        /// The newest event the backup holds.
        public var lastSeq: Int64

        public init(path: String, bytes: Int64, lastSeq: Int64) {
            self.path = path
            self.bytes = bytes
            self.lastSeq = lastSeq
        }

        public static let annotatedText = ["path": "the path of the backup file on the daemon's host"]
    }

    public struct Stopped: EventPayload, Equatable {
        public var pid: Int64

        public init(pid: Int64) { self.pid = pid }
    }

    /// The sections applied now and those that need a restart.
    public struct ConfigReloaded: EventPayload, Equatable {
        public var applied: [String]
        public var restartRequired: [String]

        public init(applied: [String], restartRequired: [String]) {
            self.applied = applied
            self.restartRequired = restartRequired
        }

        public static let identifiers: Set<String> = ["applied", "restart_required"]
    }

    public struct ConfigReloadFailed: EventPayload, Equatable {
        public var error: String

        public init(error: String) { self.error = error }

        public static let annotatedText = [
            "error": "the loader's message about the configuration file (file, field path, what was expected)",
        ]
    }
}
