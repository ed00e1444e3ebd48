import BeredskapCore
import Synchronization

/// Tells in-process listeners that new events are durable.
///
/// Why it carries only "the last seq is now N": listeners (event-stream followers, later the
/// rule engine) read what they need from the store at their own pace, so a slow listener
/// never holds events in memory and never misses one — the log is the buffer.
public final class EventBus: Sendable {
    public typealias Listener = @Sendable (_ lastSeq: Int64, _ events: [Event]) -> Void

    private let listeners = Mutex<[UInt64: Listener]>([:])
    private let nextID = Atomic<UInt64>(1)
    private let latest: Atomic<Int64>

    public init(lastSeq: Int64) { latest = Atomic(lastSeq) }

    /// The newest durable seq.
    public var lastSeq: Int64 { latest.load(ordering: .acquiring) }

    /// Called by the writer after each commit, on the writer thread; listeners must be quick.
    public func publish(_ events: [Event]) {
        guard let last = events.last?.seq else { return }
        latest.store(last, ordering: .releasing)
        let current = listeners.withLock { Array($0.values) }
        for listener in current { listener(last, events) }
    }

    public func subscribe(_ listener: @escaping Listener) -> UInt64 {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        listeners.withLock { $0[id] = listener }
        return id
    }

    public func unsubscribe(_ id: UInt64) {
        _ = listeners.withLock { $0.removeValue(forKey: id) }
    }

    public var listenerCount: Int { listeners.withLock { $0.count } }
}
