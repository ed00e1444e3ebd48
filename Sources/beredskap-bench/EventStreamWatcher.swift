import BeredskapClient
import BeredskapCore
import Dispatch
import Foundation
import Synchronization

/// One `GET /v1/events?follow=true&type=…` stream read on its own thread through the CLI's
/// client (`BeredskapClient.followEvents`): each event is recorded in `arrivals` under the
/// subject `subject` finds in it (a facility), stamped when its line has reached this process.
///
/// Why the event stream and not polling `GET /v1/runs`: it is how `beredskap watch` learns of
/// a run, the daemon pushes it after the commit (no polling interval in the measured time),
/// and it starts from an explicit `since`, so nothing committed before the thread has
/// connected is missed. The stamp comes after the line is decoded into an `Event` (some
/// microseconds), the same for every stream.
final class EventStreamWatcher: Sendable {
    let arrivals = SubjectArrivals()
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Returns once the stream has delivered its first line (the daemon's heartbeat when
    /// nothing happens), so the daemon needs a short `events.heartbeat_interval`.
    init(socket: String, type: String, since: Int64, subject: @escaping @Sendable (Event) -> String?) throws {
        let serving = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            var first = true
            do throws(ClientError) {
                try BeredskapClient(socketPath: socket, timeout: 10).followEvents(since: since, type: type, idleTimeout: 10) { item in
                    let at = DispatchTime.now().uptimeNanoseconds
                    if case .event(let event, _) = item { arrivals.record(subject: subject(event), at: at) }
                    if first {
                        first = false
                        serving.signal()
                    }
                    return !stopping.load(ordering: .relaxed)
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            if first { serving.signal() }
        }
        guard serving.wait(timeout: .now() + 10) == .success else { throw BenchError("events of type \(type): no line within 10 s") }
        if let problem = failure.withLock({ $0 }) { throw BenchError("events of type \(type): \(problem)") }
    }

    /// Stops at the next line (an event or a heartbeat) and waits for the thread.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
    }
}
