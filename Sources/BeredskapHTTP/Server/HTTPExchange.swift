import BeredskapHTTPParser
import Synchronization

/// The loop-side operations an exchange or stream needs, without the handler's generic type.
protocol ConnectionLoop: AnyObject, Sendable {
    var isCurrentThread: Bool { get }
    func execute(_ task: @escaping @Sendable () -> Void)
    func deliver(_ response: HTTPResponse, connection: UInt64, exchange: UInt64)
    func beginStream(_ stream: HTTPResponseStream, head: HTTPResponseHead, connection: UInt64, exchange: UInt64)
    func writeStream(_ bytes: [UInt8], stream: HTTPResponseStream, final: Bool)
}

/// One request awaiting its answer.
///
/// Why a separate object: the answer may come from another thread (the writer, after its
/// commit), long after `handle` returned. The exchange remembers which connection and which
/// request it belongs to, so a late answer for a connection that has since closed is dropped
/// instead of reaching a different client.
public final class HTTPExchange: Sendable {
    private let loop: any ConnectionLoop
    private let connectionID: UInt64
    private let exchangeID: UInt64
    private let answered = Atomic<Bool>(false)
    /// When the request had been read completely (monotonic nanoseconds), for latency metrics.
    public let receivedAtNanoseconds: UInt64

    init(loop: any ConnectionLoop, connectionID: UInt64, exchangeID: UInt64, receivedAtNanoseconds: UInt64) {
        self.loop = loop
        self.connectionID = connectionID
        self.exchangeID = exchangeID
        self.receivedAtNanoseconds = receivedAtNanoseconds
    }

    /// Nanoseconds since the request was read.
    public var elapsedNanoseconds: UInt64 { monotonicNanoseconds() &- receivedAtNanoseconds }

    /// Sends a complete response. Only the first answer counts.
    public func respond(_ response: HTTPResponse) {
        guard claim() else { return }
        if loop.isCurrentThread {
            loop.deliver(response, connection: connectionID, exchange: exchangeID)
        } else {
            let loop = loop, connectionID = connectionID, exchangeID = exchangeID
            loop.execute { loop.deliver(response, connection: connectionID, exchange: exchangeID) }
        }
    }

    /// Starts a chunked response whose body is written piece by piece.
    /// - Parameters:
    ///   - idleInterval: after this many seconds without a write, the delegate is asked for a heartbeat.
    ///   - lowWaterMark: when the unsent bytes go above this, the delegate hears when they have drained.
    /// - Returns: nil if the exchange was already answered.
    public func startStream(
        _ head: HTTPResponseHead, idleInterval: Double, lowWaterMark: Int = 256 * 1024,
        delegate: any HTTPStreamDelegate
    ) -> HTTPResponseStream? {
        guard claim() else { return nil }
        let stream = HTTPResponseStream(
            loop: loop, connectionID: connectionID, idleIntervalNanoseconds: UInt64(max(idleInterval, 0.001) * 1e9),
            lowWaterMark: lowWaterMark, delegate: delegate)
        if loop.isCurrentThread {
            loop.beginStream(stream, head: head, connection: connectionID, exchange: exchangeID)
        } else {
            let loop = loop, connectionID = connectionID, exchangeID = exchangeID
            loop.execute { loop.beginStream(stream, head: head, connection: connectionID, exchange: exchangeID) }
        }
        return stream
    }

    /// Runs `work` on the connection's loop thread. A producer on another thread (the
    /// writer) uses it to hand over a result cheaply and build the response on the loop.
    public func onLoop(_ work: @escaping @Sendable () -> Void) {
        if loop.isCurrentThread { work() } else { loop.execute(work) }
    }

    private func claim() -> Bool {
        !answered.exchange(true, ordering: .acquiringAndReleasing)
    }
}

/// A chunked response in progress (e.g. the NDJSON event stream).
///
/// Writes are safe from any thread and keep their order. `bufferedBytes` tells a producer how
/// much the client has not yet taken, so a slow client gets a paused producer instead of an
/// ever-growing buffer.
public final class HTTPResponseStream: Sendable {
    private let loop: any ConnectionLoop
    let connectionID: UInt64
    let idleIntervalNanoseconds: UInt64
    let lowWaterMark: Int
    let delegate: any HTTPStreamDelegate
    private let buffered = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    init(
        loop: any ConnectionLoop, connectionID: UInt64, idleIntervalNanoseconds: UInt64, lowWaterMark: Int,
        delegate: any HTTPStreamDelegate
    ) {
        self.loop = loop
        self.connectionID = connectionID
        self.idleIntervalNanoseconds = idleIntervalNanoseconds
        self.lowWaterMark = lowWaterMark
        self.delegate = delegate
    }

    /// Bytes accepted by the stream but not yet taken by the client.
    public var bufferedBytes: Int { buffered.load(ordering: .relaxed) }

    /// True once the stream has ended (client gone, finished, or server shutting down).
    public var isClosed: Bool { closed.load(ordering: .acquiring) }

    /// True when a producer should wait for `streamDidDrain` before writing more.
    public var isAboveLowWaterMark: Bool { bufferedBytes > lowWaterMark }

    /// Sends one chunk. Empty writes are ignored (an empty chunk would end the body).
    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, !isClosed else { return }
        send(bytes, final: false)
    }

    /// Ends the body (the terminating chunk) and, unless kept alive, the connection.
    public func finish() {
        guard !isClosed else { return }
        send([], final: true)
    }

    /// Runs `work` on the stream's loop thread, in order with the stream's callbacks.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        if loop.isCurrentThread { work() } else { loop.execute(work) }
    }

    private func send(_ bytes: [UInt8], final: Bool) {
        if loop.isCurrentThread {
            loop.writeStream(bytes, stream: self, final: final)
        } else {
            let loop = loop
            loop.execute { loop.writeStream(bytes, stream: self, final: final) }
        }
    }

    func setBuffered(_ count: Int) { buffered.store(count, ordering: .relaxed) }
    func markClosed() { closed.store(true, ordering: .releasing) }
}
