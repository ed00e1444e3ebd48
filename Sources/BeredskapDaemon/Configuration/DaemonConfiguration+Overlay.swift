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
        guard case .object(var merged) = try JSONValueEncoder().encode(fallback) else { return fallback }
        for name in fields.keys { merged[name] = fields[name] }
        let path = codingPath + [key]
        let value: T
        do {
            value = try JSONValueDecoder().decode(T.self, from: .object(merged))
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path + error.path.map(\.codingKey), debugDescription: error.problem))
        }
        if let problem = problems(value).first {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path + problem.field.split(separator: ".").map { AnyKey(String($0)) },
                debugDescription: problem.problem.en))
        }
        return value
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
