import BeredskapCore
import BeredskapDaemon
import Foundation
import Glibc

/// The throw-away daemon of `beredskap demo`: a real `beredskapd` started in this process
/// through its composition root (`RunningDaemon`), with its state and socket in a fresh
/// temporary directory, and the checkout's action cards and scenarios.
///
/// Why in-process: `swift run beredskap` builds only the `beredskap` product, so a demo that
/// spawned `beredskapd` would fail on a fresh clone; this way one command is all it takes, and
/// the CLI still talks to the daemon over its socket like any command. The only file of the
/// CLI that starts a daemon.
final class DemoDaemon {
    let directory: String
    private let daemon: RunningDaemon
    private var stopped = false

    var socketPath: String { daemon.socketPath }

    /// - Parameter playbooks: the checkout's `Playbooks/` (the scenarios are in its `exercises/`).
    init(playbooks: String) throws(CommandFailure) {
        // Short and under /tmp: a socket path must fit in 108 bytes.
        var template = Array("/tmp/beredskap-demo-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw .message(Text(
                "cannot create a temporary directory: \(String(cString: strerror(errno)))",
                nb: "kan ikke lage en midlertidig mappe: \(String(cString: strerror(errno)))"), .refused)
        }
        directory = String(cString: made)
        do {
            var configuration = try ConfigurationLoader.loadEmbedded()
            configuration.state.directory = directory
            configuration.socket.path = nil
            configuration.playbooks.directory = playbooks
            DaemonLog.setQuiet(true)
            daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw .message(Text("the demo daemon did not start: \(error)", nb: "demotjenesten startet ikke: \(error)"), .refused)
        }
    }

    /// Stops the daemon and removes its directory, once however often it is called: true the
    /// first time.
    @discardableResult
    func stop() -> Bool {
        guard !stopped else { return false }
        stopped = true
        daemon.stop()
        try? FileManager.default.removeItem(atPath: directory)
        return true
    }

    deinit { stop() }
}
