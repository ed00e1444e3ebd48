import BeredskapHTTPParser
import CShims
import Dispatch
import Foundation
import Glibc
import Synchronization

/// State shared by all loops of one server.
final class ServerShared<Handler: HTTPHandler>: Sendable {
    let handler: Handler
    let configuration: HTTPServerConfiguration
    let openConnections = Atomic<Int>(0)
    private let nextConnectionID = Atomic<UInt64>(16)  // 0 and 1 are the wake-up fd and the listener
    private let nextLoop = Atomic<Int>(0)
    let drained = DispatchGroup()

    init(handler: Handler, configuration: HTTPServerConfiguration) {
        self.handler = handler
        self.configuration = configuration
    }

    func makeConnectionID() -> UInt64 { nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue }

    /// Round-robin placement of accepted connections.
    func nextLoopIndex(count: Int) -> Int { nextLoop.wrappingAdd(1, ordering: .relaxed).oldValue % count }

    /// Best-effort answer to a connection the server will not serve, then closed. It never
    /// blocks the loop: a client that cannot take a few hundred bytes at once just sees the close.
    func refuse(_ fd: Int32, with failure: HTTPConnectionFailure) {
        var response = handler.errorResponse(for: failure)
        response.head.headers.replaceOrAdd("Connection", "close")
        let bytes = HTTPResponseEncoder.encode(response.head, body: response.body)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
    }
}

/// One thread running an epoll set over its connections.
///
/// Why an event loop and not a thread per connection: with group commit, one batch completes
/// dozens of requests at once; a loop takes all their answers in one wake-up instead of
/// dozens of thread switches, and a few loops (one per core) serve hundreds of idle or
/// streaming connections without hundreds of stacks.
final class EventLoop<Handler: HTTPHandler>: ConnectionLoop, @unchecked Sendable {
    // @unchecked: `tasks`, `threadID` and `exited` are thread-safe; every other property is
    // used only on the loop's own thread (after `start`, all work arrives through `execute`).

    private static var wakeToken: UInt64 { 0 }
    private static var listenerToken: UInt64 { 1 }
    private static var lingerNanoseconds: UInt64 { 2_000_000_000 }
    private static var readChunk: Int { 64 * 1024 }

    private let shared: ServerShared<Handler>
    private let epollFD: Int32
    private let wakeFD: Int32
    private let tasks = Mutex<[@Sendable () -> Void]>([])
    private let threadID = Atomic<UInt>(0)
    let exited = DispatchSemaphore(value: 0)

    private var connections: [UInt64: Connection<Handler>] = [:]
    private var listenerFD: Int32 = -1
    private var admit: (@Sendable (Int32) -> Void)?
    private var listenerPausedUntil: UInt64?
    private var draining = false
    private var drainReported = false
    private var stopping = false
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    init(shared: ServerShared<Handler>) throws {
        self.shared = shared
        epollFD = bshim_epoll_create()
        guard epollFD >= 0 else { throw SystemError("epoll_create1") }
        wakeFD = bshim_eventfd()
        guard wakeFD >= 0 else {
            let error = SystemError("eventfd")
            Glibc.close(epollFD)
            throw error
        }
        guard bshim_epoll_ctl(epollFD, 1, wakeFD, UInt32(BSHIM_EPOLLIN), Self.wakeToken) == 0 else {
            let error = SystemError("epoll_ctl(eventfd)")
            Glibc.close(wakeFD)
            Glibc.close(epollFD)
            throw error
        }
    }

    deinit {
        readBuffer.deallocate()
        Glibc.close(wakeFD)
        Glibc.close(epollFD)
    }

    /// Makes this loop accept on `fd`; `admit` places each accepted socket on some loop.
    func listen(on fd: Int32, admit: @escaping @Sendable (Int32) -> Void) {
        listenerFD = fd
        self.admit = admit
    }

    func start(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    // MARK: ConnectionLoop

    var isCurrentThread: Bool { threadID.load(ordering: .relaxed) == pthread_self() }

    func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = tasks.withLock { tasks -> Bool in
            tasks.append(task)
            return tasks.count == 1
        }
        if wasEmpty {
            var one: UInt64 = 1
            _ = Glibc.write(wakeFD, &one, 8)
        }
    }

    func deliver(_ response: HTTPResponse, connection id: UInt64, exchange: UInt64) {
        guard let connection = connections[id], !connection.isClosed,
            case .processing(let current) = connection.phase, current == exchange
        else { return }
        var head = response.head
        let keepAlive = connection.keepAliveAfterResponse && !draining
        if !keepAlive { head.headers.replaceOrAdd("Connection", "close") }
        connection.append(HTTPResponseEncoder.encode(head, body: response.body))
        let now = monotonicNanoseconds()
        connection.lastActivity = now
        connection.requestStartedAt = now
        connection.phase = keepAlive ? .reading : .closing
        flushAndContinue(connection, now: now)
    }

    func beginStream(_ stream: HTTPResponseStream, head: HTTPResponseHead, connection id: UInt64, exchange: UInt64) {
        guard let connection = connections[id], !connection.isClosed,
            case .processing(let current) = connection.phase, current == exchange
        else {
            stream.markClosed()
            return
        }
        var head = head
        let keepAlive = connection.keepAliveAfterResponse && !draining
        if !keepAlive { head.headers.replaceOrAdd("Connection", "close") }
        connection.append(HTTPResponseEncoder.encodeChunkedHead(head))
        let now = monotonicNanoseconds()
        connection.phase = .streaming(stream, keepAlive: keepAlive)
        connection.lastStreamWrite = now
        flushAndContinue(connection, now: now)
    }

    func writeStream(_ bytes: [UInt8], stream: HTTPResponseStream, final: Bool) {
        // The stream must still be the connection's current one: a write queued after it
        // finished must not land in a later response on the same keep-alive connection.
        guard let connection = connections[stream.connectionID], !connection.isClosed,
            case .streaming(let current, let keepAlive) = connection.phase, current === stream
        else { return }
        let now = monotonicNanoseconds()
        if final {
            connection.append(HTTPResponseEncoder.lastChunk)
            stream.markClosed()
            connection.phase = keepAlive && !draining ? .reading : .closing
            connection.lastActivity = now
            connection.requestStartedAt = now
            notifyClosed(stream)
        } else {
            connection.append(HTTPResponseEncoder.encodeChunk(bytes))
            connection.lastStreamWrite = now
            if connection.pendingOutput > stream.lowWaterMark { connection.drainNotificationPending = true }
        }
        flushAndContinue(connection, now: now)
    }

    /// Tells a stream's delegate it ended, as a separate task so the delegate never runs
    /// inside a write it made itself.
    private func notifyClosed(_ stream: HTTPResponseStream) {
        execute { stream.delegate.streamDidClose(stream) }
    }

    // MARK: Connections

    /// Takes over an accepted socket (on this loop's thread).
    func register(_ fd: Int32, peer: PeerCredentials) {
        guard !draining, !stopping else {
            Glibc.close(fd)
            shared.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        let id = shared.makeConnectionID()
        let session = shared.handler.openSession(peer: peer)
        let connection = Connection<Handler>(
            id: id, fd: fd, session: session, limits: shared.configuration.limits, now: monotonicNanoseconds())
        guard bshim_epoll_ctl(epollFD, 1, fd, UInt32(BSHIM_EPOLLIN), id) == 0 else {
            Glibc.close(fd)
            shared.openConnections.subtract(1, ordering: .relaxed)
            shared.handler.closeSession(session)
            return
        }
        connection.interest = UInt32(BSHIM_EPOLLIN)
        connections[id] = connection
    }

    /// Takes over an accepted socket counted over the limit: the loop's connection that has
    /// waited longest on its request head gives up its slot (408); when this loop has none,
    /// the next of `others` is asked; when no loop has one, the new socket is refused (503).
    /// Either way the count is back within the limit.
    ///
    /// Before a connection is evicted, what it has sent is read: under a flood of new
    /// connections the loop may accept many before it reads a real client's request, and that
    /// client, its head already waiting in the socket, is then not slow at all.
    func registerInPlaceOfSlowest(_ fd: Int32, peer: PeerCredentials, thenTry others: ArraySlice<EventLoop<Handler>>) {
        let now = monotonicNanoseconds()
        for _ in 0..<Self.evictionCandidates {
            guard !draining, !stopping, let oldest = oldestWaitingForItsHead() else { break }
            onReadable(oldest)
            if oldest.isClosed {
                register(fd, peer: peer)  // it left by itself: its slot is free
                return
            }
            guard oldest.isWaitingForItsHead else { continue }  // it was a real client
            var response = shared.handler.errorResponse(for: .requestTimeout)
            response.head.headers.replaceOrAdd("Connection", "close")
            oldest.append(HTTPResponseEncoder.encode(response.head, body: response.body))
            _ = oldest.flush(now: now)
            Glibc.shutdown(oldest.fd, Int32(SHUT_WR))
            close(oldest)
            register(fd, peer: peer)
            return
        }
        if let next = others.first, !draining, !stopping {
            next.execute { next.registerInPlaceOfSlowest(fd, peer: peer, thenTry: others.dropFirst()) }
            return
        }
        shared.openConnections.subtract(1, ordering: .relaxed)
        shared.refuse(fd, with: .tooManyConnections)
    }

    /// How many connections one admission over the limit reads before it gives up on this
    /// loop: each read one that turned out to be a real client is passed over.
    private static var evictionCandidates: Int { 8 }

    private func oldestWaitingForItsHead() -> Connection<Handler>? {
        var oldest: Connection<Handler>?
        for connection in connections.values where connection.isWaitingForItsHead {
            if connection.requestStartedAt < oldest?.requestStartedAt ?? .max { oldest = connection }
        }
        return oldest
    }

    private func run() {
        threadID.store(pthread_self(), ordering: .relaxed)
        bshim_set_thread_name("beredskap-http")
        if listenerFD >= 0 { _ = bshim_epoll_ctl(epollFD, 1, listenerFD, UInt32(BSHIM_EPOLLIN), Self.listenerToken) }
        var events = [bshim_epoll_event](repeating: bshim_epoll_event(), count: 256)
        while !stopping {
            let timeout = nextTimeoutMilliseconds(now: monotonicNanoseconds())
            let count = events.withUnsafeMutableBufferPointer {
                bshim_epoll_wait(epollFD, $0.baseAddress, Int32($0.count), timeout)
            }
            if count < 0 {
                if errno == EINTR { continue }
                break  // EBADF/EINVAL: the epoll set itself is broken; nothing sensible remains
            }
            for index in 0..<Int(count) { dispatch(events[index]) }
            runTasks()
            checkDeadlines(now: monotonicNanoseconds())
        }
        for connection in Array(connections.values) { close(connection) }
        closeListener()
        runTasks()  // the close notifications just queued (streams release their subscriptions)
        exited.signal()
    }

    private func dispatch(_ event: bshim_epoll_event) {
        switch event.data {
        case Self.wakeToken:
            var value: UInt64 = 0
            _ = Glibc.read(wakeFD, &value, 8)
        case Self.listenerToken:
            acceptConnections()
        default:
            guard let connection = connections[event.data] else { return }
            let flags = event.events
            if flags & UInt32(BSHIM_EPOLLIN) != 0 { onReadable(connection) }
            if !connection.isClosed && flags & UInt32(BSHIM_EPOLLOUT) != 0 {
                flushAndContinue(connection, now: monotonicNanoseconds())
            }
            if !connection.isClosed && flags & UInt32(BSHIM_EPOLLERR | BSHIM_EPOLLHUP) != 0 { close(connection) }
        }
    }

    private func runTasks() {
        while true {
            let batch = tasks.withLock { tasks -> [@Sendable () -> Void] in
                defer { tasks.removeAll(keepingCapacity: true) }
                return tasks
            }
            if batch.isEmpty { return }
            for task in batch { task() }
        }
    }

    /// Connections taken per wake of the listener. The listener is level-triggered, so more
    /// waiting are taken on the next pass, after the clients already connected have had their
    /// turn: a storm of new connections (slow clients reconnecting as soon as they lose their
    /// slot) then delays a served client by at most this many admissions, not by the whole storm.
    static var acceptsPerWake: Int { 16 }

    private func acceptConnections() {
        guard let admit else { return }
        var accepted = 0
        while listenerFD >= 0, accepted < Self.acceptsPerWake {
            let fd = bshim_accept_nonblocking(listenerFD)
            if fd >= 0 {
                admit(fd)
                accepted += 1
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Out of descriptors: stop listening briefly instead of spinning on a
                // level-triggered listener that stays readable.
                _ = bshim_epoll_ctl(epollFD, 2, listenerFD, 0, 0)
                listenerPausedUntil = monotonicNanoseconds() + 100_000_000
                return
            default:
                return
            }
        }
    }

    private func onReadable(_ connection: Connection<Handler>) {
        let now = monotonicNanoseconds()
        var total = 0
        let hadPartial = connection.parser.hasPartialRequest
        while !connection.inputClosed {
            let count = Glibc.read(connection.fd, readBuffer.baseAddress, readBuffer.count)
            if count > 0 {
                total += count
                connection.lastActivity = now
                if case .lingering = connection.phase {
                    // Discard: the connection is only waiting for the client to finish.
                } else {
                    connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
                }
                if count < readBuffer.count || total >= 4 * Self.readChunk { break }
                continue
            }
            if count == 0 {
                connection.inputClosed = true
                break
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            close(connection)
            return
        }
        if case .lingering = connection.phase {
            if connection.inputClosed { close(connection) }
            return
        }
        if !hadPartial && connection.parser.hasPartialRequest { connection.requestStartedAt = now }
        processInput(connection, now: now)
    }

    /// Turns buffered bytes into requests while the connection is free to take one.
    private func processInput(_ connection: Connection<Handler>, now: UInt64) {
        guard !connection.isProcessingInput else { return }
        connection.isProcessingInput = true
        defer { connection.isProcessingInput = false }
        parsing: while !connection.isClosed, case .reading = connection.phase,
            connection.pendingOutput <= shared.configuration.maxPendingOutput
        {
            switch connection.parser.next() {
            case .needMoreData:
                if connection.inputClosed {
                    // The client finished sending; answer what it sent, then close.
                    connection.phase = .closing
                    flushAndContinue(connection, now: now)
                }
                break parsing
            case .expectContinue:
                connection.append(HTTPResponseEncoder.continueResponse)
                flushAndContinue(connection, now: now)
            case .request(let request):
                connection.exchangeCounter += 1
                connection.servedRequests += 1
                connection.phase = .processing(exchange: connection.exchangeCounter)
                connection.keepAliveAfterResponse = request.head.keepAlive && !draining
                let exchange = HTTPExchange(
                    loop: self, connectionID: connection.id, exchangeID: connection.exchangeCounter,
                    receivedAtNanoseconds: monotonicNanoseconds())
                shared.handler.handle(request, session: connection.session, exchange: exchange)
            case .failure(let error):
                sendFailure(.parse(error), on: connection, now: now)
                break parsing
            }
        }
        updateInterest(connection)
    }

    private func sendFailure(_ failure: HTTPConnectionFailure, on connection: Connection<Handler>, now: UInt64) {
        var response = shared.handler.errorResponse(for: failure)
        response.head.headers.replaceOrAdd("Connection", "close")
        connection.append(HTTPResponseEncoder.encode(response.head, body: response.body))
        connection.phase = .closing
        flushAndContinue(connection, now: now)
    }

    /// Sends what is pending, then moves the connection on: closes it, lingers, tells a
    /// stream's producer that the client caught up, or parses the next pipelined request.
    private func flushAndContinue(_ connection: Connection<Handler>, now: UInt64) {
        guard !connection.isClosed else { return }
        switch connection.flush(now: now) {
        case .failed:
            close(connection)
            return
        case .wouldBlock:
            if case .streaming(let stream, _) = connection.phase { stream.setBuffered(connection.pendingOutput) }
            if case .reading = connection.phase, connection.pendingOutput <= shared.configuration.maxPendingOutput {
                processInput(connection, now: now)
            } else {
                updateInterest(connection)
            }
            return
        case .done:
            break
        }
        switch connection.phase {
        case .closing:
            if connection.inputClosed {
                close(connection)
            } else {
                Glibc.shutdown(connection.fd, Int32(SHUT_WR))
                connection.phase = .lingering(until: now + Self.lingerNanoseconds)
                updateInterest(connection)
            }
        case .streaming(let stream, _):
            stream.setBuffered(0)
            updateInterest(connection)
            if connection.drainNotificationPending {
                connection.drainNotificationPending = false
                // A task, not a call: the producer may be inside its own write right now.
                execute { stream.delegate.streamDidDrain(stream) }
            }
        case .reading:
            if draining && connection.isIdle {
                close(connection)
            } else {
                processInput(connection, now: now)
            }
        case .processing, .lingering:
            updateInterest(connection)
        }
    }

    private func updateInterest(_ connection: Connection<Handler>) {
        guard !connection.isClosed else { return }
        var wanted: UInt32 = 0
        let readingAllowed: Bool
        switch connection.phase {
        case .reading: readingAllowed = connection.pendingOutput <= shared.configuration.maxPendingOutput
        case .lingering: readingAllowed = true
        case .processing, .streaming: readingAllowed = connection.parser.bufferedByteCount < shared.configuration.maxBufferedInput
        case .closing: readingAllowed = false
        }
        if readingAllowed && !connection.inputClosed { wanted |= UInt32(BSHIM_EPOLLIN) }
        if connection.pendingOutput > 0 { wanted |= UInt32(BSHIM_EPOLLOUT) }
        guard wanted != connection.interest else { return }
        if bshim_epoll_ctl(epollFD, 3, connection.fd, wanted, connection.id) == 0 {
            connection.interest = wanted
        } else {
            close(connection)
        }
    }

    private func close(_ connection: Connection<Handler>) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        _ = bshim_epoll_ctl(epollFD, 2, connection.fd, 0, 0)
        Glibc.close(connection.fd)
        connections[connection.id] = nil
        shared.openConnections.subtract(1, ordering: .relaxed)
        if case .streaming(let stream, _) = connection.phase {
            stream.markClosed()
            notifyClosed(stream)
        }
        shared.handler.closeSession(connection.session)
        reportDrainedIfDone()
    }

    // MARK: Time

    private func deadline(of connection: Connection<Handler>) -> UInt64? {
        let configuration = shared.configuration
        var earliest: UInt64?
        func consider(_ instant: UInt64) { earliest = min(earliest ?? instant, instant) }
        if connection.pendingOutput > 0 {
            consider(connection.lastWriteProgress + UInt64(configuration.writeTimeout * 1e9))
        }
        switch connection.phase {
        case .reading:
            if connection.parser.hasPartialRequest || connection.servedRequests == 0 {
                consider(connection.requestStartedAt + UInt64(configuration.requestTimeout * 1e9))
            } else if connection.pendingOutput == 0 {
                consider(connection.lastActivity + UInt64(configuration.idleTimeout * 1e9))
            }
        case .streaming(let stream, _):
            consider(connection.lastStreamWrite + stream.idleIntervalNanoseconds)
        case .lingering(let until):
            consider(until)
        case .processing, .closing:
            break
        }
        return earliest
    }

    private func nextTimeoutMilliseconds(now: UInt64) -> Int32 {
        var earliest = listenerPausedUntil
        for connection in connections.values {
            if let deadline = deadline(of: connection) { earliest = min(earliest ?? deadline, deadline) }
        }
        guard let earliest else { return -1 }
        if earliest <= now { return 0 }
        return Int32(min((earliest - now + 999_999) / 1_000_000, 60_000))
    }

    private func checkDeadlines(now: UInt64) {
        if let paused = listenerPausedUntil, paused <= now, listenerFD >= 0 {
            listenerPausedUntil = nil
            _ = bshim_epoll_ctl(epollFD, 1, listenerFD, UInt32(BSHIM_EPOLLIN), Self.listenerToken)
        }
        for connection in Array(connections.values) {
            guard let deadline = deadline(of: connection), deadline <= now, !connection.isClosed else { continue }
            if connection.pendingOutput > 0
                && now >= connection.lastWriteProgress + UInt64(shared.configuration.writeTimeout * 1e9)
            {
                close(connection)  // the client stopped reading
                continue
            }
            switch connection.phase {
            case .reading:
                if connection.parser.hasPartialRequest {
                    sendFailure(.requestTimeout, on: connection, now: now)
                } else {
                    close(connection)
                }
            case .streaming(let stream, _):
                connection.lastStreamWrite = now
                stream.delegate.streamIsIdle(stream)
            case .lingering:
                close(connection)
            case .processing, .closing:
                break
            }
        }
    }

    // MARK: Shutdown

    /// Stops taking new work: idle connections close now, streams end, busy connections
    /// close after their current answer.
    func beginDrain() {
        draining = true
        closeListener()
        for connection in Array(connections.values) where !connection.isClosed {
            switch connection.phase {
            case .reading where connection.isIdle:
                close(connection)
            case .streaming(let stream, _):
                connection.append(HTTPResponseEncoder.lastChunk)
                stream.markClosed()
                connection.phase = .closing
                notifyClosed(stream)
                flushAndContinue(connection, now: monotonicNanoseconds())
            default:
                break
            }
        }
        reportDrainedIfDone()
    }

    func stop() {
        stopping = true
    }

    private func closeListener() {
        guard listenerFD >= 0 else { return }
        _ = bshim_epoll_ctl(epollFD, 2, listenerFD, 0, 0)
        Glibc.close(listenerFD)
        listenerFD = -1
        listenerPausedUntil = nil
        admit = nil  // it holds the loops; dropping it breaks the cycle through this loop
    }

    private func reportDrainedIfDone() {
        guard draining, !drainReported, connections.isEmpty else { return }
        drainReported = true
        shared.drained.leave()
    }
}
