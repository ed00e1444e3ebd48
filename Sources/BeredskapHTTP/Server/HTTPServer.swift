import BeredskapHTTPParser
import CShims
import Dispatch
import Glibc
import Synchronization

/// An HTTP/1.1 server over a listening Unix socket, generic over the handler that answers.
///
/// The server owns the listening descriptor once started and closes it on shutdown; creating
/// the socket safely (or receiving it from systemd) is `UnixSocketListener`'s job.
public final class HTTPServer<Handler: HTTPHandler>: Sendable {
    private let shared: ServerShared<Handler>
    private let loops: [EventLoop<Handler>]
    private let state = Mutex(State.created)

    private enum State { case created, running, stopped }

    public init(handler: Handler, configuration: HTTPServerConfiguration = HTTPServerConfiguration()) throws {
        let shared = ServerShared(handler: handler, configuration: configuration)
        self.shared = shared
        loops = try (0..<max(1, configuration.eventLoops)).map { _ in try EventLoop(shared: shared) }
    }

    /// Connections currently open.
    public var openConnections: Int { shared.openConnections.load(ordering: .relaxed) }

    public var configuration: HTTPServerConfiguration { shared.configuration }

    /// Starts the loops and accepting on `listener` (a listening, non-blocking socket).
    public func start(listener: Int32) {
        let started = state.withLock { state -> Bool in
            guard state == .created else { return false }
            state = .running
            return true
        }
        guard started else { return }
        let shared = shared, loops = loops
        loops[0].listen(on: listener) { fd in
            Self.admit(fd, shared: shared, loops: loops)
        }
        for (index, loop) in loops.enumerated() { loop.start(name: "beredskap-http-\(index)") }
    }

    /// Graceful shutdown: stop accepting, let requests in flight finish (up to `gracePeriod`
    /// seconds), end streams, let the handler finish its own work (`serverWillStop`), then
    /// close whatever is left and stop the loops. Blocks until done.
    public func shutdown(gracePeriod: Double) {
        let wasRunning = state.withLock { state -> Bool in
            defer { state = .stopped }
            return state == .running
        }
        guard wasRunning else { return }
        for loop in loops {
            shared.drained.enter()
            loop.execute { loop.beginDrain() }
        }
        _ = shared.drained.wait(timeout: .now() + gracePeriod)
        shared.handler.serverWillStop()
        for loop in loops { loop.execute { loop.stop() } }
        for loop in loops { loop.exited.wait() }
    }

    /// Places an accepted socket on a loop. Over the limit, the loop gives it the slot of its
    /// slowest client, or answers it 503 when none is slow (`maxConnections`).
    private static func admit(_ fd: Int32, shared: ServerShared<Handler>, loops: [EventLoop<Handler>]) {
        guard let peer = PeerCredentials.of(fileDescriptor: fd) else {
            Glibc.close(fd)
            return
        }
        let open = shared.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        let first = shared.nextLoopIndex(count: loops.count)
        let loop = loops[first]
        guard open > shared.configuration.maxConnections else {
            if loop.isCurrentThread { loop.register(fd, peer: peer) } else { loop.execute { loop.register(fd, peer: peer) } }
            return
        }
        // Each loop in turn, from the chosen one, until one has a connection to give up.
        let order = Array(loops[first...] + loops[..<first])
        if loop.isCurrentThread {
            loop.registerInPlaceOfSlowest(fd, peer: peer, thenTry: order.dropFirst())
        } else {
            loop.execute { loop.registerInPlaceOfSlowest(fd, peer: peer, thenTry: order.dropFirst()) }
        }
    }
}
