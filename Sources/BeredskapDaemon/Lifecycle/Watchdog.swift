import BeredskapCore
import BeredskapSQLite
import Foundation
import Synchronization

/// Pings systemd's watchdog only while the daemon is actually working.
///
/// Why not a plain timer: a timer thread keeps ticking when the writer is wedged or the store
/// is unreadable, and systemd would never restart a daemon that no longer serves. Each ping
/// here first gets an answer from the writer (an empty transaction) and a read connection.
final class Watchdog: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    init(interval: Double, notifier: SystemdNotifier, services: DaemonServices) {
        // Ping at half the interval, as sd_watchdog_enabled(3) recommends.
        let period = max(interval / 2, 0.05)
        let thread = Thread { [self] in
            while !stopped.load(ordering: .acquiring) {
                if Self.isHealthy(services, timeout: period) { notifier.notify("WATCHDOG=1") }
                _ = wake.wait(timeout: .now() + period)
            }
            exited.signal()
        }
        thread.name = "beredskap-watchdog"
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .releasing)
        wake.signal()
        exited.wait()
    }

    static func isHealthy(_ services: DaemonServices, timeout: Double) -> Bool {
        let answered = DispatchSemaphore(value: 0)
        services.writer.submit(WriteCommand(actor: .system) { _ in CommandReply(status: 204, body: []) }) { outcome in
            if case .committed = outcome { answered.signal() }
        }
        guard answered.wait(timeout: .now() + timeout) == .success else { return false }
        return (try? services.readPool.read { try $0.scalarInt("SELECT 1") }) == 1
    }
}
