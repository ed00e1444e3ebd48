import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Stored alerts and outbox rows as the API shows them.
enum AlertResources {
    static func resource(_ alert: StoredAlert, now: Timestamp) -> AlertResource {
        AlertResource(
            id: alert.id, lifecycle: alert.lifecycle, value: AlertRules.value(of: alert, at: now), threshold: alert.threshold,
            district: alert.district, silenced: alert.silenced, exercise: alert.exercise, flapping: alert.flap.isFlapping,
            now: now)
    }

    /// One alert with its history and the notifications it caused: what someone deciding
    /// whether to acknowledge wants to see (who was told, and did it arrive).
    static func detailed(_ alert: StoredAlert, notifications: [OutboxNotification], now: Timestamp) -> AlertResource {
        var resource = resource(alert, now: now)
        resource.history = alert.lifecycle.history
        resource.notifications = notifications.map(notification)
        return resource
    }

    static func notification(_ row: OutboxNotification) -> NotificationResource {
        NotificationResource(
            id: row.id, channel: row.channel, group: row.group, alert: row.alertID, kind: row.kind,
            idempotencyKey: row.idempotencyKey, state: state(row.state), attempts: row.attempts, lastError: row.lastError,
            nextAttemptAt: row.state == .pending ? row.nextAttemptAt : nil, deliveredAt: row.deliveredAt,
            subjectLine: row.subjectLine, createdAt: row.createdAt, exercise: row.exercise, run: row.runID)
    }

    static func state(_ state: OutboxNotification.State) -> NotificationState {
        switch state {
        case .pending: .pending
        case .delivered: .delivered
        case .dead: .dead
        }
    }

    static func storeState(_ state: NotificationState) -> OutboxNotification.State {
        switch state {
        case .pending: .pending
        case .delivered: .delivered
        case .dead: .dead
        }
    }

    /// A positive integer id from the path (alerts and notifications are numbered by the store).
    static func idParameter(_ context: RequestContext) throws(APIError) -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), id > 0 else {
            throw .invalidField("id", Text("expected a positive whole number", nb: "forventet et positivt heltall"))
        }
        return id
    }
}

extension SQLiteConnection {
    /// The outbox rows an alert caused, newest first.
    ///
    /// Written here rather than in the store because only `GET /v1/alerts/{id}` needs it; it
    /// reads the ids and loads each row through `notification(id:)`, so the row mapping stays
    /// in one place. An alert causes a handful of rows (one per channel and step), so the
    /// extra lookups cost nothing worth a second mapping.
    func notifications(alert id: Int64) throws -> [OutboxNotification] {
        let ids = try query("SELECT id FROM notifications WHERE alert_id = ? ORDER BY id DESC LIMIT 200", [id]) { $0.int64(0) }
        return try ids.compactMap { try notification(id: $0) }
    }
}
