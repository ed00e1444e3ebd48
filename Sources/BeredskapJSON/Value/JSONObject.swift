/// A JSON object that remembers the order its keys were inserted in.
///
/// Why not `[String: JSONValue]`: Swift dictionaries iterate in an unspecified order, so
/// responses, event payloads and config dumps would come out shuffled from run to run.
/// Keeping insertion order makes output reproducible (diffable, testable) and lets the
/// decoder report "the first unknown field" in document order.
///
/// Equality ignores order, as JSON object semantics do (the same choice Python's `dict`
/// makes); compare `keys` when order matters.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSONValue)

    var members: OrderedMembers<JSONValue>

    public init() {
        members = OrderedMembers()
    }

    /// Builds an object from pairs in order; a later duplicate key replaces the earlier value
    /// in place (the key keeps its first position).
    public init(_ pairs: [(String, JSONValue)]) {
        members = OrderedMembers()
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            members.set(value, forKey: key)
        }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    init(members: OrderedMembers<JSONValue>) {
        self.members = members
    }

    /// The member's value, or nil when absent. Setting `nil` removes the member; setting a
    /// new key appends it. (To store a JSON `null`, assign `.null`.)
    public subscript(key: String) -> JSONValue? {
        get { members[key] }
        set {
            if let newValue {
                members.set(newValue, forKey: key)
            } else {
                members.removeValue(forKey: key)
            }
        }
    }

    /// Keys in insertion order.
    public var keys: [String] { members.keys }

    /// Values in key order.
    public var values: [JSONValue] { members.values }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.count == 0 }

    /// Removes a member and returns its value, or nil when it was absent.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        members.removeValue(forKey: key)
    }

    public func makeIterator() -> Iterator {
        Iterator(keys: members.keys, values: members.values)
    }

    public struct Iterator: IteratorProtocol {
        private let keys: [String]
        private let values: [JSONValue]
        private var position = 0

        init(keys: [String], values: [JSONValue]) {
            self.keys = keys
            self.values = values
        }

        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < keys.count else {
                return nil
            }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    public var underestimatedCount: Int { members.count }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        for (key, value) in lhs where rhs[key] != value {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with `==`: combine per-member hashes commutatively.
        var combined = 0
        for (key, value) in self {
            var memberHasher = Hasher()
            memberHasher.combine(key)
            memberHasher.combine(value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
