/// A piece of user-facing text in every language the CLI speaks.
///
/// Messages are built where the facts are (the parser knows which option was unknown), but the
/// language is decided much later (from `--lang` or the environment), so both renderings travel
/// together and the caller picks one at print time. Keeping them side by side in the source also
/// makes a missing translation visible in review.
public struct Text: Sendable, Equatable {
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
