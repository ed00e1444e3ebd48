import BeredskapCore

/// `GET /v1/health`.
public struct HealthResponse: Sendable, Codable, Equatable {
    public var status: String

    public init(status: String) { self.status = status }
}

/// `GET /v1`.
public struct VersionResponse: Sendable, Codable, Equatable {
    public var apiVersion: Int
    public var serverVersion: String
    public var extensions: [String]
    /// The zone days, weeks and times for people are computed in (`Europe/Oslo`).
    public var timeZone: String

    public init(apiVersion: Int, serverVersion: String, extensions: [String], timeZone: String) {
        self.apiVersion = apiVersion
        self.serverVersion = serverVersion
        self.extensions = extensions
        self.timeZone = timeZone
    }
}

/// `GET /v1/status`: the one-screen overview. Later capabilities fill the zeros.
public struct StatusResponse: Sendable, Codable, Equatable {
    /// The city's totals as `GET /v1/capacity` counts them (`CapacityFigures`); utilization is
    /// 0 rather than null when nothing is available.
    public struct Capacity: Sendable, Codable, Equatable {
        public var capacity: Int
        public var blocked: Int
        public var available: Int
        public var occupied: Int
        public var free: Int
        public var overCapacity: Int
        public var utilization: Double
        public var standbyCapacity: Int

        public init(
            capacity: Int = 0, blocked: Int = 0, available: Int = 0, occupied: Int = 0, free: Int = 0, overCapacity: Int = 0,
            utilization: Double = 0, standbyCapacity: Int = 0
        ) {
            self.capacity = capacity
            self.blocked = blocked
            self.available = available
            self.occupied = occupied
            self.free = free
            self.overCapacity = overCapacity
            self.utilization = utilization
            self.standbyCapacity = standbyCapacity
        }
    }

    public struct Alerts: Sendable, Codable, Equatable {
        public var firing: Int
        public var pending: Int
        public var unacknowledged: Int

        public init(firing: Int = 0, pending: Int = 0, unacknowledged: Int = 0) {
            self.firing = firing
            self.pending = pending
            self.unacknowledged = unacknowledged
        }
    }

    public struct Notifications: Sendable, Codable, Equatable {
        public var pending: Int
        public var dead: Int

        public init(pending: Int = 0, dead: Int = 0) {
            self.pending = pending
            self.dead = dead
        }
    }

    public var surgeLevel: String
    public var capacity: Capacity
    public var alerts: Alerts
    public var runsActive: Int
    public var notifications: Notifications
    public var deadlinesOverdue: Int
    public var lastEventSeq: Int64
    public var uptimeS: Int64
    public var serverVersion: String

    public init(
        surgeLevel: String = "normal", capacity: Capacity = Capacity(), alerts: Alerts = Alerts(), runsActive: Int = 0,
        notifications: Notifications = Notifications(), deadlinesOverdue: Int = 0, lastEventSeq: Int64, uptimeS: Int64,
        serverVersion: String = APIContract.serverVersion
    ) {
        self.surgeLevel = surgeLevel
        self.capacity = capacity
        self.alerts = alerts
        self.runsActive = runsActive
        self.notifications = notifications
        self.deadlinesOverdue = deadlinesOverdue
        self.lastEventSeq = lastEventSeq
        self.uptimeS = uptimeS
        self.serverVersion = serverVersion
    }
}

/// `POST /v1/backup`.
public struct BackupRequest: Sendable, Codable, Equatable {
    /// An absolute path on the daemon's host, in a directory the daemon may write; the file
    /// must not exist yet.
    public var path: String

    public init(path: String) { self.path = path }
}

/// A backup written, synced, checked (`PRAGMA integrity_check`) and renamed into place.
public struct BackupResult: Sendable, Codable, Equatable {
    public var path: String
    public var bytes: Int64
    public var integrity: String
    public var schemaVersion: Int
    /// The newest event in the backup: a restore from it has every event up to this one.
    public var lastEventSeq: Int64
    public var startedAt: Timestamp
    public var finishedAt: Timestamp
    /// The `service.backup_written` event recording it.
    public var eventSeq: Int64

    public init(
        path: String, bytes: Int64, integrity: String, schemaVersion: Int, lastEventSeq: Int64, startedAt: Timestamp,
        finishedAt: Timestamp, eventSeq: Int64
    ) {
        self.path = path
        self.bytes = bytes
        self.integrity = integrity
        self.schemaVersion = schemaVersion
        self.lastEventSeq = lastEventSeq
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.eventSeq = eventSeq
    }
}
