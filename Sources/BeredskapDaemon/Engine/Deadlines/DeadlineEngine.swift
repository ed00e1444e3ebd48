import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Foundation
import Synchronization

/// Keeps every person's compliance deadlines current in memory (`DeadlineBook`) and commits
/// the overdue count of each (rule, district) when it changes, for the `deadline_overdue`
/// alert rule, and each district's disability-grant applications due, for
/// `grant_application_due`.
///
/// Why this shape: at start it reads every person's facts in one query and evaluates every
/// rule; after that only what changes is evaluated again — a person whose facts a commit
/// changed (read again off the writer thread, from the read pool), or the persons whose
/// evaluation changes on a day that has come. The days of those changes are in the book's
/// queue and the engine holds **one** scheduler timer, at the Oslo midnight that starts the
/// earliest: no polling, no timer per person. Its work runs on a queue of its own, one thing
/// at a time, so that a refresh read after the rebuild's snapshot is never overwritten by it.
public final class DeadlineEngine: Sendable, Engine {
    private struct Settings {
        var rules: [DeadlineRule]
        var calendar: LocalCalendar
    }

    private struct Pending {
        var persons: Set<Int64> = []
        var draining = false
    }

    private static let timerKey = "deadlines/next"

    private let clock: any WallClock
    private let scheduler: Scheduler
    private let readPool: ReadPool
    private let settings: Mutex<Settings>
    private let book: Mutex<DeadlineBook>
    private let pending = Mutex(Pending())
    /// The Oslo day the timer is set for.
    private let timerDay = Mutex<CalendarDate?>(nil)
    private let queue = DispatchQueue(label: "beredskap-deadlines")
    private let commands = EngineWriter()
    private let publication: CoalescedCommand<EngineWriter>

    public init(configuration: DaemonConfiguration, calendar: LocalCalendar, clock: any WallClock, scheduler: Scheduler, readPool: ReadPool) {
        self.clock = clock
        self.scheduler = scheduler
        self.readPool = readPool
        let rules = configuration.deadlines.active
        settings = Mutex(Settings(rules: rules, calendar: calendar))
        book = Mutex(DeadlineBook(rules: rules, today: calendar.date(of: clock.now()), calendar: calendar))
        publication = CoalescedCommand(submitter: commands, scheduler: scheduler)
    }

    func attach(writer: Writer) {
        commands.attach(writer)
    }

    /// Rebuilds the picture from the store, before the world serves anything.
    public func start() {
        queue.sync { rebuild() }
    }

    /// Called on the writer thread after each commit: which persons to read again.
    public func observe(_ events: [Event]) {
        var persons: [Int64] = []
        for event in events where event.kind?.topic == .person {
            if let subject = event.subject, subject.hasPrefix("person/"), let id = Int64(subject.dropFirst("person/".count)) {
                persons.append(id)
            }
        }
        guard !persons.isEmpty else { return }
        queue(persons)
    }

    /// New rules or a new time zone: everyone is evaluated again at once.
    func reconfigure(_ change: Reconfiguration) {
        guard change.changed(\.deadlines) || change.changed(\.timeZone) else { return }
        let rules = change.new.deadlines.active
        queue.async { [self] in
            let calendar = change.calendar
            let changedZone = settings.withLock { settings in
                defer { settings = Settings(rules: rules, calendar: calendar) }
                return settings.calendar != calendar
            }
            if changedZone {
                rebuild()
            } else {
                book.withLock { $0.replaceRules(rules, on: calendar.date(of: clock.now())) }
                changed()
            }
        }
    }

    public func stop() {
        scheduler.cancel(Self.timerKey)
    }

    // MARK: - Reading

    /// Reads the picture under its lock (the routes: lists, the summary, the status).
    func read<T>(_ body: (inout DeadlineBook) -> T) -> T {
        book.withLock { body(&$0) }
    }

    /// One person's deadlines as the engine holds them now, under the rules in force; nil for
    /// a person it does not follow (unknown or erased).
    public func deadlines(of person: Int64) -> [PersonDeadline]? {
        read { $0.deadlines(of: person) }
    }

    /// Waits until the work queued so far is done (tests, and a caller that wants what it just
    /// committed to be counted).
    func settle() {
        queue.sync {}
    }

    // MARK: - Work (on `queue`)

    private func rebuild() {
        let settings = settings.withLock { $0 }
        var rebuilt = DeadlineBook(rules: settings.rules, today: settings.calendar.date(of: clock.now()), calendar: settings.calendar)
        // The store is read on a thread of its own while the facts are evaluated here.
        let readPool = readPool
        let pipe = FactsPipe.start { pass in
            try readPool.read { connection in try connection.forEachPersonDeadlineFacts(pass) }
        }
        while let batch = pipe.next() {
            for facts in batch { rebuilt.update(facts) }
        }
        if let error = pipe.error {
            DaemonLog.error("could not read the persons' deadline facts: \(error); trying again in \(Scheduler.retryDelay.milliseconds / 1000) s")
            scheduler.retry("retry/deadlines/rebuild") { [weak self] in self?.rebuildLater() }
            return
        }
        rebuilt.publishedCountsChanged = true
        book.withLock { $0 = rebuilt }
        changed()
    }

    private func rebuildLater() {
        queue.async { [self] in rebuild() }
    }

    private func queue(_ persons: [Int64]) {
        let start = pending.withLock { pending in
            pending.persons.formUnion(persons)
            defer { pending.draining = true }
            return !pending.draining
        }
        if start { queue.async { [self] in drain() } }
    }

    /// Reads the facts of the persons queued and takes them in; those not found are erased.
    private func drain() {
        let persons = pending.withLock { pending in
            defer {
                pending.persons = []
                pending.draining = false
            }
            return pending.persons
        }
        guard !persons.isEmpty else { return }
        var rows: [PersonDeadlineFacts] = []
        do {
            try readPool.read { connection in
                try connection.forEachPersonDeadlineFacts(persons: persons.sorted()) { rows.append($0) }
            }
        } catch {
            DaemonLog.error("could not read the deadline facts of \(persons.count) persons: \(error); trying again")
            scheduler.retry("retry/deadlines/refresh") { [weak self] in self?.queue(Array(persons)) }
            return
        }
        let today = settings.withLock { $0.calendar }.date(of: clock.now())
        book.withLock { book in
            book.advance(to: today)
            for row in rows { book.update(row) }
            for person in persons.subtracting(rows.map(\.person)) { book.remove(person) }
        }
        changed()
    }

    private func advanceLater(to day: CalendarDate) {
        queue.async { [self] in advance(to: day) }
    }

    /// The timer: the day `day` has begun.
    private func advance(to day: CalendarDate) {
        let today = max(settings.withLock { $0.calendar }.date(of: clock.now()), day)
        book.withLock { $0.advance(to: today) }
        changed()
    }

    /// After the book changed: the timer at its next change, and the counts published when
    /// an overdue count may differ.
    private func changed() {
        let (next, publish, calendar) = book.withLock { book -> (CalendarDate?, Bool, LocalCalendar) in
            defer { book.publishedCountsChanged = false }
            return (book.nextChange, book.publishedCountsChanged, settings.withLock { $0.calendar })
        }
        let reschedule = timerDay.withLock { scheduled in
            defer { scheduled = next }
            return scheduled != next
        }
        if reschedule {
            if let next {
                scheduler.schedule(Self.timerKey, at: calendar.startOfDay(next)) { [weak self] in self?.advanceLater(to: next) }
            } else {
                scheduler.cancel(Self.timerKey)
            }
        }
        if publish { publication.request { publicationCommand() } }
    }

    /// Commits every overdue count that differs from the committed one (and zero for a
    /// committed one the book no longer has: a rule switched off, the last person erased),
    /// and the disability-grant applications due in the same way (`GrantAlertCounts`).
    private func publicationCommand() -> EngineCommand<WriteTransaction> {
        EngineCommand(name: "deadlines/overdue") { [self] transaction in
            let (current, applicationsDue) = book.withLock {
                ($0.overdueCounts(), $0.dueSoonOrOverdue(rule: GrantRules.disabilityDeadline))
            }
            let committed = try transaction.connection.deadlineOverdueCounts()
            let keys = Set(current.keys).union(committed.keys).sorted { ($0.rule, $0.district) < ($1.rule, $1.district) }
            for key in keys where current[key] ?? 0 != committed[key] ?? 0 {
                guard try transaction.connection.district(key.district) != nil else { continue }
                try transaction.setDeadlineOverdue(key, to: current[key] ?? 0)
            }
            try GrantAlertCounts.commit(applicationsDue, in: &transaction)
        }
    }
}
