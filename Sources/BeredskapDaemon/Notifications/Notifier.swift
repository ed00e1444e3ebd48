import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Synchronization

/// Delivers the outbox: every pending row whose attempt is due goes to its channel; the
/// result is written back through the writer (delivered, retried later, or dead).
///
/// Why this shape: rows are written in the same transaction as the alert transition that
/// causes them, so the notifier only has to find due rows — after a commit that queued some
/// (`notification.queued`), when a retry comes due (the scheduler), and at start. Each row is
/// delivered to its one channel, so a failing channel is retried alone and never causes
/// re-sends on the others; every attempt of a row carries the row's idempotency key. A crash
/// between delivery and recording it means one more delivery with the same key (at least
/// once), never none.
///
/// In an exercise's world only the channels marked `exercise: true` deliver (`onlyChannels`):
/// the rows for the others are written as for real — the record of who would have been told,
/// and when — and stay pending, never attempted, and go with the copy.
public final class Notifier: Sendable, Engine {
    private struct State {
        var channels: [String: any NotificationChannel]
        var retry: RetryPolicy
        /// Rows handed to a channel and not yet recorded.
        var inFlight: Set<Int64> = []
        /// Attempts recorded lately (row → its attempt count afterwards, and when): a look at
        /// the outbox that began before such a record committed still shows the row as due,
        /// and must not deliver it again.
        var recorded: [Int64: (attempts: Int, at: UInt64)] = [:]
        var stopped = false
    }

    /// Rows taken per look; more are taken as these finish.
    static let batchLimit = 200
    static let scheduleKey = "notifier"
    /// How long a recorded attempt is remembered against stale looks (a look takes far less).
    static let staleReadMargin: UInt64 = 60_000_000_000

    private let state: Mutex<State>
    private let clock: any WallClock
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let stateDirectory: String
    /// The channels this notifier delivers to; nil: every channel (the live world).
    private let onlyChannels: Set<String>?
    private let commands = EngineWriter()
    private let queue = DispatchQueue(label: "beredskap-notifier")

    public init(
        configuration: DaemonConfiguration.Notifications, stateDirectory: String, clock: any WallClock, scheduler: Scheduler,
        readPool: ReadPool, onlyChannels: Set<String>? = nil
    ) {
        self.clock = clock
        self.onlyChannels = onlyChannels
        self.scheduler = scheduler
        self.readPool = readPool
        self.stateDirectory = stateDirectory
        state = Mutex(State(channels: Self.channels(configuration, stateDirectory: stateDirectory), retry: configuration.retry))
    }

    static func channels(_ configuration: DaemonConfiguration.Notifications, stateDirectory: String) -> [String: any NotificationChannel] {
        Dictionary(uniqueKeysWithValues: configuration.channels.map { name, channel in
            (name, ChannelFactory.make(name: name, channel, stateDirectory: stateDirectory))
        })
    }

    public func start() {
        wake()
    }

    public func attach(writer: Writer) {
        commands.attach(writer)
    }

    /// New channels and retry policy when the notification settings changed (on reload).
    func reconfigure(_ change: Reconfiguration) {
        guard change.changed(\.notifications) else { return }
        let configuration = change.new.notifications
        let channels = Self.channels(configuration, stateDirectory: stateDirectory)
        state.withLock { state in
            state.channels = channels
            state.retry = configuration.retry
        }
        wake()
    }

    public func stop() { state.withLock { $0.stopped = true } }

    /// A channel by name (for `POST /v1/notifications/test`).
    func channel(named name: String) -> (any NotificationChannel)? { state.withLock { $0.channels[name] } }

    /// Called on the writer thread after each commit.
    public func observe(_ events: [Event]) {
        if events.contains(where: { $0.is(NotificationEvents.queued) || $0.is(NotificationEvents.requeued) }) {
            wake()
        }
    }

    /// Looks for due rows off the writer and loop threads.
    func wake() {
        queue.async { [self] in deliverDue() }
    }

    private func deliverDue() {
        guard !state.withLock({ $0.stopped }) else { return }
        let now = clock.now()
        let (due, next): ([OutboxNotification], Timestamp?)
        do {
            (due, next) = try readPool.read { connection in
                (
                    try connection.dueNotifications(at: now, limit: Self.batchLimit, channels: onlyChannels),
                    try connection.nextNotificationAttempt(channels: onlyChannels)
                )
            }
        } catch {
            DaemonLog.error("notifier: could not read the outbox: \(error)")
            scheduler.retry(Self.scheduleKey) { [weak self] in self?.wake() }
            return
        }
        let started = monotonicNanosecondsNow()
        for row in due {
            let (taken, channel) = state.withLock { state -> (Bool, (any NotificationChannel)?) in
                if let recorded = state.recorded[row.id], recorded.attempts > row.attempts { return (false, nil) }
                return (state.inFlight.insert(row.id).inserted, state.channels[row.channel])
            }
            guard taken else { continue }  // already with its channel
            guard let channel else {
                record(row, .failed("no channel named \(row.channel) is configured"))
                continue
            }
            let delivery = Delivery(
                notificationID: row.id, idempotencyKey: row.idempotencyKey, channel: row.channel, document: row.document,
                subject: row.subjectLine, text: row.body)
            channel.deliver(delivery) { [self] result in record(row, result) }
        }
        // Records older than this look cannot make it stale any more.
        state.withLock { state in state.recorded = state.recorded.filter { $0.value.at + Self.staleReadMargin > started } }
        // Rows not yet due (retries) wake the notifier when they are.
        if let next, next > now {
            scheduler.schedule(Self.scheduleKey, at: next) { [weak self] in self?.wake() }
        }
    }

    /// Writes an attempt's result: delivered, the next attempt, or dead.
    private func record(_ row: OutboxNotification, _ result: DeliveryResult) {
        let retry = state.withLock { $0.retry }
        let submitted = commands.submit({ transaction in
            let now = transaction.now
            let subject = "notification/\(row.id)"
            let attempt = row.attempts + 1
            switch result {
            case .delivered:
                try transaction.recordAttempt(notification: row.id, delivered: true, error: nil, nextAttempt: nil, attemptedAt: now)
                try transaction.appendSystemEvent(
                    NotificationEvents.delivered,
                    NotificationEvents.Delivered(
                        alert: row.alertID, run: row.runID, channel: row.channel, group: row.group, attempt: attempt),
                    subject: subject)
            case .failed(let message), .throttled(let message, _):
                let next = retry.nextAttempt(
                    after: row.attempts + 1, firstAttemptAt: row.firstAttemptAt ?? now, lastAttemptAt: now,
                    seed: RetryPolicy.seed(for: row.idempotencyKey), retryAfter: result.retryAfter)
                try transaction.recordAttempt(notification: row.id, delivered: false, error: message, nextAttempt: next, attemptedAt: now)
                try transaction.appendSystemEvent(
                    next == nil ? NotificationEvents.dead : NotificationEvents.failed,
                    NotificationEvents.AttemptFailed(
                        alert: row.alertID, run: row.runID, channel: row.channel, group: row.group, attempt: attempt,
                        error: message, nextAttemptAt: next),
                    subject: subject)
            }
        }) { [self] outcome in
            state.withLock { state in
                state.inFlight.remove(row.id)
                if case .committed = outcome { state.recorded[row.id] = (row.attempts + 1, monotonicNanosecondsNow()) }
            }
            wake()
        }
        // Without a writer the attempt is not recorded: the row stays due, for the next look.
        if !submitted { _ = state.withLock { $0.inFlight.remove(row.id) } }
    }
}
