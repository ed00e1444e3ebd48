/// Names fixed by the API contract (../shared/design/API.md) and shared by daemon and client.
public enum APIContract {
    /// The version of the wire format (`/v1`).
    public static let apiVersion = 1
    /// This build's version, sent as `Beredskap-Version` on every response.
    public static let serverVersion = "0.1.0"

    public enum Header {
        public static let version = "Beredskap-Version"
        /// The daemon's configured time zone (`Europe/Oslo`), on every response, so a client
        /// shows times as the daemon's texts do without asking first.
        public static let timeZone = "Beredskap-Time-Zone"
        public static let idempotencyKey = "Idempotency-Key"
        public static let idempotentReplayed = "Idempotent-Replayed"
        /// `If-None-Match: *` on `PUT /v1/facilities/{id}`: create it, never replace it.
        public static let ifNoneMatch = "If-None-Match"
    }

    public enum MediaType {
        public static let json = "application/json"
        public static let ndjson = "application/x-ndjson"
        public static let prometheus = "text/plain; version=0.0.4; charset=utf-8"
    }

    /// The host name clients put in `Host` (the socket, not the name, decides where it goes).
    public static let hostName = "beredskap"

    /// Idempotency keys: printable ASCII without spaces, at most this long.
    public static let maximumIdempotencyKeyLength = 200

    /// Incident-log entries: at most this many characters.
    public static let maximumLogTextLength = 4000

    /// Pages: default and maximum number of items.
    public static let defaultPageSize = 100
    public static let maximumPageSize = 1000

    /// Seconds between heartbeats on `GET /v1/events?follow=true`.
    public static let defaultHeartbeatInterval = 15.0
}
