import BeredskapCore
import CShims
import Foundation
import Synchronization

/// Runs actions at wall-clock instants: the one place where time-based work waits.
///
/// Why one scheduler instead of timers or polling: rules must not poll on a fixed interval
/// (ARCHITECTURE.md, "Time"). Each rule keeps its next due instant here under a key (the
/// surge window's next change, later alert `for` expiries and retries); scheduling a key
/// again replaces its instant. The entries are a `TimerHeap`, so scheduling, replacing and
/// cancelling cost O(log n) however many timers there are, and the thread sleeps until the
/// earliest. Actions run on the scheduler thread (or the caller's, in `fire(until:)`) and
/// must be short (typically: submit a command to the writer).
public final class Scheduler: Sendable {
    public typealias Action = @Sendable () -> Void

    private struct State {
        var timers = TimerHeap<String, Action>()
        var stopped = false
    }

    private let clock: any WallClock
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Upper bound on one sleep, so a wall clock stepped forward (NTP) is noticed promptly.
    private let longestSleep: Double

    /// - Parameter runsThread: false in tests and under simulated time, where nothing fires
    ///   until `fire(until:)` or `fireDue()` is called.
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
    public func schedule(_ key: String, at instant: Timestamp, action: @escaping Action) {
        let earlier = state.withLock { state in
            let earliest = state.timers.first?.at
            state.timers.schedule(key, at: instant, action)
            return earliest.map { instant < $0 } ?? true
        }
        // Waking the thread costs a context switch; it only needs one when its sleep must end sooner.
        if earlier { wake.signal() }
    }

    public func cancel(_ key: String) {
        state.withLock { _ = $0.timers.cancel(key) }
    }

    /// When `key` is due, if scheduled.
    public func dueTime(of key: String) -> Timestamp? { state.withLock { $0.timers.dueTime(of: key) } }

    /// The earliest instant an action is scheduled for; nil when none is. For simulated time:
    /// the clock's owner steps to it rather than past it.
    public var nextDueTime: Timestamp? { state.withLock { $0.timers.first?.at } }

    /// How many actions are scheduled.
    public var count: Int { state.withLock { $0.timers.count } }

    /// Runs, in order of their instants, every action due by `instant`, including those that
    /// actions schedule meanwhile at or before it; returns how many ran. For simulated time:
    /// the clock's owner moves its clock and fires what came due.
    @discardableResult
    public func fire(until instant: Timestamp) -> Int {
        var ran = 0
        while let entry = state.withLock({ $0.timers.popFirst(dueBy: instant) }) {
            entry.value()
            ran += 1
        }
        return ran
    }

    /// Runs every action whose instant has come by the clock; returns how many ran.
    @discardableResult
    public func fireDue() -> Int { fire(until: clock.now()) }

    /// Stops the thread; scheduled actions are dropped (their owners rebuild them at start).
    public func stop() {
        state.withLock { $0.stopped = true }
        wake.signal()
        finished.wait()
        finished.signal()
    }

    private func run() {
        bshim_set_thread_name("beredskap-sched")
        while !state.withLock({ $0.stopped }) {
            fireDue()
            let next = state.withLock { $0.timers.first?.at }
            let seconds = next.map { Double($0.milliseconds(since: clock.now())) / 1000 } ?? longestSleep
            if seconds > 0 { _ = wake.wait(timeout: .now() + min(seconds, longestSleep)) }
        }
        finished.signal()
    }
}

extension Scheduler {
    /// How long an engine waits before trying again what could not be done (a command the
    /// store did not commit, an outbox it could not read): the store may be full or failing,
    /// and trying at once would spin.
    static let retryDelay = FixedDuration.seconds(5)

    /// Runs `action` under `key` once `retryDelay` has passed.
    func retry(_ key: String, action: @escaping Action) {
        schedule(key, at: clock.now().adding(milliseconds: Self.retryDelay.milliseconds), action: action)
    }
}
