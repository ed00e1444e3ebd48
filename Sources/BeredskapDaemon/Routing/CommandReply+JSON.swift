import BeredskapJSON
import BeredskapSQLite

extension CommandReply {
    /// A JSON reply, encoded inside the transaction so it can be stored for idempotent replays.
    static func json(status: Int, _ body: some Encodable) throws -> CommandReply {
        CommandReply(status: status, body: try JSONValueEncoder().encodeBytes(body))
    }

    /// A JSON reply for a hot path: built directly (see `JSONRepresentable`).
    static func json(status: Int, built body: some JSONRepresentable) -> CommandReply {
        CommandReply(status: status, body: body.jsonValue.serialized())
    }
}
