import BeredskapCore
/// The result of parsing a command line that asks to run something: which command, and what
/// was given to it (global options included).
///
/// Values stay strings here. Turning them into numbers, dates or enums is the command's
/// business (see the typed accessors), because only the command knows what a valid value is;
/// the parser checks only the fixed choices a spec declares (`OptionSpec.choices`), which
/// completion offers too, so that the list exists once.
public struct ParsedCommand: Sendable, Equatable {
    /// The subcommand names below the root: `["log", "add"]`.
    public var path: [String]
    /// The long names of the flags that were given.
    public var flags: Set<String>
    /// Long option name → its values, in the order given.
    public var optionValues: [String: [String]]
    /// Positional argument name → its words (one, or several for a variadic argument).
    public var argumentValues: [String: [String]]

    public init(
        path: [String] = [],
        flags: Set<String> = [],
        optionValues: [String: [String]] = [:],
        argumentValues: [String: [String]] = [:]
    ) {
        self.path = path
        self.flags = flags
        self.optionValues = optionValues
        self.argumentValues = argumentValues
    }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// The last value of `--name`, or nil when it was not given.
    public func value(_ name: String) -> String? {
        optionValues[name]?.last
    }

    /// Every value of a repeatable `--name`, in order.
    public func values(_ name: String) -> [String] {
        optionValues[name] ?? []
    }

    /// The word bound to the positional argument `name`.
    public func argument(_ name: String) -> String? {
        argumentValues[name]?.first
    }

    /// The words bound to a variadic positional argument.
    public func arguments(_ name: String) -> [String] {
        argumentValues[name] ?? []
    }

    /// A usage error about this command, for validation the parser cannot do
    /// (e.g. "--from must be before --to"); it carries the path so the hint names the command.
    public func usageError(_ message: Text) -> UsageError {
        UsageError(message: message, commandPath: path)
    }
}
