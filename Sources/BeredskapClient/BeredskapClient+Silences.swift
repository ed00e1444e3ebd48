import BeredskapAPI
import BeredskapCore

/// Typed calls for silences and the channel test.
extension BeredskapClient {
    /// `POST /v1/silences`.
    public func createSilence(_ body: NewSilence, idempotencyKey: String? = nil) throws(ClientError) -> SilenceChanged {
        try call(
            APIRequest("POST", "/v1/silences", body: Self.body(body), idempotencyKey: idempotencyKey), as: SilenceChanged.self)
    }

    /// `GET /v1/silences`, newest first.
    public func silences(state: SilenceStateFilter? = nil, limit: Int? = nil) throws(ClientError) -> SilenceList {
        try call(
            APIRequest("GET", "/v1/silences", query: [("state", state?.rawValue), ("limit", limit.map(String.init))]),
            as: SilenceList.self)
    }

    /// `DELETE /v1/silences/{id}`: ends a silence now.
    public func expireSilence(id: String, idempotencyKey: String? = nil) throws(ClientError) -> SilenceChanged {
        try call(
            APIRequest("DELETE", "/v1/silences/\(APIRequest.encode(id))", idempotencyKey: idempotencyKey),
            as: SilenceChanged.self)
    }

    /// `POST /v1/notifications/test`: a test message through one channel, now.
    public func testNotificationChannel(_ channel: String) throws(ClientError) -> NotificationTestResult {
        try call(
            APIRequest("POST", "/v1/notifications/test", body: Self.body(NotificationTestBody(channel: channel))),
            as: NotificationTestResult.self)
    }
}
