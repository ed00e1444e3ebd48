import BeredskapAPI
import BeredskapCore

/// Typed calls for silences and the channel test.
extension BeredskapClient {
    /// `POST /v1/silences`.
    public func createSilence(_ body: NewSilence, idempotencyKey: String? = nil) throws(ClientError) -> SilenceChanged {
        try call(Endpoints.Alerts.createSilence, body: body, idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/silences`, newest first.
    public func silences(state: SilenceStateFilter? = nil, limit: Int? = nil) throws(ClientError) -> SilenceList {
        try call(Endpoints.Alerts.silences, query: [("state", state?.rawValue), ("limit", limit.map(String.init))])
    }

    /// `DELETE /v1/silences/{id}`: ends a silence now.
    public func expireSilence(id: String, idempotencyKey: String? = nil) throws(ClientError) -> SilenceChanged {
        try call(Endpoints.Alerts.expireSilence, path: [id], idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/notifications/test`: a test message through one channel, now.
    public func testNotificationChannel(_ channel: String) throws(ClientError) -> NotificationTestResult {
        try call(Endpoints.Alerts.testChannel, body: NotificationTestBody(channel: channel))
    }
}
