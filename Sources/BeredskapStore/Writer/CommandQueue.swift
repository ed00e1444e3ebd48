import Dispatch
import Synchronization

/// A multi-producer queue the writer drains in whole batches.
///
/// Why "take everything": group commit. While the writer is inside a COMMIT (an fsync),
/// commands keep arriving; the next `takeAll` hands all of them to one transaction, so
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

    /// Blocks until there is work (returns up to `limit` items) or the queue is closed and
    /// empty (returns nil).
    func takeAll(limit: Int) -> [Element]? {
        while true {
            let batch = state.withLock { state -> [Element]? in
                if state.items.isEmpty { return state.closed ? nil : [] }
                if state.items.count <= limit {
                    defer { state.items.removeAll(keepingCapacity: true) }
                    return state.items
                }
                let head = Array(state.items.prefix(limit))
                state.items.removeFirst(limit)
                return head
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
