/// The languages people read beredskap in.
///
/// Operators and coordination groups in Oslo work in Norwegian bokmål; code, logs and the API's
/// field names are English. Nynorsk and the generic "no" locale get bokmål, which every
/// Norwegian reader understands, rather than falling back to English.
public enum Language: String, Sendable, CaseIterable {
    case en, nb

    /// The language named by a locale identifier or a plain code, ignoring region, encoding and
    /// modifier: "nb_NO.UTF-8", "nn", "no", "nb-NO" → `.nb`; "en_GB", "C", "POSIX" → `.en`.
    /// Anything else (e.g. "de_DE") is nil: not a language we have text for.
    public init?(identifier: String) {
        let code = identifier
            .prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }
            .lowercased()
        switch code {
        case "nb", "nn", "no": self = .nb
        case "en", "c", "posix": self = .en
        default: return nil
        }
    }

    /// The language from the environment.
    ///
    /// `BEREDSKAP_LANG` is our own override and wins when it names a language we have (an
    /// unknown value is ignored rather than silently switching to English). After it, the POSIX
    /// order for messages applies: the first *non-empty* of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// decides, so `LC_ALL=C` means English even if `LANG` is Norwegian. Default `.en`.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        if let own = env["BEREDSKAP_LANG"], let language = Language(identifier: own) {
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[name], !value.isEmpty {
                return Language(identifier: value) ?? .en
            }
        }
        return .en
    }

    /// From an HTTP `Accept-Language` header: the acceptable language with the highest q-value
    /// (the first on ties); English when the header is absent or names nothing we have.
    public static func fromAcceptLanguage(_ header: String?) -> Language {
        guard let header else { return .en }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" } }
            guard let tag = parts.first, let language = Language(identifier: String(tag)) else { continue }
            let quality = parts.dropFirst().compactMap { $0.hasPrefix("q=") ? Double($0.dropFirst(2)) : nil }.first ?? 1
            if quality > 0 && quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }
}

/// A piece of user-facing text in every language we speak.
///
/// Messages are built where the facts are (the parser knows which option was unknown, the
/// route which field was wrong), but the language is decided later (from `--lang`, the
/// environment, or `Accept-Language`), so both renderings travel together and the caller picks
/// one at print time. Keeping them side by side in the source makes a missing translation
/// visible in review.
public struct Text: Sendable, Hashable {
    public var en: String
    public var nb: String

    public init(_ en: String, nb: String) {
        self.en = en
        self.nb = nb
    }

    /// The text in `language`: `message(.nb)`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: en
        case .nb: nb
        }
    }

    /// Both renderings with `other` appended (for composing a message from parts).
    public static func + (lhs: Text, rhs: Text) -> Text {
        Text(lhs.en + rhs.en, nb: lhs.nb + rhs.nb)
    }
}
