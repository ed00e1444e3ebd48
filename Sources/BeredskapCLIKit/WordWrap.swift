/// `text` broken into lines of at most `width` display columns, at spaces.
///
/// Help and messages must fit the operator's terminal whatever language they are in, so the
/// measure is `displayWidth`, not character count. Runs of spaces, tabs and newlines collapse to
/// one space (a non-breaking space is kept, as its author intended). A word wider than `width` is
/// put on a line of its own rather than split: a socket path broken in two cannot be copied.
/// Returns no lines for text with no words.
public func wordWrap(_ text: String, width: Int) -> [String] {
    let limit = max(width, 1)
    let breaks: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(whereSeparator: { breaks.contains($0) }) {
        let wordWidth = displayWidth(String(word))
        if line.isEmpty {
            line = String(word)
            lineWidth = wordWidth
        } else if lineWidth + 1 + wordWidth <= limit {
            line += " " + word
            lineWidth += 1 + wordWidth
        } else {
            lines.append(line)
            line = String(word)
            lineWidth = wordWidth
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
