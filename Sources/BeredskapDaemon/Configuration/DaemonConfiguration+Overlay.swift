import BeredskapCore
import BeredskapJSON

extension KeyedDecodingContainer {
    /// A domain value at `key`, given in the file as an object whose fields override those
    /// of `fallback` (absent key: `fallback` as it is), then checked with `problems`.
    ///
    /// Why: the domain types (thresholds, alert policies, retry policies) are plain Codable
    /// values with no notion of defaults; laying the file's fields over the encoded default
    /// gives every field a default without writing a decoder per type, keeps unknown fields
    /// an error, and reports problems at their full path (`alerts.facility_utilization.clear`).
    func overlay<T: Codable>(_ key: Key, default fallback: T, problems: (T) -> [FieldProblem] = { _ in [] }) throws -> T {
        guard contains(key) else { return fallback }
        let given = try decode(JSONValue.self, forKey: key)
        guard case .object(let fields) = given else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected an object")
        }
        let merged = Self.mergePatch(try JSONValueEncoder().encode(fallback), with: .object(fields))
        let path = codingPath + [key]
        let value: T
        do {
            value = try JSONValueDecoder().decode(T.self, from: merged)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path + error.path.map(\.codingKey), debugDescription: error.problem))
        }
        if let problem = problems(value).first { throw problem.decodingError(under: path) }
        return value
    }

    /// RFC 7396: objects merge member by member (so `groups: {x: […]}` adds or replaces one
    /// group and keeps the others), anything else replaces, and `null` removes.
    static func mergePatch(_ base: JSONValue, with patch: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        guard case .object(var merged) = base else { return patch }
        for name in changes.keys {
            guard let change = changes[name] else { continue }
            if change == .null {
                merged[name] = nil
            } else {
                merged[name] = mergePatch(merged[name] ?? .null, with: change)
            }
        }
        return .object(merged)
    }
}

extension FieldProblem {
    /// A decoding error at this problem's field below `path`: `routes[1].groups[0]` becomes
    /// the keys `routes`, 1, `groups`, 0, so the loader prints the path as written.
    func decodingError(under path: [any CodingKey]) -> DecodingError {
        var keys: [any CodingKey] = []
        for part in field.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { keys.append(AnyKey(String(name))) }
            keys += indices.map { AnyKey(index: $0) }
        }
        return DecodingError.dataCorrupted(DecodingError.Context(codingPath: path + keys, debugDescription: problem.en))
    }
}

extension JSONPathComponent {
    var codingKey: any CodingKey {
        switch self {
        case .key(let name): AnyKey(name)
        case .index(let index): AnyKey(index: index)
        }
    }
}

/// A coding key made from a field path segment, for errors found after decoding.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) { stringValue = string }
    /// An array index, spelled as the JSON coder spells its own (`Index 3`), so paths print `[3]`.
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(index: intValue) }
}
