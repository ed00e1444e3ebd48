import BeredskapSQLite
import BeredskapCore
import BeredskapStore

/// One state of the preparedness office, running: the store, its writer and read pool, the
/// event bus, the scheduler and every engine (surge, deadlines, alerts, playbook runs,
/// notifications, the retention purge),
/// wired together. No socket: the daemon serves a world, tests open one in process, and
/// exercise mode will open a second one on a copy of the state under a simulated clock.
///
/// Why one type: every world must be wired the same way — the writer attached to every
/// engine before the first commit, each commit observed by the bus and then the engines in
/// one order, engines started and stopped in one order — and two worlds open at once must
/// share nothing: each has its own database file, writer, clock, scheduler and engines.
public final class World: Sendable {
    /// How the scheduler's timers fire.
    public enum Timers: Sendable {
        /// A thread sleeps until the earliest (the daemon).
        case thread
        /// Only when `scheduler.fire(until:)` or `fireDue()` is called (tests, simulated time).
        case manual
    }

    public let clock: any WallClock
    public let scheduler: Scheduler
    public let writer: Writer
    public let readPool: ReadPool
    public let bus: EventBus
    public let surge: SurgeMonitor
    public let deadlines: DeadlineEngine
    public let alerts: AlertEngine
    public let runs: PlaybookEngine
    public let notifier: Notifier
    public let playbooks: PlaybookLibrary
    /// The database file (an exercise copies it).
    public let databasePath: String
    /// The store's integrity check, possibly still running: `waitForIntegrityCheck()` before
    /// anything read from the file is served.
    private let integrityCheck: IntegrityCheck
    /// In the order they observe commits and start.
    private let engines: [any Engine]

    /// Opens the database (creating and migrating it if needed), loads the action cards and
    /// assembles the engines. Nothing runs until `start()`, except the writer.
    /// - Parameters:
    ///   - store: the database file; nil for `state.db` in the configured state directory.
    ///   - exercise: an exercise's world: everything its writer commits is marked exercise, and
    ///     its notifier delivers only to the channels marked for exercises.
    public init(
        configuration: DaemonConfiguration, calendar: LocalCalendar, clock: any WallClock,
        store: Database.Configuration? = nil, timers: Timers = .thread, exercise: Bool = false
    ) throws(StartupError) {
        var databaseConfiguration = store ?? Database.Configuration(directory: configuration.state.directory)
        if store == nil {
            databaseConfiguration.busyTimeoutMilliseconds = Int32(clamping: configuration.store.busyTimeout.milliseconds)
        }
        let database = Database(configuration: databaseConfiguration)
        let scheduler = Scheduler(clock: clock, runsThread: timers == .thread)
        let readPool = ReadPool(database: database)
        let opened: (connection: SQLiteConnection, lastSeq: Int64, surge: SurgeMonitor, playbooks: PlaybookLibrary, check: IntegrityCheck)
        do {
            opened = try Self.open(database, configuration: configuration, clock: clock, scheduler: scheduler, readPool: readPool)
        } catch {
            scheduler.stop()
            throw error
        }
        let surge = opened.surge
        let deadlines = DeadlineEngine(
            configuration: configuration, calendar: calendar, clock: clock, scheduler: scheduler, readPool: readPool)
        let alerts = AlertEngine(configuration: configuration, calendar: calendar, scheduler: scheduler, readPool: readPool)
        let runs = PlaybookEngine(configuration: configuration, calendar: calendar, scheduler: scheduler, library: opened.playbooks)
        let notifier = Notifier(
            configuration: configuration.notifications, stateDirectory: configuration.state.directory, clock: clock,
            scheduler: scheduler, readPool: readPool,
            onlyChannels: exercise ? configuration.notifications.exerciseChannels : nil)
        let retention = RetentionPurge(configuration: configuration.privacy, calendar: calendar, clock: clock, scheduler: scheduler)
        // An exercise's copy is not the office's store: only the live world raises the alarm.
        let storageAlarm = exercise
            ? nil : StorageAlarm(notifications: configuration.notifications, clock: clock) { notifier.channel(named: $0) }
        // The live world makes the scheduled reports; an exercise's copy is not reported on.
        let reports = exercise
            ? nil
            : ScheduledReports(
                configuration: configuration, calendar: calendar, clock: clock, scheduler: scheduler, readPool: readPool,
                surgeLevel: { surge.snapshot().state.level },
                collect: ScheduledReports.sitrep(surge: surge, deadlines: deadlines, playbooks: opened.playbooks))
        // The deadline engine before the alert engine, which reads the counts it commits.
        let engines: [any Engine] = [surge, deadlines, alerts, runs, notifier, retention] + ([storageAlarm, reports] as [(any Engine)?]).compactMap { $0 }
        let bus = EventBus(lastSeq: opened.lastSeq)
        var writerConfiguration = configuration.writerConfiguration
        writerConfiguration.exercise = exercise
        let writer = Writer(
            connection: opened.connection, clock: clock, configuration: writerConfiguration,
            onCommit: { events in
                bus.publish(events)
                for engine in engines { engine.observe(events) }
            },
            onStoreHealth: { storageAlarm?.observe(storeFailure: $0) })
        // Before anything can commit: an engine that observed a commit before it had a writer
        // would drop the work it queues.
        for engine in engines { engine.attach(writer: writer) }
        self.writer = writer
        self.clock = clock
        self.scheduler = scheduler
        self.readPool = readPool
        self.bus = bus
        self.surge = surge
        self.deadlines = deadlines
        self.alerts = alerts
        self.runs = runs
        self.notifier = notifier
        self.engines = engines
        playbooks = opened.playbooks
        integrityCheck = opened.check
        databasePath = databaseConfiguration.path
    }

    /// Starts the engines, in order: each rebuilds its timers and looks once at everything.
    public func start() {
        for engine in engines { engine.start() }
    }

    /// Waits for the store's integrity check (which ran beside the engines' start); a damaged
    /// file stops the start here, before the first request.
    public func waitForIntegrityCheck() throws(StartupError) {
        do {
            try integrityCheck.wait()
        } catch {
            throw StartupError("\(error)")
        }
    }

    /// Applies reloaded settings to every engine (each looks at the sections it reads).
    /// - Parameters:
    ///   - old: the settings that ran until now; `new`: those that apply from now.
    public func reconfigure(from old: DaemonConfiguration, to new: DaemonConfiguration, calendar: LocalCalendar) {
        let change = Reconfiguration(old: old, new: new, calendar: calendar)
        for engine in engines { engine.reconfigure(change) }
    }

    /// Reads the action cards again; an invalid set is refused and the running set stays.
    func reloadPlaybooks(_ configuration: DaemonConfiguration) -> Result<PlaybookSet, PlaybookSetFailure> {
        let facilities = (try? readPool.read { connection in Set(try connection.facilities().map(\.id)) }) ?? nil
        let loaded = PlaybookLibrary.load(configuration, facilities: facilities)
        if case .success(let set) = loaded {
            playbooks.replace(with: set)
            Self.warnIfEmpty(set, configuration)
        }
        return loaded
    }

    /// Stops the engines' own work and the timers. The writer still takes commands (a last
    /// event, what the engines had queued) until `close()`.
    public func stop() {
        for engine in engines.reversed() { engine.stop() }
        scheduler.stop()
    }

    /// Closes the store: readers first, since the writer, closing last, checkpoints and
    /// removes the WAL, which a read-only connection cannot do.
    public func close() {
        readPool.drain()
        writer.close()
    }

    // MARK: - Opening

    /// The write connection, the newest seq, the surge window, the action cards and the
    /// integrity check (running beside the rest of the start when nothing was migrated).
    private static func open(
        _ database: Database, configuration: DaemonConfiguration, clock: any WallClock, scheduler: Scheduler, readPool: ReadPool
    ) throws(StartupError) -> (SQLiteConnection, Int64, SurgeMonitor, PlaybookLibrary, IntegrityCheck) {
        let connection: SQLiteConnection, check: IntegrityCheck
        do {
            (connection, check) = try database.openForWriting(
                migrator: Migrator(), now: clock.now().millisecondsSinceEpoch, checkingBeside: true)
        } catch {
            throw StartupError("\(error)")
        }
        do {
            let surge = try SurgeMonitor(
                configuration: configuration.surge, language: configuration.notifications.language, connection: connection,
                clock: clock, scheduler: scheduler, readPool: readPool)
            // An invalid set of action cards stops the start, as an invalid configuration does:
            // running without them unnoticed during a surge would be worse.
            let facilities = Set(try connection.facilities().map(\.id))
            switch PlaybookLibrary.load(configuration, facilities: facilities) {
            case .success(let set):
                warnIfEmpty(set, configuration)
                return (connection, try connection.lastEventSeq(), surge, PlaybookLibrary(set), check)
            case .failure(let failure):
                throw StartupError("the playbooks in \(configuration.playbooks.directory) are invalid:\n\(failure)")
            }
        } catch let error as StartupError {
            throw error
        } catch {
            // A damaged file can fail these first reads before the check beside them says why.
            do { try check.wait() } catch { throw StartupError("\(error)") }
            throw StartupError("\(error)")
        }
    }

    private static func warnIfEmpty(_ set: PlaybookSet, _ configuration: DaemonConfiguration) {
        if let warning = PlaybookLibrary.emptyWarning(set, directory: configuration.playbooks.directory) {
            DaemonLog.warning(warning.en)
        }
    }
}
