import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Foundation
import Glibc

/// Why the daemon (or a world it opens) could not start. One line, saying what to do.
public struct StartupError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A started daemon: a world open on the state directory, its socket listening. `stop()`
/// shuts it down in order. Used by `beredskapd` and by tests that want the real thing in-process.
public final class RunningDaemon: Sendable {
    public let world: World
    public let services: DaemonServices
    public let socketPath: String
    public let configurationFile: String?
    private let server: HTTPServer<APIHandler>
    private let listener: UnixSocketListener
    private let stateLock: Int32

    /// Opens the world on the state directory, binds the socket and starts serving.
    /// - Parameters:
    ///   - configurationFile: the file the configuration came from (nil: embedded); SIGHUP re-reads it.
    ///   - additionalRoutes: served beside the API's own (tests bring routes of their own).
    public init(
        configuration: DaemonConfiguration, configurationFile: String?, environment: [String: String],
        clock: any WallClock = SystemWallClock(),
        identityResolver: any IdentityResolver = CachingIdentityResolver(SystemIdentityResolver()),
        additionalRoutes: [Route] = []
    ) throws(StartupError) {
        let startedAt = monotonicNanosecondsNow()
        guard let calendar = LocalCalendar(identifier: configuration.timeZone) else {
            throw StartupError("unknown time zone \(configuration.timeZone)")
        }
        let directory = configuration.state.directory
        try Self.makeStateDirectory(directory)
        stateLock = try Self.lockStateDirectory(directory)
        do {
            world = try World(configuration: configuration, calendar: calendar, clock: clock)
        } catch {
            Glibc.close(stateLock)
            throw error
        }

        do {
            if let activated = try UnixSocketListener.fromSystemd(environment: environment) {
                listener = activated
            } else {
                var options = UnixSocketListener.Options(path: configuration.socketPath)
                options.mode = configuration.socket.mode
                options.groupID = try Self.groupID(configuration.socket.group)
                listener = try UnixSocketListener.bind(options)
            }
        } catch {
            world.stop()
            world.close()
            Glibc.close(stateLock)
            throw error as? StartupError ?? StartupError("\(error)")
        }
        socketPath = listener.createdPath ?? configuration.socketPath
        self.configurationFile = configurationFile

        services = DaemonServices(
            world: world, metrics: Metrics(), identityResolver: identityResolver,
            settings: DaemonServices.Settings(
                configuration: configuration,
                policy: AccessPolicy(roles: configuration.access.roles, daemonUID: getuid()), calendar: calendar),
            startedAtNanoseconds: startedAt)
        let handler = APIHandler(router: Router(routes: APIRoutes.all(services) + additionalRoutes), services: services)
        do {
            server = try HTTPServer(handler: handler, configuration: configuration.serverConfiguration)
        } catch {
            world.stop()
            world.close()
            listener.removeSocketFile()
            Glibc.close(listener.fileDescriptor)
            Glibc.close(stateLock)
            throw StartupError("could not start the HTTP server: \(error)")
        }
        let server = server
        services.countConnections { server.openConnections }
        // Recorded before the first request can be served, so every client sees it.
        recordLifecycleEvent(
            ServiceEvents.started,
            ServiceEvents.Started(
                version: APIContract.serverVersion, pid: Int64(getpid()),
                configuration: configurationFile ?? ConfigurationLoader.embeddedName, socket: socketPath,
                socketActivated: listener.isSocketActivated))
        // Runs that were going when the daemon last stopped ended with it.
        do {
            try services.exercises.stopInterrupted()
        } catch {
            DaemonLog.error("could not mark the interrupted exercises stopped: \(error)")
        }
        world.start()
        do {
            try world.waitForIntegrityCheck()
        } catch {
            world.stop()
            world.close()
            listener.removeSocketFile()
            Glibc.close(listener.fileDescriptor)
            Glibc.close(stateLock)
            throw error
        }
        server.start(listener: listener.fileDescriptor)
    }

    /// Graceful shutdown: stop accepting, finish requests in flight, stop the exercises (each
    /// records that it stopped), stop the engines, record the stop, close the store, remove
    /// the socket.
    public func stop() {
        server.shutdown(gracePeriod: services.configuration.shutdown.gracePeriod.seconds)
        services.exercises.stopAll()
        world.stop()
        recordLifecycleEvent(ServiceEvents.stopped, ServiceEvents.Stopped(pid: Int64(getpid())))
        world.close()
        listener.removeSocketFile()
        Glibc.close(stateLock)
    }

    /// Re-reads the configuration file. Settings that need a restart are reported and keep
    /// their running values; an invalid file changes nothing.
    /// - Returns: the problems, empty when the reload took effect.
    @discardableResult
    public func reload() -> (applied: [String], restartRequired: [String], error: String?) {
        let loaded: DaemonConfiguration
        do {
            loaded = try ConfigurationLoader.load(file: configurationFile)
        } catch {
            recordLifecycleEvent(ServiceEvents.configReloadFailed, ServiceEvents.ConfigReloadFailed(error: error.description))
            return ([], [], error.description)
        }
        var current = services.currentSettings
        let running = current.configuration
        var new = loaded
        // What the command line overrode stays overridden.
        new.state.directory = running.state.directory
        new.socket.path = running.socket.path
        let restartRequired = ConfigurationDiff.restartRequired(from: running, to: new)
        let applied = ConfigurationDiff.liveChanges(from: running, to: new)
        if let calendar = LocalCalendar(identifier: new.timeZone) { current.calendar = calendar }
        current.policy = AccessPolicy(roles: new.access.roles, daemonUID: getuid())
        current.configuration = ConfigurationDiff.keepingRestartOnly(running, appliedFrom: new)
        services.replaceSettings(current)
        world.reconfigure(from: running, to: current.configuration, calendar: current.calendar)
        recordLifecycleEvent(
            ServiceEvents.configReloaded, ServiceEvents.ConfigReloaded(applied: applied, restartRequired: restartRequired))
        reloadPlaybooks()
        return (applied, restartRequired, nil)
    }

    /// SIGHUP re-reads the action cards too; an invalid set is refused (recorded with every
    /// problem) and the running set stays.
    private func reloadPlaybooks() {
        switch world.reloadPlaybooks(services.configuration) {
        case .success(let set):
            recordLifecycleEvent(PlaybookEvents.reloaded, PlaybookEvents.Reloaded(playbooks: set.playbooks.map(\.id)))
        case .failure(let failure):
            DaemonLog.error("playbook reload refused; the running set stays:\n\(failure)")
            recordLifecycleEvent(
                PlaybookEvents.reloadFailed, PlaybookEvents.ReloadFailed(problems: failure.problems.map { $0.message(.en) }))
        }
    }

    private func recordLifecycleEvent<Payload>(_ type: EventType<Payload>, _ payload: Payload) {
        let outcome = world.writer.perform(
            WriteCommand(actor: .system) { transaction in
                try transaction.appendSystemEvent(type, payload, subject: "daemon")
                return CommandReply(status: 204, body: [])
            })
        if case .storeFailed(let error) = outcome { DaemonLog.error("could not record \(type): \(error)") }
    }

    static func makeStateDirectory(_ path: String) throws(StartupError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StartupError("the state directory \(path) exists but is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw StartupError("cannot create the state directory \(path): \(error.localizedDescription)")
        }
    }

    /// One daemon per state directory, even when they were given different sockets.
    static func lockStateDirectory(_ directory: String) throws(StartupError) -> Int32 {
        let path = (directory as NSString).appendingPathComponent("beredskapd.lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StartupError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            throw StartupError("another beredskapd is already using the state directory \(directory) (\(path) is locked)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        return fd
    }

    private static func groupID(_ group: String?) throws(StartupError) -> UInt32? {
        guard let group else { return nil }
        if let numeric = UInt32(group) { return numeric }
        guard let gid = SystemIdentityResolver.groupID(named: group) else {
            throw StartupError("socket.group: no such group '\(group)' (create it, or set socket.group to null)")
        }
        return gid
    }
}
