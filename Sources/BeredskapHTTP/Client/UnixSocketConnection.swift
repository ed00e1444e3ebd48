import BeredskapHTTPParser
import CShims
import Glibc

/// Why a client could not talk to the daemon.
public enum ClientConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No socket answered; one attempt per path tried, in order.
    case unreachable([SocketAttempt])
    case timedOut
    /// The daemon closed the connection before a complete response.
    case closedEarly
    case invalidResponse(String)
    case system(String)

    public var description: String {
        switch self {
        case .unreachable(let attempts): return attempts.map(\.description).joined(separator: "; ")
        case .timedOut: return "the daemon did not answer in time"
        case .closedEarly: return "the daemon closed the connection before answering"
        case .invalidResponse(let problem): return "the daemon's response was not valid HTTP: \(problem)"
        case .system(let problem): return problem
        }
    }
}

/// A blocking client connection to a Unix socket, with a timeout on every wait.
///
/// Why blocking: the CLI, the tests and the benchmark each drive one request at a time per
/// connection; a poll-before-read keeps every wait bounded so nothing can hang forever.
public final class UnixSocketConnection {
    public let path: String
    private var fd: Int32
    private var parser = HTTPResponseParser()
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    public init(path: String) throws(ClientConnectionError) {
        self.path = path
        let result = bshim_unix_connect(path)
        guard result >= 0 else {
            let error = result == -2 ? ENAMETOOLONG : errno
            buffer.deallocate()
            throw .unreachable([SocketAttempt.classify(path: path, errno: error)])
        }
        fd = result
    }

    deinit {
        close()
        buffer.deallocate()
    }

    public var isOpen: Bool { fd >= 0 }

    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8], timeout: Double) throws(ClientConnectionError) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), timeout: timeout)
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                throw errno == EPIPE || errno == ECONNRESET ? .closedEarly : .system("send: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The next response event, reading as needed. `.end` after the whole body.
    public func nextEvent(timeout: Double) throws(ClientConnectionError) -> HTTPResponseParserEvent {
        var sawEndOfFile = false
        while true {
            switch parser.next() {
            case .needMoreData:
                if sawEndOfFile { throw .closedEarly }
            case .failure(let problem):
                // The peer closing before or during a response is "closed", not "garbled":
                // callers retry the first (on a reused connection) but never the second.
                throw sawEndOfFile ? .closedEarly : .invalidResponse(problem)
            case let event:
                return event
            }
            try wait(for: Int16(POLLIN), timeout: timeout)
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            } else if count == 0 {
                // A body delimited by close may complete now; otherwise the next pass reports it.
                parser.connectionClosed()
                sawEndOfFile = true
            } else if errno != EINTR && errno != EAGAIN {
                throw errno == ECONNRESET ? .closedEarly : .system("read: \(String(cString: strerror(errno)))")
            }
        }
    }

    private func wait(for events: Int16, timeout: Double) throws(ClientConnectionError) {
        guard fd >= 0 else { throw .closedEarly }
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        let milliseconds = timeout.isFinite ? Int32(max(0, min(timeout * 1000, Double(Int32.max)))) : -1
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready == 0 { throw .timedOut }
            if errno != EINTR { throw .system("poll: \(String(cString: strerror(errno)))") }
        }
    }
}
