import BeredskapAPI
import BeredskapCore

/// Typed calls for alerts, rules and the notification outbox.
extension BeredskapClient {
    /// `GET /v1/alerts`; without a state the daemon lists the open alerts.
    public func alerts(
        state: AlertStateFilter? = nil, severity: AlertSeverity? = nil, rule: String? = nil, limit: Int? = nil
    ) throws(ClientError) -> AlertList {
        try call(
            APIRequest(
                "GET", "/v1/alerts",
                query: [
                    ("state", state?.rawValue), ("severity", severity?.rawValue), ("rule", rule),
                    ("limit", limit.map(String.init)),
                ]),
            as: AlertList.self)
    }

    /// `GET /v1/alerts/{id}`: with its history and notifications.
    public func alert(id: Int64) throws(ClientError) -> AlertResource {
        try call(APIRequest("GET", "/v1/alerts/\(id)"), as: AlertResource.self)
    }

    /// `POST /v1/alerts/{id}/ack`.
    public func acknowledgeAlert(id: Int64, _ body: AckBody, idempotencyKey: String? = nil) throws(ClientError)
        -> AlertAcknowledged
    {
        try call(
            APIRequest("POST", "/v1/alerts/\(id)/ack", body: Self.body(body), idempotencyKey: idempotencyKey),
            as: AlertAcknowledged.self)
    }

    public func rules() throws(ClientError) -> RuleList {
        try call(APIRequest("GET", "/v1/rules"), as: RuleList.self)
    }

    public func notifications(state: NotificationState? = nil, limit: Int? = nil) throws(ClientError) -> NotificationList {
        try call(
            APIRequest("GET", "/v1/notifications", query: [("state", state?.rawValue), ("limit", limit.map(String.init))]),
            as: NotificationList.self)
    }

    /// `POST /v1/notifications/{id}/retry`: puts a dead notification back in the queue.
    public func retryNotification(id: Int64, idempotencyKey: String? = nil) throws(ClientError) -> NotificationRequeued {
        try call(
            APIRequest("POST", "/v1/notifications/\(id)/retry", idempotencyKey: idempotencyKey), as: NotificationRequeued.self)
    }
}
