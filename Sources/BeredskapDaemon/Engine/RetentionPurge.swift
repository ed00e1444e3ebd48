import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Synchronization

/// The retention purge (`privacy.retention_years`): erases the persons whose last activity is
/// older than the retention, every night at `runsAt` and once at start, as an administrator's
/// erasure would — `person.erased` with `retention: true`, the personal fields gone, the WAL
/// checkpointed after the commit — so the counts per district, year and rule stay right.
///
/// Why an engine: it runs on the world's clock and scheduler like the other engines (a timer,
/// no polling; simulated time in an exercise) and writes only through the writer. It erases in
/// batches of `batchSize` per transaction, so a first purge of many persons never holds the
/// writer long in front of API writes.
final class RetentionPurge: Engine {
    /// 03:30 in the daemon's time zone: after midnight's deadline changes, before the office opens.
    static let runsAt = 3 * 3600 + 30 * 60
    static let batchSize = 200
    static let scheduleKey = "privacy/retention"

    private struct Settings {
        var years: Int
        var calendar: LocalCalendar
    }

    private let settings: Mutex<Settings>
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let commands = EngineWriter()
    private let purge: CoalescedCommand<EngineWriter>

    init(configuration: DaemonConfiguration.Privacy, calendar: LocalCalendar, clock: any WallClock, scheduler: Scheduler) {
        settings = Mutex(Settings(years: configuration.retentionYears, calendar: calendar))
        self.clock = clock
        self.scheduler = scheduler
        purge = CoalescedCommand(submitter: commands, scheduler: scheduler)
    }

    func attach(writer: Writer) { commands.attach(writer) }

    func start() { run() }

    func observe(_ events: [Event]) {}

    func reconfigure(_ change: Reconfiguration) {
        settings.withLock { $0 = Settings(years: change.new.privacy.retentionYears, calendar: change.calendar) }
        if change.changed(\.privacy) { run() }
    }

    func stop() { scheduler.cancel(Self.scheduleKey) }

    /// The first instant at `runsAt` after `now`.
    static func nextRun(after now: Timestamp, calendar: LocalCalendar) -> Timestamp {
        let today = calendar.wallClock(now).date
        let tonight = calendar.instant(today, secondsOfDay: runsAt)
        return tonight > now ? tonight : calendar.instant(today.adding(days: 1), secondsOfDay: runsAt)
    }

    /// The persons last active before this are purged; nil when the purge is off.
    static func cutoff(now: Timestamp, years: Int, calendar: LocalCalendar) -> Timestamp? {
        guard years > 0 else { return nil }
        let today = calendar.date(of: now)
        // 29 February, years back, may not exist: the 28th then.
        let then = CalendarDate(year: today.year - years, month: today.month, day: today.day)
            ?? CalendarDate(year: today.year - years, month: today.month, day: 28) ?? today
        return calendar.startOfDay(then)
    }

    private func run() {
        let (years, calendar) = settings.withLock { ($0.years, $0.calendar) }
        scheduler.schedule(Self.scheduleKey, at: Self.nextRun(after: clock.now(), calendar: calendar)) { [weak self] in self?.run() }
        guard years > 0 else { return }
        requestBatch()
    }

    private func requestBatch() {
        purge.request {
            let full = Mutex(false)
            return EngineCommand(
                name: Self.scheduleKey,
                body: { [self] transaction in
                    let (years, calendar) = settings.withLock { ($0.years, $0.calendar) }
                    guard let cutoff = Self.cutoff(now: transaction.now, years: years, calendar: calendar) else { return }
                    let persons = try transaction.connection.personsInactive(before: cutoff, limit: Self.batchSize)
                    for id in persons {
                        _ = try PrivacyRoutes.erase(
                            id, reason: "retention: no activity for \(years) years", retention: true, calendar: calendar, in: &transaction)
                    }
                    full.withLock { $0 = persons.count == Self.batchSize }
                },
                committed: { [self] in
                    if full.withLock({ $0 }) { requestBatch() }
                })
        }
    }
}
