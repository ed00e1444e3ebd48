import BeredskapCore
import CShims
import Foundation
import Synchronization

/// Runs actions at wall-clock instants: the one place where time-based work waits.
///
/// Why one scheduler instead of timers or polling: rules must not poll on a fixed interval
/// (ARCHITECTURE.md, "Time"). Each rule keeps its next due instant here under a key (the
/// surge window's next change, later alert `for` expiries and retries); the thread sleeps
/// until the earliest one. Scheduling a key again replaces its instant. Actions run on the
/// scheduler thread and must be short (typically: submit a command to the writer).
public final class Scheduler: Sendable {
    private struct Entry {
        var at: Timestamp
        var action: @Sendable () -> Void
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var stopped = false
    }

    private let clock: any WallClock
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Upper bound on one sleep, so a wall clock stepped forward (NTP) is noticed promptly.
    private let longestSleep: Double

    /// - Parameter runsThread: false in tests, which call `fireDue()` after moving a manual clock.
    public init(clock: any WallClock, runsThread: Bool = true, longestSleepSeconds: Double = 60) {
        self.clock = clock
        longestSleep = longestSleepSeconds
        guard runsThread else {
            finished.signal()
            return
        }
        let thread = Thread { [self] in run() }
        thread.name = "beredskap-scheduler"
        thread.start()
    }

    /// Runs `action` at `instant` (at once if it has passed), replacing what `key` had.
    public func schedule(_ key: String, at instant: Timestamp, action: @escaping @Sendable () -> Void) {
        state.withLock { $0.entries[key] = Entry(at: instant, action: action) }
        wake.signal()
    }

    public func cancel(_ key: String) {
        state.withLock { _ = $0.entries.removeValue(forKey: key) }
    }

    /// When `key` is due, if scheduled.
    public func dueTime(of key: String) -> Timestamp? { state.withLock { $0.entries[key]?.at } }

    /// Runs every action whose instant has come; returns how many ran.
    @discardableResult
    public func fireDue() -> Int {
        let now = clock.now()
        let due: [Entry] = state.withLock { state in
            let keys = state.entries.filter { $0.value.at <= now }.map(\.key)
            return keys.compactMap { state.entries.removeValue(forKey: $0) }
        }
        for entry in due.sorted(by: { $0.at < $1.at }) { entry.action() }
        return due.count
    }

    /// Stops the thread; scheduled actions are dropped (their owners rebuild them at start).
    public func stop() {
        state.withLock { $0.stopped = true }
        wake.signal()
        finished.wait()
        finished.signal()
    }

    private func run() {
        bshim_set_thread_name("beredskap-sched")
        while true {
            let (stopped, next) = state.withLock { ($0.stopped, $0.entries.values.map(\.at).min()) }
            if stopped { break }
            fireDue()
            let seconds = next.map { Double($0.milliseconds(since: clock.now())) / 1000 } ?? longestSleep
            if seconds > 0 { _ = wake.wait(timeout: .now() + min(seconds, longestSleep)) }
        }
        finished.signal()
    }
}
