import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// One outbox row: a message for one channel, written in the same transaction as the alert or
/// playbook-run transition that caused it.
public struct OutboxNotification: Sendable, Equatable {
    public enum State: String, Sendable { case pending, delivered, dead }

    public var id: Int64
    public var alertID: Int64?
    /// The playbook run that caused it, for run notifications.
    public var runID: Int64?
    public var kind: String
    public var channel: String
    public var group: String
    /// The same on every attempt, so receivers can drop repeats.
    public var idempotencyKey: String
    public var document: JSONValue
    public var subjectLine: String
    public var body: String
    public var state: State
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Timestamp
    public var firstAttemptAt: Timestamp?
    public var nextAttemptAt: Timestamp?
    public var deliveredAt: Timestamp?
    public var exercise: Bool

    public init(
        alertID: Int64?, kind: String, channel: String, group: String, idempotencyKey: String, document: JSONValue,
        subjectLine: String, body: String, createdAt: Timestamp, exercise: Bool, runID: Int64? = nil
    ) {
        id = 0
        self.alertID = alertID
        self.runID = runID
        self.kind = kind
        self.channel = channel
        self.group = group
        self.idempotencyKey = idempotencyKey
        self.document = document
        self.subjectLine = subjectLine
        self.body = body
        state = .pending
        attempts = 0
        self.createdAt = createdAt
        nextAttemptAt = createdAt
        self.exercise = exercise
    }
}

extension SQLiteConnection {
    private static let notificationColumns = """
        id, alert_id, kind, channel, grp, idempotency_key, document, subject_line, body, state, attempts, last_error,
        created_ms, first_attempt_ms, next_attempt_ms, delivered_ms, exercise, run_id
        """

    public func notification(id: Int64) throws -> OutboxNotification? {
        try queryFirst("SELECT \(Self.notificationColumns) FROM notifications WHERE id = ?", [id], Self.notification(from:))
    }

    /// Pending rows whose next attempt is due at `now`, oldest first; with `channels`, only
    /// rows for those (an exercise's world delivers to the channels marked for exercises).
    public func dueNotifications(at now: Timestamp, limit: Int, channels: Set<String>? = nil) throws -> [OutboxNotification] {
        let (filter, names) = Self.channelFilter(channels)
        return try query(
            """
            SELECT \(Self.notificationColumns) FROM notifications
            WHERE state = 'pending' AND next_attempt_ms <= ?\(filter) ORDER BY next_attempt_ms, id LIMIT ?
            """, [now.millisecondsSinceEpoch] + names + [limit], Self.notification(from:))
    }

    /// The earliest next attempt of a pending row (for one of `channels`, when given), if any.
    public func nextNotificationAttempt(channels: Set<String>? = nil) throws -> Timestamp? {
        let (filter, names) = Self.channelFilter(channels)
        return try scalarInt("SELECT min(next_attempt_ms) FROM notifications WHERE state = 'pending'\(filter)", names)
            .map(Timestamp.init(millisecondsSinceEpoch:))
    }

    /// ` AND channel IN (?, …)` and its values; nothing for nil (every channel).
    private static func channelFilter(_ channels: Set<String>?) -> (String, [any SQLiteBindable]) {
        guard let channels else { return ("", []) }
        guard !channels.isEmpty else { return (" AND 0", []) }
        return (" AND channel IN (" + Array(repeating: "?", count: channels.count).joined(separator: ", ") + ")", channels.sorted())
    }

    public func notifications(state: OutboxNotification.State?, limit: Int) throws -> [OutboxNotification] {
        let filter = state == nil ? "" : "WHERE state = ?"
        let parameters: [any SQLiteBindable] = (state.map { [$0.rawValue] } ?? []) + [limit]
        return try query(
            "SELECT \(Self.notificationColumns) FROM notifications \(filter) ORDER BY id DESC LIMIT ?", parameters,
            Self.notification(from:))
    }

    /// Counts for `/v1/status`.
    public func notificationCounts() throws -> (pending: Int, dead: Int) {
        let pending = try scalarInt("SELECT count(*) FROM notifications WHERE state = 'pending'") ?? 0
        let dead = try scalarInt("SELECT count(*) FROM notifications WHERE state = 'dead'") ?? 0
        return (Int(pending), Int(dead))
    }

    private static func notification(from row: SQLiteRow) throws -> OutboxNotification {
        func time(_ column: Int) -> Timestamp? { row.optionalInt64(column).map(Timestamp.init(millisecondsSinceEpoch:)) }
        var stored = OutboxNotification(
            alertID: row.optionalInt64(1), kind: row.text(2), channel: row.text(3), group: row.text(4),
            idempotencyKey: row.text(5), document: try JSONParser.parse(Array(row.text(6).utf8)), subjectLine: row.text(7),
            body: row.text(8), createdAt: Timestamp(millisecondsSinceEpoch: row.int64(12)), exercise: row.bool(16),
            runID: row.optionalInt64(17))
        stored.id = row.int64(0)
        stored.state = OutboxNotification.State(rawValue: row.text(9)) ?? .pending
        stored.attempts = row.int(10)
        stored.lastError = row.optionalText(11)
        stored.firstAttemptAt = time(13)
        stored.nextAttemptAt = time(14)
        stored.deliveredAt = time(15)
        return stored
    }
}

extension WriteTransaction {
    /// Queues a notification; returns its id.
    @discardableResult
    public func enqueue(_ notification: OutboxNotification) throws -> Int64 {
        try connection.run(
            """
            INSERT INTO notifications(alert_id, kind, channel, grp, idempotency_key, document, subject_line, body, state,
                attempts, created_ms, next_attempt_ms, exercise, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)
            """,
            notification.alertID, notification.kind, notification.channel, notification.group,
            notification.idempotencyKey, notification.document.serializedString(), notification.subjectLine,
            notification.body, notification.createdAt.millisecondsSinceEpoch,
            notification.nextAttemptAt?.millisecondsSinceEpoch, notification.exercise, notification.runID)
        return connection.lastInsertRowID
    }

    /// Records an attempt: delivered, retried at `nextAttempt`, or dead (nextAttempt nil after a failure).
    public func recordAttempt(
        notification id: Int64, delivered: Bool, error: String?, nextAttempt: Timestamp?, attemptedAt: Timestamp
    ) throws {
        let state = delivered ? "delivered" : (nextAttempt == nil ? "dead" : "pending")
        try connection.run(
            """
            UPDATE notifications SET state = ?, attempts = attempts + 1, last_error = ?,
                first_attempt_ms = coalesce(first_attempt_ms, ?), next_attempt_ms = ?, delivered_ms = ?
            WHERE id = ?
            """,
            state, error, attemptedAt.millisecondsSinceEpoch, delivered ? nil : nextAttempt?.millisecondsSinceEpoch,
            delivered ? attemptedAt.millisecondsSinceEpoch : nil, id)
    }

    /// Puts a dead notification back in the queue (same idempotency key), due now.
    public func requeue(notification id: Int64) throws -> Bool {
        try connection.run(
            "UPDATE notifications SET state = 'pending', next_attempt_ms = ?, first_attempt_ms = NULL WHERE id = ? AND state = 'dead'",
            now.millisecondsSinceEpoch, id) == 1
    }
}
