/// Converts Swift key names to JSON spelling for one encode or decode, remembering the
/// names it had to change.
///
/// Why: synthesized `Codable` asks for the same few keys once per element, so a list of a
/// thousand events would otherwise convert (and allocate) `eventSeq` a thousand times.
struct KeyNameConverter {
    let strategy: JSONKeyStrategy
    private var converted: [String: String] = [:]

    init(strategy: JSONKeyStrategy) {
        self.strategy = strategy
    }

    mutating func jsonName(for swiftKey: String) -> String {
        guard strategy == .convertSnakeCase, JSONKeyStrategy.snakeCaseChanges(swiftKey) else {
            return swiftKey
        }
        if let cached = converted[swiftKey] {
            return cached
        }
        let name = JSONKeyStrategy.snakeCased(swiftKey)
        converted[swiftKey] = name
        return name
    }
}
