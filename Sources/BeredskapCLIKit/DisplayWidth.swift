/// The number of terminal columns `s` occupies.
///
/// Tables and help are aligned by what the operator sees, not by `count` or UTF-8 length:
/// "Østensjø" is 8 columns whether "ø" arrives precomposed or as "o" + combining stroke, and a
/// Chinese name or an emoji takes 2. The string is measured per Character (grapheme cluster),
/// so a base letter with combining marks counts once.
///
/// Rules per cluster: emoji presentation (🚨, 🇳🇴, 👩‍👩‍👧, or a text emoji with U+FE0F as in
/// "❤️") is 2; otherwise the first scalar that is not zero-width decides: East Asian Wide or
/// Fullwidth is 2, anything else printable 1. Controls, combining marks and format characters
/// (zero-width space, joiners, soft hyphen) are 0. Terminals disagree about a few scripts;
/// these rules match the common ones (VTE, xterm, iTerm2, Windows Terminal) for Latin, CJK and emoji.
public func displayWidth(_ s: String) -> Int {
    s.reduce(0) { $0 + displayWidth(of: $1) }
}

/// `s` cut to at most `width` columns, ending in "…" when something was cut.
/// Cutting is by grapheme cluster, so no letter loses its accent and no emoji is split.
public func truncated(_ s: String, toDisplayWidth width: Int) -> String {
    guard width > 0 else { return "" }
    guard displayWidth(s) > width else { return s }
    var result = ""
    var used = 0
    for character in s {
        let w = displayWidth(of: character)
        if used + w > width - 1 { break }
        result.append(character)
        used += w
    }
    return result + "…"
}

/// The width of one grapheme cluster.
func displayWidth(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.properties.isEmojiPresentation { return 2 }
    if first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
    for scalar in scalars {
        let width = displayWidth(of: scalar)
        if width > 0 { return width }
    }
    return 0
}

/// The width of one scalar outside any emoji sequence.
private func displayWidth(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    // Hangul medial vowels and final consonants only ever follow a leading consonant.
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    return EastAsianWidth.isWide(scalar) ? 2 : 1
}

/// `count` spaces (none for zero or less).
func spaces(_ count: Int) -> String {
    String(repeating: " ", count: max(count, 0))
}
