import BeredskapCore
/// Typed access to option values. Each throws a `UsageError` that names the option and the
/// offending value, so every command reports a bad number the same way, in both languages.
/// All return nil when the option was not given; the caller supplies its own default.
extension ParsedCommand {
    /// `--name` as an integer ("+5" and "-5" allowed).
    public func int(_ name: String) throws(UsageError) -> Int? {
        try converted(name, expected: Text("an integer", nb: "et heltall")) { Int($0) }
    }

    /// `--name` as an integer within `range` (inclusive).
    public func int(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        let expected = Text(
            "an integer from \(range.lowerBound) to \(range.upperBound)",
            nb: "et heltall fra \(range.lowerBound) til \(range.upperBound)")
        return try converted(name, expected: expected) { Int($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// `--name` as an integer ≥ 1 (counts, limits).
    public func positiveInt(_ name: String) throws(UsageError) -> Int? {
        try converted(name, expected: Text("a positive integer", nb: "et positivt heltall")) {
            Int($0).flatMap { $0 >= 1 ? $0 : nil }
        }
    }

    /// `--name` as an integer ≥ 0 (sequence numbers, offsets).
    public func nonNegativeInt(_ name: String) throws(UsageError) -> Int? {
        try converted(name, expected: Text("a non-negative integer", nb: "et ikke-negativt heltall")) {
            Int($0).flatMap { $0 >= 0 ? $0 : nil }
        }
    }

    /// `--name` as one of a fixed set of words (e.g. `--lang en|nb`); a near miss is named
    /// in the error (`--kind transitt`: did you mean 'transit'?).
    public func choice(_ name: String, among choices: [String]) throws(UsageError) -> String? {
        guard let raw = value(name) else { return nil }
        guard choices.contains(raw) else { throw UsageError.notAChoice(option: "--\(name)", value: raw, choices: choices, path: path) }
        return raw
    }

    /// `--name` as a positive duration of exact length: `30m`, `2h`, `1h30m`, `1d`, `90s` or
    /// ISO 8601 (`PT2H`); see `HumanDuration`. Months and years are refused (no fixed length).
    public func duration(_ name: String) throws(UsageError) -> FixedDuration? {
        let expected = Text(
            "a duration such as \(HumanDuration.examples)", nb: "en varighet som \(HumanDuration.examples)")
        return try converted(name, expected: expected) { text in
            HumanDuration.parse(text)?.fixedMilliseconds.flatMap { $0 > 0 ? FixedDuration(milliseconds: $0) : nil }
        }
    }

    private func converted<T>(
        _ name: String, expected: Text, _ convert: (String) -> T?
    ) throws(UsageError) -> T? {
        guard let raw = value(name) else { return nil }
        guard let result = convert(raw) else {
            throw UsageError.invalidValue(option: "--\(name)", value: raw, expected: expected, path: path)
        }
        return result
    }
}
