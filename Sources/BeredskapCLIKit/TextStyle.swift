/// ANSI styling that switches itself off when it would get in the way.
///
/// Escape codes are noise in a pipe, a log file or a `dumb` terminal, and some operators cannot
/// tell red from green or simply do not want colour; so styling is one value decided once at
/// start-up and passed down, and every styled string is plain text when it is disabled.
/// Each style resets only its own attribute (bold with 22, colours with 39), so styles nest:
/// `bold(red(x))` stays bold after the red ends.
public struct TextStyle: Sendable, Equatable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// No styling (pipes, files, tests).
    public static let plain = TextStyle(enabled: false)

    /// Colour only when the stream is a TTY, `NO_COLOR` is unset (any value, even empty,
    /// disables it, as no-color.org specifies), `TERM` is not "dumb", and `--no-color` was
    /// not given. An unset `TERM` does not disable colour.
    public static func detect(isTTY: Bool, environment: [String: String], noColorFlag: Bool) -> TextStyle {
        TextStyle(enabled: isTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" && !noColorFlag)
    }

    public func bold(_ s: String) -> String { styled(s, on: "1", off: "22") }
    public func dim(_ s: String) -> String { styled(s, on: "2", off: "22") }
    public func red(_ s: String) -> String { styled(s, on: "31", off: "39") }
    public func yellow(_ s: String) -> String { styled(s, on: "33", off: "39") }
    public func green(_ s: String) -> String { styled(s, on: "32", off: "39") }

    private func styled(_ s: String, on: String, off: String) -> String {
        guard enabled, !s.isEmpty else { return s }
        return "\u{1B}[\(on)m\(s)\u{1B}[\(off)m"
    }
}
