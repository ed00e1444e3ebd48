import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

extension WriteTransaction {
    /// Adds an incident-log entry and its `log.added` event in the current transaction. The
    /// event names the entry; the text is only in the entry. `source` is `.system` for entries
    /// the daemon writes itself; their actor is the system.
    @discardableResult
    public mutating func addIncidentLogEntry(
        text: String, subject: String?, source: IncidentLogEntry.Source = .person
    ) throws -> IncidentLogEntry {
        // The id is chosen first so the event can carry it; the row needs the event's seq.
        let id = try connection.nextIncidentLogID()
        let payload = IncidentLogEvents.EntryAdded(id: id, source: source)
        let event = source == .system
            ? try appendSystemEvent(IncidentLogEvents.added, payload, subject: subject)
            : try appendEvent(IncidentLogEvents.added, payload, subject: subject)
        try connection.run(
            """
            INSERT INTO incident_log(id, seq, time_ms, actor_uid, actor_user, source, subject, text, exercise)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, event.seq, event.time.millisecondsSinceEpoch, event.actor.uid, event.actor.user, source.rawValue, subject,
            text, exercise)
        return IncidentLogEntry(
            id: id, seq: event.seq, time: event.time, actor: event.actor, source: source, subject: subject, text: text,
            exercise: exercise)
    }
}

extension SQLiteConnection {
    /// The id the next entry gets: never one an entry had before (as AUTOINCREMENT promises),
    /// even if entries are one day erased.
    func nextIncidentLogID() throws -> Int64 {
        try scalarInt(
            """
            SELECT max(coalesce((SELECT max(id) FROM incident_log), 0),
                       coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'incident_log'), 0)) + 1
            """) ?? 1
    }
}

/// Which entries to read, and in which direction.
public struct IncidentLogQuery: Sendable, Equatable {
    public var since: Timestamp?
    public var until: Timestamp?
    public var subject: String?
    /// Continue after (ascending) or before (descending) this entry id.
    public var cursor: Int64?
    public var limit: Int = 100
    /// Newest first: "the last 50 entries".
    public var newestFirst = false

    public init() {}
}

extension SQLiteConnection {
    public func incidentLog(_ request: IncidentLogQuery) throws -> [IncidentLogEntry] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        if let since = request.since {
            conditions.append("time_ms >= ?")
            parameters.append(since.millisecondsSinceEpoch)
        }
        if let until = request.until {
            conditions.append("time_ms < ?")
            parameters.append(until.millisecondsSinceEpoch)
        }
        if let subject = request.subject {
            conditions.append("subject = ?")
            parameters.append(subject)
        }
        if let cursor = request.cursor {
            conditions.append(request.newestFirst ? "id < ?" : "id > ?")
            parameters.append(cursor)
        }
        parameters.append(request.limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try query(
            """
            SELECT id, seq, time_ms, actor_uid, actor_user, source, subject, text, exercise
            FROM incident_log \(filter) ORDER BY id \(request.newestFirst ? "DESC" : "ASC") LIMIT ?
            """, parameters
        ) { row in
            IncidentLogEntry(
                id: row.int64(0), seq: row.int64(1), time: Timestamp(millisecondsSinceEpoch: row.int64(2)),
                actor: Principal(uid: row.optionalInt64(3).map { UInt32(truncatingIfNeeded: $0) }, user: row.text(4)),
                source: IncidentLogEntry.Source(rawValue: row.text(5)) ?? .person,
                subject: row.optionalText(6), text: row.text(7), exercise: row.bool(8))
        }
    }
}
