/// Values due at instants, each under a key: the earliest first, and O(log n) to schedule,
/// replace or cancel one.
///
/// Why a binary min-heap with an index from key to position: the daemon's scheduler holds the
/// next instant of every rule, alert, run and retry, and the deadline engine will add about a
/// million timers. Keeping them in a dictionary meant scanning all of them to find the
/// earliest on every schedule; a heap keeps the earliest on top, and the index finds a key's
/// entry to replace or cancel it without a search.
///
/// Entries due at the same instant come out in the order they were scheduled (replacing an
/// entry counts as scheduling it anew), so what the scheduler runs does not depend on how the
/// heap happens to be arranged.
public struct TimerHeap<Key: Hashable, Value> {
    /// One scheduled value.
    public struct Entry {
        public let key: Key
        public let at: Timestamp
        public let value: Value
        /// Scheduling order, for ties.
        fileprivate let order: UInt64

        fileprivate func precedes(_ other: Entry) -> Bool {
            at != other.at ? at < other.at : order < other.order
        }
    }

    private var entries: [Entry] = []
    private var positions: [Key: Int] = [:]
    private var scheduled: UInt64 = 0

    public init() {}

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The entry that comes out next.
    public var first: Entry? { entries.first }

    /// When `key` is due, if it is scheduled.
    public func dueTime(of key: Key) -> Timestamp? { positions[key].map { entries[$0].at } }

    /// Schedules `value` at `instant` under `key`, replacing what `key` had.
    public mutating func schedule(_ key: Key, at instant: Timestamp, _ value: Value) {
        let entry = Entry(key: key, at: instant, value: value, order: scheduled)
        scheduled &+= 1
        if let position = positions[key] {
            entries[position] = entry
            restore(at: position)
        } else {
            entries.append(entry)
            positions[key] = entries.count - 1
            siftUp(from: entries.count - 1)
        }
    }

    /// Removes what `key` had; nil when it had nothing.
    @discardableResult
    public mutating func cancel(_ key: Key) -> Value? {
        guard let position = positions[key] else { return nil }
        return remove(at: position).value
    }

    /// Removes and returns the first entry if it is due by `instant`.
    public mutating func popFirst(dueBy instant: Timestamp) -> Entry? {
        guard let first = entries.first, first.at <= instant else { return nil }
        return remove(at: 0)
    }

    // MARK: - Heap order

    private mutating func remove(at position: Int) -> Entry {
        let removed = entries[position]
        positions[removed.key] = nil
        let last = entries.removeLast()
        if position < entries.count {
            entries[position] = last
            positions[last.key] = position
            restore(at: position)
        }
        return removed
    }

    /// Moves the entry at `position` up or down until the heap is in order again.
    private mutating func restore(at position: Int) {
        if position > 0, entries[position].precedes(entries[(position - 1) / 2]) {
            siftUp(from: position)
        } else {
            siftDown(from: position)
        }
    }

    private mutating func siftUp(from start: Int) {
        let entry = entries[start]
        var position = start
        while position > 0 {
            let parent = (position - 1) / 2
            guard entry.precedes(entries[parent]) else { break }
            move(from: parent, to: position)
            position = parent
        }
        place(entry, at: position)
    }

    private mutating func siftDown(from start: Int) {
        let entry = entries[start]
        var position = start
        while true {
            let left = 2 * position + 1
            guard left < entries.count else { break }
            let right = left + 1
            let child = right < entries.count && entries[right].precedes(entries[left]) ? right : left
            guard entries[child].precedes(entry) else { break }
            move(from: child, to: position)
            position = child
        }
        place(entry, at: position)
    }

    private mutating func move(from source: Int, to destination: Int) {
        entries[destination] = entries[source]
        positions[entries[destination].key] = destination
    }

    private mutating func place(_ entry: Entry, at position: Int) {
        entries[position] = entry
        positions[entry.key] = position
    }
}

extension TimerHeap: Sendable where Key: Sendable, Value: Sendable {}
extension TimerHeap.Entry: Sendable where Key: Sendable, Value: Sendable {}
