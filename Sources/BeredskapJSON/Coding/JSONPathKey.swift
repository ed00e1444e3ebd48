/// The coding key the decoder and encoder put into `codingPath`.
///
/// Why a dedicated type: a `codingPath` built from it can be turned back into a
/// `JSONPathComponent` path exactly (dictionary keys verbatim, array indices as indices),
/// which is how a `DecodingError` thrown by user code lands at the right field.
struct JSONPathKey: CodingKey {
    let component: JSONPathComponent

    init(_ component: JSONPathComponent) {
        self.component = component
    }

    init(stringValue: String) {
        component = .key(stringValue)
    }

    init(intValue: Int) {
        component = .index(intValue)
    }

    var stringValue: String {
        switch component {
        case .key(let key): key
        case .index(let index): "Index \(index)"
        }
    }

    var intValue: Int? {
        if case .index(let index) = component { index } else { nil }
    }

    /// Converts a `codingPath` to JSON path components. Our own keys map exactly; any other
    /// key (one a user type appended, e.g. through `DecodingError.dataCorruptedError(forKey:…)`)
    /// is a Swift name and goes through `strategy`.
    static func components(of codingPath: [any CodingKey], strategy: JSONKeyStrategy) -> [JSONPathComponent] {
        codingPath.map { key in
            if let pathKey = key as? JSONPathKey {
                return pathKey.component
            }
            if let index = key.intValue, key.stringValue == "Index \(index)" {
                return .index(index)
            }
            return .key(strategy.jsonKey(for: key.stringValue))
        }
    }
}
