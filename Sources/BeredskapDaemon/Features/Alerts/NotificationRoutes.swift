import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The outbox: `GET /v1/notifications`, `POST /v1/notifications/{id}/retry`.
///
/// Delivery belongs to the notifier; these routes only show the rows and put a dead one back
/// in the queue. The `notification.requeued` event is what the notifier and the
/// `notification_dead` rule follow, so the retry needs no call into either.
struct NotificationRoutes {
    let reads: StoreReads

    var routes: [Route] {
        [
            Route(Endpoints.Alerts.notifications) { context throws(APIError) in
                let state = try context.queryEnum("state", NotificationState.self).map(AlertResources.storeState)
                let limit = try context.pageSize()
                // The outbox keeps every message sent, with its document: pages of it off the loop.
                return .slowRead { () throws(APIError) in
                    let rows = try reads.read { try $0.notifications(state: state, limit: limit) }
                    return .json(status: 200, body: NotificationList(notifications: rows.map(AlertResources.notification)))
                }
            },
            Route(Endpoints.Alerts.retryNotification) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                return .mutation { transaction in try Self.retry(id, in: &transaction) }
            },
        ]
    }

    /// Only a dead row can be retried: a pending one is already queued, and a delivered one
    /// sent twice would reach people twice (the idempotency key helps receivers, not people
    /// reading e-mail).
    private static func retry(_ id: Int64, in transaction: inout WriteTransaction) throws -> CommandReply {
        guard let row = try transaction.connection.notification(id: id) else {
            var error = APIError.notFound(Text("no notification \(id)", nb: "ingen melding med id \(id)"))
            error.details["id"] = .integer(id)
            throw error
        }
        guard row.state == .dead, try transaction.requeue(notification: id) else {
            var error = APIError.conflict(Text(
                "notification \(id) is \(row.state.rawValue); only a dead notification can be retried",
                nb: "melding \(id) er \(AlertResources.state(row.state).name.nb); bare en feilet melding kan sendes på nytt"))
            error.details["state"] = .string(row.state.rawValue)
            throw error
        }
        let event = try transaction.appendEvent(
            NotificationEvents.requeued,
            NotificationEvents.Requeued(
                alert: row.alertID, run: row.runID, channel: row.channel, group: row.group, attempts: row.attempts),
            subject: "notification/\(id)")
        guard let requeued = try transaction.connection.notification(id: id) else {
            throw APIError.internal(Text("the notification vanished", nb: "meldingen forsvant"))
        }
        return try CommandReply.json(
            status: 200, NotificationRequeued(notification: AlertResources.notification(requeued), eventSeq: event.seq))
    }
}
