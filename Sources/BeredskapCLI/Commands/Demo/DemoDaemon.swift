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

    /// Where the temporary directories are made: short, as a socket path must fit in 108 bytes.
    static let parent = "/tmp"
    static let prefix = "beredskap-demo-"

    /// - Parameter playbooks: the checkout's `Playbooks/` (the scenarios are in its `exercises/`).
    init(playbooks: String) throws(CommandFailure) {
        Self.removeAbandoned()
        var template = Array("\(Self.parent)/\(Self.prefix)XXXXXX".utf8CString)
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

    /// Removes the directories of earlier demos that died without cleaning up (killed, or
    /// ended by SIGPIPE when their output was a pipe that closed): this user's, whose state
    /// lock nobody holds — a running demo's daemon holds it — or, without a lock file (a demo
    /// that died before its daemon started), older than an hour.
    static func removeAbandoned() {
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            let directory = parent + "/" + name
            guard let attributes = try? files.attributesOfItem(atPath: directory),
                (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid()
            else { continue }
            let lock = open(directory + "/beredskapd.lock", O_RDWR | O_CLOEXEC | O_NOFOLLOW)
            if lock < 0 {
                let modified = attributes[.modificationDate] as? Date ?? Date()
                if Date().timeIntervalSince(modified) > 3600 { try? files.removeItem(atPath: directory) }
                continue
            }
            defer { close(lock) }
            if flock(lock, LOCK_EX | LOCK_NB) == 0 { try? files.removeItem(atPath: directory) }
        }
    }
}
