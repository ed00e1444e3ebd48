/// What one top-level decode shares across all its nested decoders: the options, the
/// record of which members were asked for, and the mapping of errors to fields.
final class DecodingState {
    let keyStrategy: JSONKeyStrategy
    let tracksKeys: Bool
    /// One record per keyed container opened on an object (several may share an object).
    private var records: [MemberUsage] = []
    private var keyNames: KeyNameConverter

    init(keyStrategy: JSONKeyStrategy, tracksKeys: Bool) {
        self.keyStrategy = keyStrategy
        self.tracksKeys = tracksKeys
        self.keyNames = KeyNameConverter(strategy: keyStrategy)
    }

    func jsonName(for swiftKey: String) -> String {
        keyNames.jsonName(for: swiftKey)
    }

    /// A new usage record for the object `decoder` holds; nil when unknown keys are ignored.
    func trackUsage(of decoder: DecoderImpl, memberCount: Int) -> MemberUsage? {
        guard tracksKeys else {
            return nil
        }
        let record = MemberUsage(decoder: decoder, memberCount: memberCount)
        records.append(record)
        return record
    }

    /// Drops the records, which hold decoders that hold this state (a reference cycle).
    func finish() {
        records.removeAll()
    }

    /// The first member, in document order, of a tracked object that nobody asked for.
    ///
    /// The common case, every record complete, costs one pass over the records. Only when
    /// some member went unasked is the document walked, with the records merged by path
    /// (an object may have been read by several containers), to find the first one.
    func firstUnknownMember(in root: JSONValue) -> JSONFieldError? {
        guard records.contains(where: { !$0.isComplete }) else {
            return nil
        }
        var asked: [[JSONPathComponent]: [String]] = [:]
        for record in records {
            asked[record.decoder.path, default: []].append(contentsOf: record.askedNames)
        }
        var path: [JSONPathComponent] = []
        return firstUnknownMember(in: root, asked: asked, path: &path)
    }

    private func firstUnknownMember(
        in value: JSONValue, asked: [[JSONPathComponent]: [String]], path: inout [JSONPathComponent]
    ) -> JSONFieldError? {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                path.append(.index(index))
                let found = firstUnknownMember(in: element, asked: asked, path: &path)
                path.removeLast()
                if let found {
                    return found
                }
            }
        case .object(let object):
            let names = asked[path]
            for (key, member) in object {
                path.append(.key(key))
                if let names, !names.contains(key) {
                    return JSONFieldError(path: path, problem: Self.unknownFieldProblem(asked: names))
                }
                let found = firstUnknownMember(in: member, asked: asked, path: &path)
                path.removeLast()
                if let found {
                    return found
                }
            }
        default:
            break
        }
        return nil
    }

    private static func unknownFieldProblem(asked names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) {
            unique.append(name)
        }
        return unique.isEmpty
            ? "unknown field (no fields are expected here)"
            : "unknown field (expected one of: \(unique.joined(separator: ", ")))"
    }

    /// Turns anything a decode threw into a `JSONFieldError`. `path` locates errors that
    /// carry no location of their own.
    func fieldError(for error: any Error, at path: @autoclosure () -> [JSONPathComponent]) -> JSONFieldError {
        switch error {
        case let fieldError as JSONFieldError:
            return fieldError
        case let decodingError as DecodingError:
            return fieldError(for: decodingError)
        default:
            return JSONFieldError(path: path(), problem: String(describing: error))
        }
    }

    private func fieldError(for error: DecodingError) -> JSONFieldError {
        let codingPath: [any CodingKey]
        let context: DecodingError.Context
        let fallback: String
        switch error {
        case .keyNotFound(let key, let keyContext):
            let path = JSONPathKey.components(of: keyContext.codingPath + [key], strategy: keyStrategy)
            return JSONFieldError(path: path, problem: "is required")
        case .valueNotFound(_, let valueContext):
            (codingPath, context, fallback) = (valueContext.codingPath, valueContext, "must not be null")
        case .typeMismatch(_, let mismatchContext):
            (codingPath, context, fallback) = (mismatchContext.codingPath, mismatchContext, "has the wrong type")
        case .dataCorrupted(let corruptContext):
            (codingPath, context, fallback) = (corruptContext.codingPath, corruptContext, "is invalid")
        @unknown default:
            return JSONFieldError(path: [], problem: String(describing: error))
        }
        if let underlying = context.underlyingError as? JSONFieldError {
            return underlying
        }
        let problem = context.debugDescription.isEmpty ? fallback : context.debugDescription
        return JSONFieldError(path: JSONPathKey.components(of: codingPath, strategy: keyStrategy), problem: problem)
    }
}
