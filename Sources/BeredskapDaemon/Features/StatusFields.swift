import BeredskapAPI
import BeredskapCore
import BeredskapSQLite

/// A feature's fields of `GET /v1/status`.
///
/// Why two parts: what comes from the store is read by every feature in one pooled read (one
/// connection, one round of queries), and what the daemon holds in memory (an engine's state,
/// the facility snapshot) is taken after it, as the status route always did.
struct StatusFields: Sendable {
    /// Fills the fields read from the store, at `now`.
    var read: (@Sendable (SQLiteConnection, Timestamp, inout StatusResponse) throws -> Void)?
    /// Fills the fields kept in memory.
    var current: (@Sendable (inout StatusResponse) throws(APIError) -> Void)?

    /// The status: every feature's fields, read ones first.
    static func status(_ fields: [StatusFields], reads: StoreReads, now: Timestamp) throws(APIError) -> StatusResponse {
        var status = StatusResponse(lastEventSeq: 0, uptimeS: 0)
        try reads.read { connection in
            for field in fields { try field.read?(connection, now, &status) }
        }
        for field in fields { try field.current?(&status) }
        return status
    }
}
