import Synchronization

/// Read-only connections for request handlers, one per concurrent reader.
///
/// Why a pool: WAL lets any number of readers run beside the writer, but a connection may be
/// used by one thread at a time. Connections are opened lazily and kept (up to `maxIdle`) so
/// their statement caches stay warm.
public final class ReadPool: Sendable {
    private let database: Database
    private let maxIdle: Int
    private let idle = Mutex<[PooledConnection]>([])

    public init(database: Database, maxIdle: Int = 8) {
        self.database = database
        self.maxIdle = maxIdle
    }

    /// Runs `body` with a connection that no other thread uses meanwhile.
    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let pooled = try idle.withLock { $0.popLast() } ?? PooledConnection(try database.openForReading())
        defer {
            idle.withLock { connections in
                if connections.count < maxIdle { connections.append(pooled) }
            }
        }
        return try body(pooled.connection)
    }

    /// Closes idle connections (at shutdown; in-use ones close when returned and released).
    public func drain() {
        idle.withLock { $0.removeAll() }
    }
}

/// A connection parked in the pool.
private final class PooledConnection: @unchecked Sendable {
    // @unchecked: the pool hands each connection to one borrower at a time, under its mutex.
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) { self.connection = connection }
}
