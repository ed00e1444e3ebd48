import BeredskapCore
import BeredskapSQLite
import Synchronization

/// What the server shares: the parts of the world it uses (the store, the writer, the event
/// bus, the clock, the engines and the action cards), what belongs to the server (metrics, who
/// is calling, the facility snapshots, the exercise runs) and the current (reloadable) settings. Each feature's
/// routes are built from the parts they need (`Features`); no route reaches into this.
public final class DaemonServices: Sendable {
    /// Settings that SIGHUP may replace while running.
    public typealias Settings = CurrentSettings.Values

    public let readPool: ReadPool
    public let reads: StoreReads
    public let writer: Writer
    public let bus: EventBus
    public let clock: any WallClock
    public let scheduler: Scheduler
    public let surge: SurgeMonitor
    public let deadlines: DeadlineEngine
    public let alerts: AlertEngine
    public let notifier: Notifier
    public let playbooks: PlaybookLibrary
    public let runs: PlaybookEngine
    public let metrics: Metrics
    public let identityResolver: any IdentityResolver
    public let facilitySnapshots: FacilitySnapshots
    /// The exercises running beside the live world, each on a copy of its state: started by
    /// the exercise routes, stopped with the daemon (`RunningDaemon`).
    let exercises: ExerciseRuns
    public let settings: CurrentSettings
    /// Monotonic nanoseconds at start, for `uptime_s`.
    public let startedAtNanoseconds: UInt64
    private let connectionCounter = Mutex<(@Sendable () -> Int)?>(nil)

    /// The parts of `world` handlers use, beside the server's own.
    public init(
        world: World, metrics: Metrics, identityResolver: any IdentityResolver, settings: Settings, startedAtNanoseconds: UInt64
    ) {
        readPool = world.readPool
        reads = StoreReads(pool: world.readPool)
        writer = world.writer
        bus = world.bus
        clock = world.clock
        scheduler = world.scheduler
        surge = world.surge
        deadlines = world.deadlines
        alerts = world.alerts
        notifier = world.notifier
        playbooks = world.playbooks
        runs = world.runs
        facilitySnapshots = FacilitySnapshots(bus: world.bus, reads: reads)
        exercises = ExerciseRuns(live: world, livePath: world.databasePath)
        self.metrics = metrics
        self.identityResolver = identityResolver
        self.settings = CurrentSettings(settings)
        self.startedAtNanoseconds = startedAtNanoseconds
    }

    public var currentSettings: Settings { settings.current }
    public var configuration: DaemonConfiguration { settings.configuration }
    public var policy: AccessPolicy { settings.policy }
    public var calendar: LocalCalendar { settings.calendar }
    /// The configured zone's name, read without copying the whole settings (every response has it).
    public var timeZoneIdentifier: String { settings.timeZoneIdentifier }

    public func replaceSettings(_ new: Settings) { settings.replace(with: new) }

    /// Open connections, once the server exists.
    public var openConnections: Int { connectionCounter.withLock { $0?() } ?? 0 }

    public func countConnections(with counter: @escaping @Sendable () -> Int) {
        connectionCounter.withLock { $0 = counter }
    }

    /// Seconds since the daemon started.
    public var uptime: Double { Double(monotonicNanosecondsNow() &- startedAtNanoseconds) / 1e9 }
}
