import BeredskapCore
/// One named option a command accepts: a flag (`--json`) or an option with a value
/// (`--since SEQ`, `--since=SEQ`, `-n SEQ`).
///
/// Commands declare their options as data rather than parsing by hand, so that parsing, error
/// messages, suggestions and help all come from one description and cannot drift apart.
public struct OptionSpec: Sendable {
    /// The long name without dashes: "since" for `--since`.
    public var name: String
    /// An optional one-letter alias: "n" for `-n`. Letters only, so "-5" stays a negative number.
    public var short: Character?
    /// The placeholder shown in help ("SEQ" in `--since SEQ`); nil makes the option a flag.
    public var valueName: String?
    public var help: Text
    /// Whether the option may be given several times; the values are kept in order.
    /// A non-repeatable option given twice is an error rather than "last one wins", so that
    /// `--subject a --subject b` cannot silently drop one of them.
    public var repeatable: Bool
    /// The only values the option takes (`--format md|html|json`); nil: any word the command
    /// checks itself. One list for all: the parser refuses another value (naming the nearest),
    /// and the shell completion scripts offer exactly these.
    public var choices: [String]?

    public init(
        name: String, short: Character? = nil, valueName: String?, help: Text, repeatable: Bool = false, choices: [String]? = nil
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.choices = choices
    }

    /// Whether the option is a flag (takes no value).
    public var isFlag: Bool { valueName == nil }

    /// A flag: present or absent, never given a value (`--json=yes` is an error).
    public static func flag(_ name: String, short: Character? = nil, help: Text) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    /// An option that takes a value, shown in help as `--name VALUE`.
    public static func option(
        _ name: String, short: Character? = nil, value: String, help: Text, repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: value, help: help, repeatable: repeatable)
    }

    /// An option whose value is one of `choices`, shown in help as `--name a|b|c`.
    public static func choice(_ name: String, short: Character? = nil, among choices: [String], help: Text) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: choices.joined(separator: "|"), help: help, choices: choices)
    }
}
