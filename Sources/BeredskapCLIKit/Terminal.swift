#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the CLI needs to know about the terminal it writes to: whether there is one (for
/// `TextStyle.detect`) and how wide it is (for wrapping help).
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
}
