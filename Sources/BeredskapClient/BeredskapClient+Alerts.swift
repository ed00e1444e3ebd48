import BeredskapAPI
import BeredskapCore

/// Typed calls for alerts, rules and the notification outbox.
extension BeredskapClient {
    /// `GET /v1/alerts`; without a state the daemon lists the open alerts.
    public func alerts(
        state: AlertStateFilter? = nil, severity: AlertSeverity? = nil, rule: String? = nil, limit: Int? = nil
    ) throws(ClientError) -> AlertList {
        try call(
            Endpoints.Alerts.alerts,
            query: [
                ("state", state?.rawValue), ("severity", severity?.rawValue), ("rule", rule), ("limit", limit.map(String.init)),
            ])
    }

    /// `GET /v1/alerts/{id}`: with its history and notifications.
    public func alert(id: Int64) throws(ClientError) -> AlertResource {
        try call(Endpoints.Alerts.alert, path: ["\(id)"])
    }

    /// `POST /v1/alerts/{id}/ack`.
    public func acknowledgeAlert(id: Int64, _ body: AckBody, idempotencyKey: String? = nil) throws(ClientError)
        -> AlertAcknowledged
    {
        try call(Endpoints.Alerts.acknowledge, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func rules() throws(ClientError) -> RuleList {
        try call(Endpoints.Alerts.rules)
    }

    public func notifications(state: NotificationState? = nil, limit: Int? = nil) throws(ClientError) -> NotificationList {
        try call(Endpoints.Alerts.notifications, query: [("state", state?.rawValue), ("limit", limit.map(String.init))])
    }

    /// `POST /v1/notifications/{id}/retry`: puts a dead notification back in the queue.
    public func retryNotification(id: Int64, idempotencyKey: String? = nil) throws(ClientError) -> NotificationRequeued {
        try call(Endpoints.Alerts.retryNotification, path: ["\(id)"], idempotencyKey: idempotencyKey)
    }
}
