import CShims
import Foundation

/// `sd_notify` without libsystemd: one datagram to `$NOTIFY_SOCKET`.
///
/// Why: with `Type=notify` systemd only considers the daemon started once it says READY=1 —
/// which we send after migrations have run and the socket listens — and can supervise it
/// with a watchdog. Outside systemd (`NOTIFY_SOCKET` unset) every call does nothing.
public struct SystemdNotifier: Sendable {
    let socketPath: String?

    public init(environment: [String: String]) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isActive: Bool { socketPath != nil }

    /// Sends `state` (e.g. "READY=1\nSTATUS=serving"); returns false when it could not.
    @discardableResult
    public func notify(_ state: String) -> Bool {
        guard let socketPath else { return false }
        let bytes = Array(state.utf8)
        return bytes.withUnsafeBytes { bshim_unix_sendto(socketPath, $0.baseAddress, $0.count) } == 0
    }

    /// The watchdog interval requested by systemd (WATCHDOG_USEC, for this process), in seconds.
    public static func watchdogInterval(environment: [String: String]) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Double(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != ProcessInfo.processInfo.processIdentifier { return nil }
        return microseconds / 1_000_000
    }
}
