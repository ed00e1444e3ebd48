import Foundation
import Synchronization

/// The daemon's own log: one line per message on standard error.
///
/// Why standard error: under systemd it goes to the journal; from a terminal it is visible.
/// When the journal is reading us (`JOURNAL_STREAM` is set), lines carry the `<N>` priority
/// prefix journald understands, so `journalctl -p warning` works without a logging library.
public enum DaemonLog {
    public enum Level: Int, Sendable, Comparable {
        case error = 3
        case warning = 4
        case info = 6
        case debug = 7

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue > rhs.rawValue }

        var label: String {
            switch self {
            case .error: "error"
            case .warning: "warning"
            case .info: "info"
            case .debug: "debug"
            }
        }
    }

    private static let settings = Mutex((journal: ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil,
                                         minimum: Level.info, quiet: false))

    /// Silences everything below errors (tests that start many daemons in-process).
    public static func setQuiet(_ quiet: Bool) { settings.withLock { $0.quiet = quiet } }

    public static func error(_ message: String) { write(.error, message) }
    public static func warning(_ message: String) { write(.warning, message) }
    public static func info(_ message: String) { write(.info, message) }

    static func write(_ level: Level, _ message: String) {
        let (journal, minimum, quiet) = settings.withLock { ($0.journal, $0.minimum, $0.quiet) }
        guard level >= minimum, !quiet || level == .error else { return }
        let line = journal ? "<\(level.rawValue)>\(message)\n" : "beredskapd: \(level.label): \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
