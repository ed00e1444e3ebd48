import Dispatch
import Synchronization

/// When something watching the daemon from this process (the webhook receiver, an event
/// stream) first saw each subject (`facility/<id>`), stamped by its own thread with
/// `DispatchTime.now()`, and a wait for it that wakes on every record (no polling).
///
/// One waiter at a time: each measurement waits on its own observer from one thread.
final class SubjectArrivals: Sendable {
    private struct Log {
        /// The first record of each subject.
        var arrivals: [String: UInt64] = [:]
        /// Everything recorded, with a subject or not (a webhook request, an event).
        var records = 0
        var firstAt = UInt64.max
        var lastAt: UInt64 = 0
        /// Someone waits in `wait(timeout:until:)`: signal on each record.
        var waiting = false
    }

    struct Summary {
        var subjects: Int
        var records: Int
        var firstAt: UInt64
        var lastAt: UInt64
    }

    private let log = Mutex(Log())
    private let arrived = DispatchSemaphore(value: 0)

    /// Forgets what arrived (between measurements).
    func reset() {
        log.withLock { $0 = Log() }
    }

    var summary: Summary {
        log.withLock { Summary(subjects: $0.arrivals.count, records: $0.records, firstAt: $0.firstAt, lastAt: $0.lastAt) }
    }

    /// Called by the observing thread as soon as it has something; `subject` nil counts it
    /// only as a record.
    func record(subject: String?, at: UInt64) {
        let wake = log.withLock { log -> Bool in
            log.records += 1
            if let subject, log.arrivals[subject] == nil { log.arrivals[subject] = at }
            log.firstAt = min(log.firstAt, at)
            log.lastAt = max(log.lastAt, at)
            return log.waiting
        }
        if wake { arrived.signal() }
    }

    /// When `subject` was first seen, waiting up to `timeout` seconds.
    func arrival(of subject: String, timeout: Double) -> UInt64? {
        wait(timeout: timeout) { $0.arrivals[subject] != nil }
        return log.withLock { $0.arrivals[subject] }
    }

    /// When the last of `count` distinct subjects was first seen, waiting up to `timeout`
    /// seconds; nil when fewer arrived by then.
    func lastOf(_ count: Int, timeout: Double) -> UInt64? {
        guard wait(timeout: timeout, until: { $0.arrivals.count >= count }) else { return nil }
        return log.withLock { $0.arrivals.values.max() }
    }

    @discardableResult
    private func wait(timeout: Double, until done: (Log) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + timeout
        while true {
            let satisfied = log.withLock { log in
                log.waiting = !done(log)
                return !log.waiting
            }
            if satisfied { return true }
            if arrived.wait(timeout: deadline) == .timedOut {
                return log.withLock { log in
                    log.waiting = false
                    return done(log)
                }
            }
        }
    }
}
