import BeredskapCore
/// Every usage message, in one place so the wording (and its translation) stays consistent.
/// English quotes names as 'x', Norwegian as «x», as each language's typography expects.
extension UsageError {
    static func unknownOption(_ option: String, suggestion: String?, path: [String]) -> UsageError {
        UsageError(
            message: Text("unknown option '\(option)'", nb: "ukjent valg «\(option)»") + didYouMean(suggestion),
            commandPath: path)
    }

    static func unknownCommand(_ word: String, suggestion: String?, path: [String]) -> UsageError {
        UsageError(
            message: Text("unknown command '\(word)'", nb: "ukjent kommando «\(word)»") + didYouMean(suggestion),
            commandPath: path)
    }

    static func missingValue(option: String, valueName: String, path: [String]) -> UsageError {
        UsageError(
            message: Text(
                "option '\(option)' needs a value (\(valueName))",
                nb: "valget «\(option)» trenger en verdi (\(valueName))"),
            commandPath: path)
    }

    static func flagWithValue(option: String, path: [String]) -> UsageError {
        UsageError(
            message: Text(
                "option '\(option)' is a flag and takes no value",
                nb: "valget «\(option)» er et flagg og tar ingen verdi"),
            commandPath: path)
    }

    static func repeatedOption(_ option: String, path: [String]) -> UsageError {
        UsageError(
            message: Text(
                "option '\(option)' may be given only once",
                nb: "valget «\(option)» kan bare gis én gang"),
            commandPath: path)
    }

    static func optionOfParent(_ option: String, owner: String, chosen: String, path: [String]) -> UsageError {
        UsageError(
            message: Text(
                "option '\(option)' belongs to '\(owner)', not to '\(chosen)'",
                nb: "valget «\(option)» hører til «\(owner)», ikke til «\(chosen)»"),
            commandPath: path)
    }

    static func missingArgument(_ placeholder: String, path: [String]) -> UsageError {
        UsageError(
            message: Text("missing argument \(placeholder)", nb: "mangler argumentet \(placeholder)"),
            commandPath: path)
    }

    static func unexpectedArgument(_ word: String, path: [String]) -> UsageError {
        UsageError(
            message: Text("unexpected argument '\(word)'", nb: "uventet argument «\(word)»"),
            commandPath: path)
    }

    /// An option's value that does not parse; public for commands that check a value of their own.
    public static func invalidValue(
        option: String, value: String, expected: Text, suggestion: String? = nil, path: [String]
    ) -> UsageError {
        UsageError(
            message: Text(
                "option '\(option)' expects \(expected.en), got '\(value)'",
                nb: "valget «\(option)» forventer \(expected.nb), fikk «\(value)»") + didYouMean(suggestion),
            commandPath: path)
    }

    /// A value outside an option's declared choices.
    static func notAChoice(option: String, value: String, choices: [String], path: [String]) -> UsageError {
        invalidValue(option: option, value: value, expected: oneOf(choices), suggestion: Suggestion.closest(to: value, among: choices), path: path)
    }

    /// A word outside an argument's declared choices.
    static func notAChoice(argument: String, value: String, choices: [String], path: [String]) -> UsageError {
        UsageError(
            message: Text(
                "argument \(argument) expects \(oneOf(choices).en), got '\(value)'",
                nb: "argumentet \(argument) forventer \(oneOf(choices).nb), fikk «\(value)»")
                + didYouMean(Suggestion.closest(to: value, among: choices)),
            commandPath: path)
    }

    static func oneOf(_ choices: [String]) -> Text {
        let list = choices.joined(separator: ", ")
        return Text("one of: \(list)", nb: "én av: \(list)")
    }

    private static func didYouMean(_ suggestion: String?) -> Text {
        guard let suggestion else { return Text("", nb: "") }
        return Text(" (did you mean '\(suggestion)'?)", nb: " (mente du «\(suggestion)»?)")
    }
}
