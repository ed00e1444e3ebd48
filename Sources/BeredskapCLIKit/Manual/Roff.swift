/// Escaping text for roff, so that whatever a help text says prints as written.
///
/// - a backslash is `\e`; a `-` that starts a word (`--json`, `-o`) or follows one is `\-`,
///   the minus sign man(7) asks for, so options copy and search as typed;
/// - everything outside ASCII is `\[uXXXX]`, which groff and mandoc read whatever the locale;
/// - a line that would start with `.` or `'` (a request) starts with `\&`.
public enum Roff {
    /// One line of running text: newlines and tabs become spaces.
    /// - Parameter everyMinus: every `-` as `\-`, for a name that is all option or command (`--state-dir`).
    public static func escape(_ text: String, everyMinus: Bool = false) -> String {
        var output = ""
        var previous: Character = " "
        for character in text {
            switch character {
            case "\\": output += "\\e"
            case "-" where everyMinus || previous == " " || previous == "-" || previous == "(" || previous == "[" || previous == "|"
                || previous == "'" || previous == "`" || previous == "=" || previous == "\"":
                output += "\\-"
            case "\n", "\t": output += " "
            default:
                if character.isASCII {
                    output.append(character)
                } else {
                    for scalar in character.unicodeScalars {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        output += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
                    }
                }
            }
            previous = character
        }
        return guardLine(output)
    }

    /// A request line's quoted argument: `"a b"`, with `"` written `\(dq`.
    public static func argument(_ text: String) -> String {
        "\"" + escape(text).replacing("\"", with: "\\(dq") + "\""
    }

    /// `\&` before a line that would otherwise be read as a request.
    static func guardLine(_ line: String) -> String {
        line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }
}
