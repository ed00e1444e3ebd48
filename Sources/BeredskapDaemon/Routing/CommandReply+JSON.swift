import BeredskapJSON
import BeredskapStore

extension CommandReply {
    /// A JSON reply, encoded inside the transaction so it can be stored for idempotent replays.
    static func json(status: Int, _ body: some Encodable) throws -> CommandReply {
        CommandReply(status: status, body: try JSONValueEncoder().encodeBytes(body))
    }
}
