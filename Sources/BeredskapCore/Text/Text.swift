/// The languages people read beredskap in: English, and Norwegian bokmål for the
/// coordination groups and operators.
public enum Language: String, Sendable, CaseIterable {
    case en
    case nb

    /// From the environment: BEREDSKAP_LANG, then LC_ALL, LC_MESSAGES, LANG. Any Norwegian
    /// locale (`nb`, `nn`, `no`) reads bokmål; everything else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["BEREDSKAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return fromTag(value) ?? .en
        }
        return .en
    }

    /// From an HTTP `Accept-Language` header: the first acceptable tag by q-value.
    public static func fromAcceptLanguage(_ header: String?) -> Language {
        guard let header else { return .en }
        let ranked = header.split(separator: ",").compactMap { item -> (Language, Double)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            guard let tag = parts.first, let language = fromTag(tag) else { return nil }
            let quality = parts.dropFirst().compactMap { parameter -> Double? in
                parameter.hasPrefix("q=") ? Double(parameter.dropFirst(2)) : nil
            }.first ?? 1
            return quality > 0 ? (language, quality) : nil
        }
        return ranked.max { $0.1 < $1.1 }?.0 ?? .en
    }

    private static func fromTag(_ tag: String) -> Language? {
        let primary = tag.lowercased().prefix { $0.isLetter }
        switch primary {
        case "nb", "nn", "no": return .nb
        case "en", "c", "posix": return .en
        default: return nil
        }
    }
}

/// A user-facing text in both languages, chosen when shown.
public struct Text: Sendable, Hashable {
    public var en: String
    public var nb: String

    public init(_ en: String, nb: String) {
        self.en = en
        self.nb = nb
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .nb: return nb
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
