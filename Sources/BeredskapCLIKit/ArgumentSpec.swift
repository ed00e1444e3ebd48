import BeredskapCore
/// One positional argument of a command, such as the entry text in `beredskap log add TEXT`.
///
/// Positionals are bound in declaration order after options are taken out, so a command can
/// say "one required, then any number more" and get a precise message when something is
/// missing or left over.
public struct ArgumentSpec: Sendable {
    /// The name used to look the value up and shown in help as `<name>`.
    public var name: String
    public var help: Text
    /// Whether the command runs without it.
    public var optional: Bool
    /// Whether it takes all remaining words. Only the last argument may be variadic.
    public var variadic: Bool
    /// The only words it takes (`completion bash|zsh|fish`); nil: any word. The parser refuses
    /// another and completion offers these, from this one list.
    public var choices: [String]?

    public init(name: String, help: Text, optional: Bool = false, variadic: Bool = false, choices: [String]? = nil) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.choices = choices
    }

    /// Exactly one word, which must be given.
    public static func required(_ name: String, help: Text) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help)
    }

    /// Exactly one word of `choices`, which must be given.
    public static func choice(_ name: String, among choices: [String], help: Text) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, choices: choices)
    }

    /// Zero or one word of `choices`.
    public static func optionalChoice(_ name: String, among choices: [String], help: Text) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, optional: true, choices: choices)
    }

    /// Zero or one word.
    public static func optional(_ name: String, help: Text) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, optional: true)
    }

    /// All remaining words: zero or more when `optional` (the default), otherwise one or more.
    public static func variadic(_ name: String, help: Text, optional: Bool = true) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, optional: optional, variadic: true)
    }

    /// How help and usage show it: `<name>`, `<name>...`.
    public var placeholder: String { variadic ? "<\(name)>..." : "<\(name)>" }
}
