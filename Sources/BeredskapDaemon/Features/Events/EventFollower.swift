import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Synchronization

/// Feeds one `GET /v1/events?follow=true` stream: NDJSON, one event per line.
///
/// Why it reads from the store instead of being handed events: the log is the buffer. The
/// follower keeps only a cursor (`scannedThrough`); when told that new events are durable,
/// when the client has caught up, or at the start, it reads the next page after its cursor.
/// A slow client therefore pauses its follower (above the stream's low-water mark) instead
/// of growing memory, and resumes exactly where it stopped — nothing is skipped or repeated.
final class EventFollower: HTTPStreamDelegate, Sendable {
    private struct State {
        var stream: HTTPResponseStream?
        var scannedThrough: Int64
        var subscription: UInt64?
        var pumpScheduled = false
        var closed = false
    }

    static let pageSize = 500

    private let state: Mutex<State>
    private let bus: EventBus
    private let pool: ReadPool
    private let typePrefix: String?
    /// The types the caller may see (nil: every type).
    private let visibleTypes: [String]?

    private init(bus: EventBus, pool: ReadPool, since: Int64, typePrefix: String?, visibleTypes: [String]?) {
        self.bus = bus
        self.pool = pool
        self.typePrefix = typePrefix
        self.visibleTypes = visibleTypes
        state = Mutex(State(scannedThrough: since))
    }

    /// Starts the stream on `exchange`, beginning after `since`, with the events of `visibleTypes`
    /// only: pages read from `pool` as `bus` tells of commits, a heartbeat after `settings`'
    /// interval of silence.
    static func start(
        on exchange: HTTPExchange, bus: EventBus, pool: ReadPool, settings: CurrentSettings, since: Int64, typePrefix: String?,
        visibleTypes: [String]?
    ) {
        let follower = EventFollower(bus: bus, pool: pool, since: since, typePrefix: typePrefix, visibleTypes: visibleTypes)
        let head = HTTPResponseHead(
            status: 200,
            headers: [
                "Content-Type": APIContract.MediaType.ndjson, "Cache-Control": "no-store",
                APIContract.Header.version: APIContract.serverVersion,
                APIContract.Header.timeZone: settings.timeZoneIdentifier,
            ])
        guard
            let stream = exchange.startStream(
                head, idleInterval: settings.configuration.events.heartbeatInterval.seconds, delegate: follower)
        else { return }
        follower.attach(stream)
    }

    private func attach(_ stream: HTTPResponseStream) {
        let subscription = bus.subscribe { [weak self] _, _ in self?.schedulePump() }
        let stillOpen = state.withLock { state -> Bool in
            state.stream = stream
            state.subscription = subscription
            return !state.closed
        }
        guard stillOpen else {
            bus.unsubscribe(subscription)
            return
        }
        schedulePump()
    }

    /// Asks the stream's loop to pump, at most once at a time (commits may come faster).
    private func schedulePump() {
        let stream = state.withLock { state -> HTTPResponseStream? in
            guard !state.closed, !state.pumpScheduled, let stream = state.stream else { return nil }
            state.pumpScheduled = true
            return stream
        }
        stream?.execute { [self] in pump() }
    }

    /// Writes pages after the cursor until caught up or the client falls behind.
    private func pump() {
        guard let stream = state.withLock({ state -> HTTPResponseStream? in
            state.pumpScheduled = false
            return state.closed ? nil : state.stream
        }) else { return }
        let encoder = JSONValueEncoder()
        while !stream.isClosed && !stream.isAboveLowWaterMark {
            let target = bus.lastSeq
            let cursor = state.withLock { $0.scannedThrough }
            guard cursor < target else { return }
            let events: [Event]
            do {
                events = try pool.read {
                    try $0.events(after: cursor, limit: Self.pageSize, typePrefix: typePrefix, visibleTypes: visibleTypes)
                }
            } catch {
                DaemonLog.error("event stream stopped: could not read the event log: \(error)")
                stream.finish()  // streamDidClose follows and releases the subscription
                return
            }
            var lines: [UInt8] = []
            for event in events {
                guard let line = try? encoder.encodeBytes(event) else { continue }
                lines.append(contentsOf: line)
                lines.append(UInt8(ascii: "\n"))
            }
            // Advance the cursor before writing: whatever runs next starts after this page.
            // A short page means every match up to `target` has been seen.
            let reached = EventRoutes.next(after: cursor, events, limit: Self.pageSize, durable: target)
            state.withLock { $0.scannedThrough = reached }
            stream.write(lines)
        }
    }

    func streamDidDrain(_ stream: HTTPResponseStream) { pump() }

    func streamIsIdle(_ stream: HTTPResponseStream) {
        guard let line = try? JSONValueEncoder().encodeBytes(StreamHeartbeat(lastEventSeq: bus.lastSeq)) else { return }
        stream.write(line + [UInt8(ascii: "\n")])
    }

    func streamDidClose(_ stream: HTTPResponseStream) {
        let subscription = state.withLock { state -> UInt64? in
            state.closed = true
            state.stream = nil
            return state.subscription
        }
        if let subscription { bus.unsubscribe(subscription) }
    }
}
