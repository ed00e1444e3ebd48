/// A stream (stdout or stderr) that ends with a newline once the program is done with it.
///
/// Why in one place: help, tables, messages and errors are written by many functions, and
/// one that forgets the final "\n" leaves the shell's next prompt glued to the output. The
/// CLI writes through these and calls `finish()` on its way out, so no command can forget.
public final class LineTerminatedStream {
    private let write: (String) -> Void
    private var atLineStart = true

    public init(_ write: @escaping (String) -> Void) {
        self.write = write
    }

    public func callAsFunction(_ text: String) {
        guard let last = text.utf8.last else { return }
        write(text)
        atLineStart = last == UInt8(ascii: "\n")
    }

    /// Ends the last line, if something was written and it did not end one.
    public func finish() {
        guard !atLineStart else { return }
        write("\n")
        atLineStart = true
    }
}
