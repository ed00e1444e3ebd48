import BeredskapHTTPParser
import CShims
import Glibc

/// One accepted client, confined to its event loop's thread.
///
/// The phases make the ordering rules hold: a connection handles one request at a time
/// (`processing`), so pipelined requests wait in the parser's buffer and are answered in
/// the order they came; a `streaming` connection belongs to its stream until it ends.
final class Connection<Handler: HTTPHandler> {
    enum Phase {
        case reading
        case processing(exchange: UInt64)
        case streaming(HTTPResponseStream, keepAlive: Bool)
        /// The last response is queued; close once it is sent.
        case closing
        /// Our side is shut for writing; unread client bytes are discarded until EOF or the
        /// deadline, so the client can read the final response instead of getting a reset.
        case lingering(until: UInt64)
    }

    let id: UInt64
    let fd: Int32
    let session: Handler.Session
    var parser: HTTPRequestParser
    var phase: Phase = .reading
    var output: [UInt8] = []
    var outputOffset = 0
    var keepAliveAfterResponse = true
    var inputClosed = false
    var interest: UInt32 = 0
    var exchangeCounter: UInt64 = 0
    /// Whether the connection has answered a request yet: a fresh connection must start its
    /// first request within the request timeout, a used one may idle for the idle timeout.
    var servedRequests = 0
    /// When the current partial request (or, before any request, the connection) began.
    var requestStartedAt: UInt64
    var lastActivity: UInt64
    var lastWriteProgress: UInt64
    var lastStreamWrite: UInt64 = 0
    var drainNotificationPending = false
    /// Guards against re-entering input processing when a handler answers inline.
    var isProcessingInput = false
    var isClosed = false

    init(id: UInt64, fd: Int32, session: Handler.Session, limits: HTTPLimits, now: UInt64) {
        self.id = id
        self.fd = fd
        self.session = session
        parser = HTTPRequestParser(limits: limits)
        requestStartedAt = now
        lastActivity = now
        lastWriteProgress = now
    }

    var pendingOutput: Int { output.count - outputOffset }

    var isStreaming: Bool {
        if case .streaming = phase { return true }
        return false
    }

    /// Part way through a request, or silent since it connected: what can lose its slot
    /// to a new connection (`maxConnections`). A keep-alive connection idle between requests
    /// has proved itself, and one with a request in hand or an answer to send is busy.
    var isWaitingForItsHead: Bool {
        guard case .reading = phase, pendingOutput == 0 else { return false }
        return parser.hasPartialRequest || servedRequests == 0
    }

    var isIdle: Bool {
        if case .reading = phase { return !parser.hasPartialRequest && pendingOutput == 0 }
        return false
    }

    func append(_ bytes: [UInt8]) {
        if outputOffset > 0 && outputOffset == output.count {
            output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
            outputOffset = 0
        }
        output.append(contentsOf: bytes)
    }

    enum FlushResult {
        case done
        case wouldBlock
        case failed
    }

    /// Writes as much pending output as the socket takes now.
    func flush(now: UInt64) -> FlushResult {
        while outputOffset < output.count {
            let written = output.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + outputOffset }, output.count - outputOffset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                outputOffset += written
                lastWriteProgress = now
                continue
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                compactOutput()
                return .wouldBlock
            }
            return .failed
        }
        output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
        outputOffset = 0
        return .done
    }

    /// Drops the sent prefix once it is large, so a long stream does not hold sent bytes.
    private func compactOutput() {
        if outputOffset > 256 * 1024 && outputOffset * 2 > output.count {
            output.removeFirst(outputOffset)
            outputOffset = 0
        }
    }
}
