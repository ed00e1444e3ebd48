import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import Synchronization

/// Tells the preparedness office when the store cannot take writes (a full disk, a file-size
/// limit, an I/O error), and when it can again.
///
/// Why not an alert: an alert is a row in the store and its notifications are rows in the
/// outbox, and a store that cannot be written holds neither. So the alarm goes from memory
/// straight to the channels that do not write to the disk — webhook, exec, sendmail; not
/// `file` channels — of the groups a critical alert about the daemon is routed to: at the
/// first refused write, again every `reminderInterval` while it lasts, and once more when
/// writes succeed again. Then `daemon.storage_restored` is written, so that the event log
/// holds the episode. It is best effort — an alarm that fails is not retried, there is nowhere
/// to keep a retry — and the daemon log (journald) says it too.
final class StorageAlarm: Engine {
    private struct State {
        var notifications: DaemonConfiguration.Notifications
        /// The first refused write of the episode under way.
        var since: Timestamp?
        var failedBatches = 0
        var lastAlarm: Timestamp?
    }

    /// While the store stays unwritable, the alarm is repeated this often.
    static let reminderInterval = FixedDuration.seconds(15 * 60)
    /// The alert identity the alarm is routed as (`notifications.routing.routes`).
    static let key = AlertKey(rule: "storage_unavailable", subject: "daemon")

    private let state: Mutex<State>
    private let clock: any WallClock
    private let channel: @Sendable (String) -> (any NotificationChannel)?
    private let commands = EngineWriter()

    /// - Parameter channel: the configured channel of a name (the notifier's).
    init(
        notifications: DaemonConfiguration.Notifications, clock: any WallClock,
        channel: @escaping @Sendable (String) -> (any NotificationChannel)?
    ) {
        state = Mutex(State(notifications: notifications))
        self.clock = clock
        self.channel = channel
    }

    func attach(writer: Writer) { commands.attach(writer) }
    func start() {}
    func observe(_ events: [Event]) {}

    func reconfigure(_ change: Reconfiguration) {
        guard change.changed(\.notifications) else { return }
        state.withLock { $0.notifications = change.new.notifications }
    }

    /// After each batch of the writer (on its thread): the store failure that failed it, or nil.
    func observe(storeFailure failure: SQLiteError?) {
        let now = clock.now()
        enum Step { case none, alarm(since: Timestamp, reminder: Bool), restored(since: Timestamp, failedBatches: Int) }
        let (step, notifications) = state.withLock { state -> (Step, DaemonConfiguration.Notifications) in
            guard failure != nil else {
                guard let since = state.since else { return (.none, state.notifications) }
                defer { state = State(notifications: state.notifications) }
                return (.restored(since: since, failedBatches: state.failedBatches), state.notifications)
            }
            state.failedBatches += 1
            guard let since = state.since else {
                state.since = now
                state.lastAlarm = now
                return (.alarm(since: now, reminder: false), state.notifications)
            }
            guard let last = state.lastAlarm, now.milliseconds(since: last) >= Self.reminderInterval.milliseconds else {
                return (.none, state.notifications)
            }
            state.lastAlarm = now
            return (.alarm(since: since, reminder: true), state.notifications)
        }
        switch step {
        case .none:
            return
        case .alarm(let since, let reminder):
            let reason = (failure?.kind == .full) ? Self.fullReason : Self.ioReason
            DaemonLog.error("the store cannot take writes (\(failure.map { "\($0)" } ?? "")); every write is refused with 503 until it can")
            send(Self.alarm(since: since, reason: reason, reminder: reminder, at: now, language: notifications.language), notifications)
        case .restored(let since, let failedBatches):
            DaemonLog.info("the store takes writes again (refused since \(since.rfc3339), \(failedBatches) batches)")
            send(Self.restored(since: since, failedBatches: failedBatches, at: now, language: notifications.language), notifications)
            _ = commands.submit({ transaction in
                try transaction.appendSystemEvent(
                    ServiceEvents.storageRestored, ServiceEvents.StorageRestored(since: since, failedBatches: failedBatches),
                    subject: "daemon")
            }) { outcome in
                if case .committed = outcome { return }
                DaemonLog.error("could not record that the store takes writes again: \(outcome)")
            }
        }
    }

    /// The channels the alarm goes to: those of the groups a critical alert about the daemon
    /// reaches, less the ones that write to the disk or hear only about drills.
    static func channels(_ notifications: DaemonConfiguration.Notifications) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for group in notifications.routing.recipients(for: key, severity: .critical, district: nil) {
            for name in notifications.routing.channels(for: group) where seen.insert(name).inserted {
                guard let configured = notifications.channels[name], configured.kind != .file, !configured.exercise else { continue }
                result.append(name)
            }
        }
        return result
    }

    private func send(_ message: Message, _ notifications: DaemonConfiguration.Notifications) {
        for name in Self.channels(notifications) {
            guard let channel = channel(name) else { continue }
            let delivery = Delivery(
                notificationID: 0, idempotencyKey: message.key + "-" + name, channel: name, document: message.document,
                subject: message.subject, text: message.text)
            channel.deliver(delivery) { result in
                if result != .delivered { DaemonLog.error("the storage alarm could not be sent through \(name): \(result)") }
            }
        }
    }

    struct Message: Equatable {
        var key: String
        var subject: String
        var text: String
        var document: JSONValue
    }

    static let fullReason = Text(
        "the disk is full or refuses writes (a file-size limit, a quota)", nb: "disken er full eller avviser skriving (en grense for filstørrelse, en kvote)")
    static let ioReason = Text("the disk gives I/O errors", nb: "disken gir I/O-feil")

    static func alarm(since: Timestamp, reason: Text, reminder: Bool, at now: Timestamp, language: Language) -> Message {
        let subject = Text("Critical: beredskap cannot save anything", nb: "Kritisk: beredskap kan ikke lagre noe")
        let text = Text(
            "Since \(since.rfc3339) the store refuses every write: \(reason.en). Reports, alerts and playbook steps are refused with 503 and not saved until there is room again; reads work. Free space on the state directory's disk.",
            nb: "Siden \(since.rfc3339) avviser lageret all skriving: \(reason.nb). Meldinger, varsler og tiltakskort avvises med 503 og lagres ikke før det er plass igjen; lesing virker. Frigjør plass på disken til tilstandskatalogen.")
        return Message(
            key: "storage-unavailable-\(since.millisecondsSinceEpoch)-\(now.millisecondsSinceEpoch)",
            subject: subject(language), text: text(language),
            document: [
                "kind": "storage_unavailable", "severity": "critical", "since": .string(since.rfc3339), "reminder": .bool(reminder),
                "at": .string(now.rfc3339), "text": .string(text(language)),
            ])
    }

    static func restored(since: Timestamp, failedBatches: Int, at now: Timestamp, language: Language) -> Message {
        let subject = Text("Resolved: beredskap saves again", nb: "Løst: beredskap lagrer igjen")
        let text = Text(
            "The store takes writes again at \(now.rfc3339) (refused since \(since.rfc3339), \(failedBatches) batches of writes). Reports refused meanwhile were not saved: send them again.",
            nb: "Lageret tar imot skriving igjen \(now.rfc3339) (avvist siden \(since.rfc3339), \(failedBatches) skriveomganger). Meldinger som ble avvist i mellomtiden er ikke lagret: send dem på nytt.")
        return Message(
            key: "storage-restored-\(since.millisecondsSinceEpoch)",
            subject: subject(language), text: text(language),
            document: [
                "kind": "storage_restored", "severity": "critical", "since": .string(since.rfc3339), "at": .string(now.rfc3339),
                "failed_batches": .integer(Int64(failedBatches)), "text": .string(text(language)),
            ])
    }
}
