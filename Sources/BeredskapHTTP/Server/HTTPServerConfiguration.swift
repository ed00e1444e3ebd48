import BeredskapHTTPParser
import Foundation

/// Limits and timeouts of the HTTP server. Defaults are the API contract's.
///
/// Every limit is checked before the work it guards is done: a header over the limit is
/// refused before it is buffered further, a body over the limit before it is read, a
/// connection over the limit before a session is opened for it.
public struct HTTPServerConfiguration: Sendable, Equatable {
    public var limits = HTTPLimits()
    /// Open connections at most. When all are taken, a new connection takes the slot of the
    /// client that has waited longest on its request head — trickling it (slowloris), or
    /// silent since it connected — which is answered 408 and closed. A connection that has
    /// been served, or has a request in hand, keeps its slot; only when every slot is such a
    /// connection is the new one answered 503.
    ///
    /// Why the oldest and no grace period: a real client's head arrives in one write, so it
    /// is the newest waiting connection for the few milliseconds it waits, and a flood of new
    /// connections evicts older ones first; a grace period would leave nothing to evict while
    /// every slot is younger than it, and refuse everyone, real clients with them. Why not a
    /// per-uid limit: on a Unix socket the clients of one service account share a uid, and an
    /// attacker is told apart from them by how it uses its connections, not by who it is.
    public var maxConnections = 256
    /// A started request must arrive completely within this many seconds (else 408).
    /// A new connection must also begin its first request within it.
    public var requestTimeout: Double = 10
    /// A keep-alive connection with nothing to do is closed after this many seconds.
    public var idleTimeout: Double = 60
    /// A client that stops reading its response is dropped after this many seconds.
    public var writeTimeout: Double = 60
    /// Event-loop threads; connections are spread over them.
    public var eventLoops = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}

    /// Input held for a connection that is busy (a request in flight) before reading pauses:
    /// room for one more maximal pipelined request.
    var maxBufferedInput: Int { limits.maxBodyBytes + limits.maxHeaderBytes + 64 * 1024 }

    /// Unsent output above which a connection takes no further pipelined request (and reads
    /// nothing more) until the client has read its answers: a client that pipelines without
    /// reading cannot make the daemon buffer without bound.
    public var maxPendingOutput = 1 << 20
}
