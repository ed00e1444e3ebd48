/// Ordered header fields with case-insensitive lookup.
///
/// A list rather than a dictionary because HTTP fields are ordered and may repeat (and the parser
/// must see repeats to reject a second `Host` or `Content-Length`). Names keep their original
/// spelling so that what is logged or echoed is what was received; lookups compare names in ASCII
/// case only, as RFC 9110 §5.1 requires. Linear lookup is fine: a message has at most
/// `HTTPLimits.maxHeaderCount` fields.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, Equatable {
    public typealias Element = (name: String, value: String)

    private var fields: [Element]

    public init() {
        fields = []
    }

    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the field, comparing names case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Every value of the field in the order received, one entry per field line (values are not
    /// split at commas: whether a field is a list is the caller's knowledge).
    public func values(for name: String) -> [String] {
        fields.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.equalsIgnoringASCIICase(name) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces the first field of that name in place (keeping its position) and removes any
    /// further ones; appends the field if there was none.
    public mutating func replaceOrAdd(_ name: String, _ value: String) {
        guard let first = fields.firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) }) else {
            add(name, value)
            return
        }
        fields[first].value = value
        var index = fields.index(after: first)
        while index < fields.endIndex {
            if fields[index].name.equalsIgnoringASCIICase(name) {
                fields.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// Removes every field of that name.
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }

    /// Exact equality: same names (same spelling), same values, same order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The comma-separated elements of every field of that name, trimmed and ASCII-lowercased,
    /// empty elements dropped (RFC 9110 §5.6.1). For token lists such as `Connection` and `Expect`.
    func lowercasedListElements(for name: String) -> [String] {
        var elements: [String] = []
        for value in values(for: name) {
            for element in value.utf8.split(separator: ASCII.comma, omittingEmptySubsequences: false) {
                let trimmed = element.trimmingHorizontalSpace()
                if !trimmed.isEmpty {
                    elements.append(String(decoding: trimmed.map(\.asciiLowercased), as: UTF8.self))
                }
            }
        }
        return elements
    }
}
