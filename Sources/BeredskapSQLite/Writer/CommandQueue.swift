import Dispatch
import Synchronization

/// A multi-producer queue the writer drains in whole batches.
///
/// Why "take everything": group commit. While the writer is inside a COMMIT (an fsync),
/// commands keep arriving; the next `takeBatch` hands all of them to one transaction, so
/// N waiting clients share one fsync instead of paying N.
final class CommandQueue<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var closed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    /// Enqueues unless closed; returns false when closed.
    ///
    /// Signals only when the queue goes from empty to non-empty: the consumer re-checks the
    /// queue before every wait, so one wake-up per batch is enough (at most one stale
    /// signal costs it one extra empty check).
    func push(_ item: Element) -> Bool {
        let (accepted, wasEmpty) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed else { return (false, false) }
            state.items.append(item)
            return (true, state.items.count == 1)
        }
        if wasEmpty { available.signal() }
        return accepted
    }

    /// Blocks until there is work and returns up to `limit` items, or nil when the queue is
    /// closed and empty.
    func takeBatch(limit: Int) -> [Element]? {
        while true {
            let batch = state.withLock { state -> [Element]? in
                if state.items.isEmpty { return state.closed ? nil : [] }
                let count = min(limit, state.items.count)
                defer { state.items.removeFirst(count) }
                return Array(state.items.prefix(count))
            }
            guard let batch else { return nil }
            if !batch.isEmpty { return batch }
            available.wait()
        }
    }

    /// Stops accepting; already queued items are still taken.
    func close() {
        state.withLock { $0.closed = true }
        available.signal()
    }
}
