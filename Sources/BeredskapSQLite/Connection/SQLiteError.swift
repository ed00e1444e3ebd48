import CSQLite

/// A failure reported by SQLite, classified so callers can answer the right way
/// (a full disk is a 503 `unavailable`, a corrupt file refuses to start, a constraint is a bug).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case corrupt        // SQLITE_CORRUPT, SQLITE_NOTADB
        case full           // SQLITE_FULL, or SQLITE_IOERR_WRITE: the disk is full or refuses writes
        case busy           // SQLITE_BUSY / SQLITE_LOCKED beyond the busy timeout
        case readOnly       // SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN
        case io             // SQLITE_IOERR
        case constraint     // SQLITE_CONSTRAINT (includes our append-only triggers)
        case misuse         // a programming error on our side
        case other
    }

    public let code: Int32
    public let message: String
    public let context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    public var kind: Kind {
        switch code & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt
        // A write refused for want of room: SQLite says SQLITE_FULL only for ENOSPC, and
        // SQLITE_IOERR_WRITE when a file-size limit (EFBIG) or a quota (EDQUOT) stops it — or
        // the device fails, which the same answer (503, retry later) suits.
        case SQLITE_FULL: return .full
        case _ where code == Self.ioErrorWrite: return .full
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: return .readOnly
        case SQLITE_IOERR: return .io
        case SQLITE_CONSTRAINT: return .constraint
        case SQLITE_MISUSE, SQLITE_RANGE: return .misuse
        default: return .other
        }
    }

    /// SQLITE_IOERR_WRITE, a macro Swift does not import.
    static let ioErrorWrite = SQLITE_IOERR | (3 << 8)

    public var description: String { "\(context): \(message) (SQLite code \(code))" }
}
