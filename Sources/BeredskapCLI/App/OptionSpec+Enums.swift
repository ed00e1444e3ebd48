import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON

extension OptionSpec {
    /// An option whose value is one of `Value`'s cases, shown in help as `--name VALUE`: the
    /// parser refuses another value (naming the nearest) and completion offers them, from the
    /// enum the command then reads the value as (`ParsedCommand.enumValue`).
    static func oneOf<Value: JSONStringEnum>(
        _ name: String, short: Character? = nil, value: String, _ type: Value.Type, help: Text
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: value, help: help, choices: choices(of: type))
    }

    static func choices<Value: JSONStringEnum>(of type: Value.Type) -> [String] { Value.allCases.map(\.rawValue) }
}
