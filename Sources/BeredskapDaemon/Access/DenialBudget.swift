import Synchronization

/// How many denials one connection may write to the event log individually.
///
/// Why a budget: every logged denial is a durable write (an fsync shared with others), and a
/// caller with no permissions at all could otherwise grow the log and load the disk at will.
/// The first `limit` denials of a connection are logged one by one — enough to see what was
/// tried — and the rest are counted and logged as one summary when the connection closes.
public final class DenialBudget: Sendable {
    public static let limit = 20

    private let counts = Mutex((logged: 0, suppressed: 0))

    public init() {}

    /// True when this denial should be logged individually.
    public func admit() -> Bool {
        counts.withLock { counts in
            if counts.logged < Self.limit {
                counts.logged += 1
                return true
            }
            counts.suppressed += 1
            return false
        }
    }

    /// Denials answered but not logged individually.
    public var suppressed: Int { counts.withLock { $0.suppressed } }
}
