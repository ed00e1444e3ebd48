import BeredskapCore
import BeredskapSQLite
import Synchronization

/// What request handlers share: the parts of the world they use (the store, the writer, the
/// event bus, the clock, the engines and the action cards), what belongs to the server
/// (metrics, who is calling, the facility snapshots) and the current (reloadable) settings.
public final class DaemonServices: Sendable {
    /// Settings that SIGHUP may replace while running.
    public struct Settings: Sendable {
        public var configuration: DaemonConfiguration
        public var policy: AccessPolicy
        public var calendar: LocalCalendar
    }

    public let readPool: ReadPool
    public let writer: Writer
    public let bus: EventBus
    public let clock: any WallClock
    public let scheduler: Scheduler
    public let surge: SurgeMonitor
    public let alerts: AlertEngine
    public let notifier: Notifier
    public let playbooks: PlaybookLibrary
    public let runs: PlaybookEngine
    public let metrics: Metrics
    public let identityResolver: any IdentityResolver
    public let facilitySnapshots = FacilitySnapshots()
    /// Monotonic nanoseconds at start, for `uptime_s`.
    public let startedAtNanoseconds: UInt64
    private let settings: Mutex<Settings>
    private let connectionCounter = Mutex<(@Sendable () -> Int)?>(nil)

    /// The parts of `world` handlers use, beside the server's own.
    public init(
        world: World, metrics: Metrics, identityResolver: any IdentityResolver, settings: Settings, startedAtNanoseconds: UInt64
    ) {
        readPool = world.readPool
        writer = world.writer
        bus = world.bus
        clock = world.clock
        scheduler = world.scheduler
        surge = world.surge
        alerts = world.alerts
        notifier = world.notifier
        playbooks = world.playbooks
        runs = world.runs
        self.metrics = metrics
        self.identityResolver = identityResolver
        self.settings = Mutex(settings)
        self.startedAtNanoseconds = startedAtNanoseconds
    }

    public var currentSettings: Settings { settings.withLock { $0 } }
    public var configuration: DaemonConfiguration { currentSettings.configuration }
    public var policy: AccessPolicy { currentSettings.policy }
    public var calendar: LocalCalendar { currentSettings.calendar }
    /// The configured zone's name, read without copying the whole settings (every response has it).
    public var timeZoneIdentifier: String { settings.withLock { $0.calendar.identifier } }

    public func replaceSettings(_ new: Settings) { settings.withLock { $0 = new } }

    /// Open connections, once the server exists.
    public var openConnections: Int { connectionCounter.withLock { $0?() } ?? 0 }

    public func countConnections(with counter: @escaping @Sendable () -> Int) {
        connectionCounter.withLock { $0 = counter }
    }

    /// A read on a pooled read-only connection; storage failures become 503s.
    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws(APIError) -> T {
        do {
            return try readPool.read(body)
        } catch let error as APIError {
            throw error
        } catch {
            throw .unavailable(
                Text("the store could not be read: \(error)", nb: "lageret kunne ikke leses: \(error)"))
        }
    }
}
