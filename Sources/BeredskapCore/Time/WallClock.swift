import Foundation
import Synchronization

/// Where every rule gets "now" from.
///
/// Why injected: rules, deadlines and schedulers must be testable without sleeping, and
/// exercises run on simulated time. Nothing in the domain reads the system clock directly.
/// (Named `WallClock` so it does not collide with the standard library's `Clock` protocol.)
public protocol WallClock: Sendable {
    func now() -> Timestamp
}

/// The real time of day.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

/// A clock that moves only when a test tells it to.
public final class ManualWallClock: WallClock {
    private let current: Mutex<Timestamp>

    public init(_ start: Timestamp = Timestamp(rfc3339: "2026-11-22T09:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)) {
        current = Mutex(start)
    }

    public func now() -> Timestamp { current.withLock { $0 } }

    public func set(_ timestamp: Timestamp) { current.withLock { $0 = timestamp } }

    public func advance(milliseconds: Int64) {
        current.withLock { $0 = $0.adding(milliseconds: milliseconds) }
    }

    public func advance(seconds: Int64) { advance(milliseconds: seconds * 1000) }
}
