import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// Reading the event log. Pages are ordered by `seq` and resumable: pass the last seq you
/// saw as `after`.
extension SQLiteConnection {
    /// The newest seq, or 0 for an empty log.
    public func lastEventSeq() throws -> Int64 {
        try scalarInt("SELECT max(seq) FROM events") ?? 0
    }

    /// Events with `seq > after`, oldest first, optionally only those whose type starts with
    /// `typePrefix`, and only those of the `visibleTypes` when given (what a caller may see).
    public func events(after: Int64, limit: Int, typePrefix: String? = nil, visibleTypes: [String]? = nil) throws -> [Event] {
        var conditions = ["seq > ?"]
        var parameters: [any SQLiteBindable] = [after]
        if let typePrefix, !typePrefix.isEmpty {
            // A range on the type index: every string with the prefix sorts between the prefix
            // and the prefix followed by U+10FFFF, the largest code point (binary collation).
            conditions.append("type >= ? AND type < ? || char(1114111)")
            parameters += [typePrefix, typePrefix]
        }
        if let visibleTypes {
            // One JSON array, so the statement is the same for every caller; `+type` keeps the
            // planner walking seq instead of sorting every visible event of the type index.
            conditions.append("+type IN (SELECT value FROM json_each(?))")
            parameters.append(JSONValue.array(visibleTypes.map(JSONValue.string)).serializedString())
        }
        parameters.append(limit)
        return try query(
            "SELECT \(Self.eventColumns) FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?",
            parameters, Self.event)
    }

    /// Events with `seq > after` of exactly the given types, oldest first.
    public func events(after: Int64, types: [String], limit: Int) throws -> [Event] {
        let placeholders = types.map { _ in "?" }.joined(separator: ", ")
        return try query(
            "SELECT \(Self.eventColumns) FROM events WHERE seq > ? AND type IN (\(placeholders)) ORDER BY seq LIMIT ?",
            [after] + types + [limit], Self.event)
    }

    /// Events caused by people (not the system), for the audit view.
    /// - Parameter actor: a user name, or a uid written as digits.
    public func auditEvents(after: Int64, since: Timestamp?, actor: String?, limit: Int) throws -> [Event] {
        var conditions = ["seq > ?", "actor_uid IS NOT NULL"]
        var parameters: [any SQLiteBindable] = [after]
        if let since {
            conditions.append("time_ms >= ?")
            parameters.append(since.millisecondsSinceEpoch)
        }
        if let actor {
            if let uid = UInt32(actor) {
                conditions.append("actor_uid = ?")
                parameters.append(uid)
            } else {
                conditions.append("actor_user = ?")
                parameters.append(actor)
            }
        }
        parameters.append(limit)
        return try query(
            "SELECT \(Self.eventColumns) FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?",
            parameters, Self.event)
    }

    static let eventColumns = "seq, time_ms, actor_uid, actor_user, type, subject, data, exercise"

    static func event(_ row: SQLiteRow) throws -> Event {
        Event(
            seq: row.int64(0),
            time: Timestamp(millisecondsSinceEpoch: row.int64(1)),
            type: row.text(4),
            actor: Principal(uid: row.optionalInt64(2).map { UInt32(truncatingIfNeeded: $0) }, user: row.text(3)),
            subject: row.optionalText(5),
            data: try JSONParser.parse(row.text(6)),
            exercise: row.bool(7))
    }
}
