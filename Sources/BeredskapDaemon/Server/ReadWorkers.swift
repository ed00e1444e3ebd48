import CShims
import Dispatch
import Foundation
import Synchronization

/// A few threads (`beredskap-read-0`, …; `beredskap-read` in `top -H`) for reads that can be slow — pages of the event log,
/// the incident log and the audit trail, series, record lists — so that an event loop only
/// parses, routes and writes.
///
/// Why: every connection placed on a loop waits while that loop runs a handler. A page of 1000
/// events or a year of occupancy history takes long enough that the arrivals being recorded
/// and `GET /v1/health` on the same loop would wait behind it. Such a route returns
/// `RouteResult.slowRead`; its read runs here and the answer is handed back to the
/// connection's loop. Why fixed and bounded: a burst of slow reads must not become a burst of
/// threads or an ever-growing queue of answers that come after the client gave up. Past the
/// bound a read is refused at once (503), before any of its work is done, and the client
/// tries again.
final class ReadWorkers: Sendable {
    /// Threads when the configuration does not say (`http.read_workers`): enough that one slow
    /// export does not hold up another reader, few enough to leave the cores to the loops and
    /// the writer.
    static let defaultCount = 2
    /// Reads that may wait for a worker, per worker. More waiting would only answer them later
    /// than a client retrying after a 503 would be answered.
    static let queuedPerWorker = 16

    /// One read: what to run, and how to answer instead when it is never run (shutdown).
    struct Job: Sendable {
        let run: @Sendable () -> Void
        let cancel: @Sendable () -> Void
    }

    enum Submission: Equatable {
        case accepted
        /// The queue is full: answer 503 now.
        case full
        /// The workers have stopped (the daemon is shutting down).
        case stopped
    }

    private struct State {
        var waiting: [Job] = []
        var started = false
        var stopped = false
    }

    let count: Int
    let queueLimit: Int
    private let state = Mutex(State())
    /// Signalled once per job queued, and once per worker to stop.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled by each worker as it exits.
    private let exited = DispatchSemaphore(value: 0)

    init(count: Int, queueLimit: Int? = nil) {
        self.count = max(1, count)
        self.queueLimit = max(1, queueLimit ?? self.count * Self.queuedPerWorker)
    }

    /// Queues `job` for a worker, unless the queue is full or the workers have stopped. The
    /// threads start with the first job, so a daemon that never serves a slow read (or fails to
    /// start) has none.
    func submit(_ job: Job) -> Submission {
        let (submission, start) = state.withLock { state -> (Submission, Bool) in
            if state.stopped { return (.stopped, false) }
            guard state.waiting.count < queueLimit else { return (.full, false) }
            state.waiting.append(job)
            defer { state.started = true }
            return (.accepted, !state.started)
        }
        if start {
            for index in 0..<count {
                let thread = Thread { [self] in work() }
                thread.name = "beredskap-read-\(index)"
                thread.start()
            }
        }
        if submission == .accepted { wake.signal() }
        return submission
    }

    /// Reads queued and not yet taken by a worker.
    var waiting: Int { state.withLock { $0.waiting.count } }

    /// Stops: reads still queued are cancelled (answered with their `cancel`), reads running
    /// are waited for, and every worker thread has exited when this returns. Later submissions
    /// are refused as `stopped`.
    func shutdown() {
        let (cancelled, started, first) = state.withLock { state -> ([Job], Bool, Bool) in
            defer {
                state.stopped = true
                state.waiting = []
            }
            return (state.waiting, state.started, !state.stopped)
        }
        guard first else { return }
        for job in cancelled { job.cancel() }
        guard started else { return }
        for _ in 0..<count { wake.signal() }
        for _ in 0..<count { exited.wait() }
    }

    private func work() {
        bshim_set_thread_name("beredskap-read")
        while true {
            wake.wait()
            enum Next { case run(Job), stop, none }
            let next = state.withLock { state -> Next in
                if state.stopped { return .stop }
                return state.waiting.isEmpty ? .none : .run(state.waiting.removeFirst())
            }
            switch next {
            case .run(let job): job.run()
            case .stop:
                exited.signal()
                return
            case .none: continue
            }
        }
    }
}
