#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the CLI needs to know about the terminal it writes to: whether there is one (for
/// `TextStyle.detect`), how wide it is (for wrapping help) and how large (a full screen).
public enum Terminal {
    /// Whether `fileDescriptor` is a terminal (e.g. `STDOUT_FILENO`).
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// The width to wrap to: `COLUMNS` when it is a positive number (the user's explicit say),
    /// else the terminal's size, else 80 (a pipe or a file has no width).
    public static func columns(fileDescriptor: Int32, environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// The terminal's columns and rows from the kernel (`TIOCGWINSZ`), ignoring `COLUMNS`: a
    /// full-screen program follows the real size as it changes; nil when it has none.
    public static func size(fileDescriptor: Int32) -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// A terminal's input switched to single keys without echo, and back.
///
/// Why: a full-screen program reads `q` as it is pressed, and Ctrl-C as a key (signals off),
/// so that it can put the terminal back the way it found it before it ends. `restore()` must
/// run on every way out; it is safe to call more than once.
public final class RawInput {
    private let fileDescriptor: Int32
    private var saved: termios
    private var active = true

    /// Switches `fileDescriptor` (a terminal) to raw input; nil when it is not a terminal.
    public init?(fileDescriptor: Int32) {
        var original = termios()
        guard tcgetattr(fileDescriptor, &original) == 0 else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        guard tcsetattr(fileDescriptor, TCSANOW, &raw) == 0 else { return nil }
        self.fileDescriptor = fileDescriptor
        saved = original
    }

    /// The terminal's input as it was before.
    public func restore() {
        guard active else { return }
        active = false
        _ = tcsetattr(fileDescriptor, TCSANOW, &saved)
    }

    deinit { restore() }
}
