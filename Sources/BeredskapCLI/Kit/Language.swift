/// The language of help and messages.
///
/// Operators in Oslo work in Norwegian bokmål; the code, logs and API speak English. Nynorsk and
/// the generic "no" locale are served bokmål, which every Norwegian reader understands, rather
/// than falling back to English.
public enum Language: String, Sendable, CaseIterable {
    case en, nb

    /// The language named by a locale identifier or a plain code, ignoring region, encoding and
    /// modifier: "nb_NO.UTF-8", "nn", "no", "nb-NO" → `.nb`; "en_GB", "C", "POSIX" → `.en`.
    /// Anything else (e.g. "de_DE") is nil: not a language the CLI has text for.
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
    /// `BEREDSKAP_LANG` is the CLI's own override and wins when it names a language we have
    /// (an unknown value is ignored rather than silently switching to English). After it, the
    /// POSIX order for messages applies: the first *non-empty* of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// decides, so `LC_ALL=C` means English even if `LANG` is Norwegian. Default `.en`.
    /// (GNU `LANGUAGE` lists are not consulted: one variable less to explain to operators.)
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
}
