/// The bytes that put a full-screen frame on a terminal without flicker.
///
/// Why not "clear the screen, then draw": between the two the operator sees an empty screen,
/// and on a slow link a half-drawn one. Each row is instead written over the one before from
/// its first column, and only what is left of the old row is erased (`ESC [ K`). Rows are
/// reached by cursor position rather than by newlines, so a row that fills the last column
/// never scrolls the screen, and a full row is not followed by an erase (which, with the cursor
/// waiting at the right margin, would wipe its last character on many terminals).
public enum ScreenFrame {
    /// Enter the alternate screen (the shell's screen comes back untouched) and hide the cursor.
    public static let enter = "\u{1B}[?1049h\u{1B}[?25l"
    /// Show the cursor and leave the alternate screen.
    public static let leave = "\u{1B}[?25h\u{1B}[?1049l"

    /// One frame of `lines` on a screen of `width` × `height`: each line at its row, the rest
    /// of its row erased, and the rows below the last line erased. Lines must already fit
    /// (`displayWidth(line) <= width`, at most `height` of them); the renderer guarantees it.
    public static func paint(_ lines: [String], width: Int, height: Int) -> String {
        var frame = ""
        for (index, line) in lines.prefix(height).enumerated() {
            frame += "\u{1B}[\(index + 1);1H" + line
            if displayWidth(stripped(line)) < width { frame += "\u{1B}[K" }
        }
        // Below the last row the cursor could not go: erasing there would wipe that row.
        if lines.count < height { frame += "\u{1B}[\(lines.count + 1);1H\u{1B}[J" }
        return frame
    }

    /// `text` without its SGR sequences (`ESC [ … m`): what takes room on the screen.
    public static func stripped(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var result = ""
        var inSequence = false
        for character in text {
            if inSequence {
                if character == "m" { inSequence = false }
            } else if character == "\u{1B}" {
                inSequence = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
