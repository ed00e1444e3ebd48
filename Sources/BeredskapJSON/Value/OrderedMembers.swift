/// Insertion-ordered, string-keyed storage shared by `JSONObject` and the encoder's object boxes.
///
/// Why a hybrid: API bodies are small objects, and for a handful of keys a linear scan is
/// faster than hashing and costs no extra allocation. Once an object grows past
/// `indexThreshold` members a `[String: Int]` index is built so lookups stay O(1).
struct OrderedMembers<Value> {
    private(set) var keys: [String] = []
    private(set) var values: [Value] = []
    private var index: [String: Int]?

    /// Up to this many members are searched linearly.
    static var indexThreshold: Int { 8 }

    init() {}

    init(keys: [String], values: [Value]) {
        self.init()
        self.keys.reserveCapacity(keys.count)
        self.values.reserveCapacity(values.count)
        for (key, value) in zip(keys, values) {
            set(value, forKey: key)
        }
    }

    var count: Int { keys.count }

    func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        return keys.firstIndex(of: key)
    }

    subscript(key: String) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// Appends `value` under `key` unless the key is already present.
    /// - Returns: `false` when the key existed (nothing is changed).
    mutating func insertNew(_ value: Value, forKey key: String) -> Bool {
        if position(of: key) != nil {
            return false
        }
        append(value, forKey: key)
        return true
    }

    /// Replaces the value in place when the key exists, otherwise appends it.
    mutating func set(_ value: Value, forKey key: String) {
        if let position = position(of: key) {
            values[position] = value
        } else {
            append(value, forKey: key)
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: String) -> Value? {
        guard let position = position(of: key) else {
            return nil
        }
        keys.remove(at: position)
        let removed = values.remove(at: position)
        index = nil
        rebuildIndexIfLarge()
        return removed
    }

    func mapValues<T, E: Error>(_ transform: (Value) throws(E) -> T) throws(E) -> OrderedMembers<T> {
        var mapped = OrderedMembers<T>()
        mapped.keys = keys
        mapped.values.reserveCapacity(values.count)
        for value in values {
            mapped.values.append(try transform(value))
        }
        mapped.index = index
        return mapped
    }

    mutating func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    private mutating func append(_ value: Value, forKey key: String) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index?[key] = keys.count - 1
        } else {
            rebuildIndexIfLarge()
        }
    }

    private mutating func rebuildIndexIfLarge() {
        guard keys.count > Self.indexThreshold else {
            return
        }
        var built = [String: Int](minimumCapacity: keys.count)
        for (position, key) in keys.enumerated() {
            built[key] = position
        }
        index = built
    }
}

extension OrderedMembers: Sendable where Value: Sendable {}
