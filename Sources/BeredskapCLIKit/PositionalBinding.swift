/// Assigns positional words to a command's declared arguments.
///
/// Binding happens after all options are taken out, left to right: a required argument takes
/// one word, an optional one takes a word only if enough remain for the required arguments after
/// it, and a variadic (last) argument takes the rest. The first missing or left-over word is
/// reported by name, so "missing argument <text>" says exactly what to add.
enum PositionalBinding {
    static func bind(
        _ words: [String], to arguments: [ArgumentSpec], path: [String]
    ) throws(UsageError) -> [String: [String]] {
        var bound: [String: [String]] = [:]
        var remaining = words[...]
        for (index, argument) in arguments.enumerated() {
            let requiredAfter = arguments[(index + 1)...].filter { !$0.optional }.count
            let available = max(remaining.count - requiredAfter, 0)
            let take: Int
            if argument.variadic {
                take = available
            } else if argument.optional {
                take = min(available, 1)
            } else {
                take = remaining.isEmpty ? 0 : 1
            }
            if take == 0 {
                if !argument.optional { throw .missingArgument(argument.placeholder, path: path) }
                continue
            }
            let taken = Array(remaining.prefix(take))
            if let choices = argument.choices, let word = taken.first(where: { !choices.contains($0) }) {
                throw .notAChoice(argument: argument.placeholder, value: word, choices: choices, path: path)
            }
            bound[argument.name] = taken
            remaining = remaining.dropFirst(take)
        }
        if let extra = remaining.first {
            throw .unexpectedArgument(extra, path: path)
        }
        return bound
    }
}
