import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapSQLite
import Foundation

/// Everything `beredskapd` can be told, one nested section per component, each with defaults:
/// the daemon's own sections here, each feature's declared in its folder and registered with
/// the feature (`Feature.configuration`), which is how they are read and reloaded.
///
/// Why every field has a default: an operator's file only says what differs from the
/// embedded `Config/beredskap.json5`, and a newer daemon reading an older file keeps working.
/// Unknown keys are errors, so a typo never silently leaves a default in force.
public struct DaemonConfiguration: Sendable, Equatable {
    public struct State: Sendable, Equatable {
        public var directory = ".beredskap"
    }

    public struct Socket: Sendable, Equatable {
        /// nil: `<state.directory>/beredskap.sock`.
        public var path: String?
        public var mode: UInt32 = 0o660
        /// Group name or numeric gid; nil keeps the daemon's primary group.
        public var group: String?
    }

    public struct HTTP: Sendable, Equatable {
        public var maxRequestLineBytes = 8192
        public var maxHeaderLineBytes = 8192
        public var maxHeaderBytes = 65536
        public var maxHeaderCount = 100
        public var maxBodyBytes = 1_048_576
        public var maxConnections = 256
        public var requestTimeout = FixedDuration.seconds(10)
        public var idleTimeout = FixedDuration.seconds(60)
        public var writeTimeout = FixedDuration.seconds(60)
        /// 0: one per CPU core.
        public var eventLoops = 0
        /// Threads for reads that can be slow (`ReadWorkers`), apart from the event loops.
        public var readWorkers = ReadWorkers.defaultCount
    }

    public struct Store: Sendable, Equatable {
        public var busyTimeout = FixedDuration.seconds(5)
        public var idempotencyRetention = FixedDuration.seconds(48 * 3600)
    }

    public struct Events: Sendable, Equatable {
        public var heartbeatInterval = FixedDuration.seconds(15)
    }

    public struct Shutdown: Sendable, Equatable {
        public var gracePeriod = FixedDuration.seconds(10)
    }

    public struct Role: Sendable, Equatable {
        public var permissions: [Permission] = []
        /// User names or numeric uids.
        public var users: [String] = []
        /// Group names or numeric gids.
        public var groups: [String] = []
    }

    public struct Access: Sendable, Equatable {
        public var roles: [String: Role] = [:]
    }

    public var state = State()
    public var socket = Socket()
    public var timeZone = LocalCalendar.defaultZoneIdentifier
    public var http = HTTP()
    public var store = Store()
    public var events = Events()
    public var shutdown = Shutdown()
    public var access = Access()
    // The features' sections (`Features.configurationSections`).
    public var capacity = Capacity()
    public var surge = Surge()
    public var alerts = Alerts()
    public var notifications = Notifications()
    public var playbooks = Playbooks()
    public var housing = Housing()
    public var privacy = Privacy()
    public var deadlines = Deadlines()
    public var minors = Minors()
    public var grants = Grants()
    public var intro = Intro()
    public var reports = Reports()

    public init() {}

    /// The socket path, resolved against the state directory when not set.
    public var socketPath: String {
        socket.path ?? (state.directory as NSString).appendingPathComponent("beredskap.sock")
    }

    public var serverConfiguration: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.limits = HTTPLimits(
            maxRequestLineBytes: http.maxRequestLineBytes, maxHeaderLineBytes: http.maxHeaderLineBytes,
            maxHeaderBytes: http.maxHeaderBytes, maxHeaderCount: http.maxHeaderCount, maxBodyBytes: http.maxBodyBytes)
        server.maxConnections = http.maxConnections
        server.requestTimeout = http.requestTimeout.seconds
        server.idleTimeout = http.idleTimeout.seconds
        server.writeTimeout = http.writeTimeout.seconds
        if http.eventLoops > 0 { server.eventLoops = http.eventLoops }
        return server
    }

    public var writerConfiguration: Writer.Configuration {
        var writer = Writer.Configuration()
        writer.idempotencyRetention = store.idempotencyRetention
        return writer
    }
}
