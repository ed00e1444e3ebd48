extension Endpoints {
    /// Alerts, the rules, the notification outbox and silences.
    public enum Alerts {
        /// Without `state`, the open alerts.
        public static let alerts = Endpoint<NoBody, AlertList>(
            .get, "/v1/alerts", permission: .read, query: ["state", "severity", "rule", "limit"])
        /// With its history and notifications.
        public static let alert = Endpoint<NoBody, AlertResource>(.get, "/v1/alerts/{id}", permission: .read)
        public static let acknowledge = Endpoint<AckBody, AlertAcknowledged>(.post, "/v1/alerts/{id}/ack", permission: .operate)
        public static let rules = Endpoint<NoBody, RuleList>(.get, "/v1/rules", permission: .read)

        public static let notifications = Endpoint<NoBody, NotificationList>(
            .get, "/v1/notifications", permission: .read, query: ["state", "limit"])
        /// Puts a dead notification back in the queue.
        public static let retryNotification = Endpoint<NoBody, NotificationRequeued>(
            .post, "/v1/notifications/{id}/retry", permission: .operate)
        /// A test message through one channel, now.
        public static let testChannel = Endpoint<NotificationTestBody, NotificationTestResult>(
            .post, "/v1/notifications/test", permission: .admin)

        public static let createSilence = Endpoint<NewSilence, SilenceChanged>(.post, "/v1/silences", permission: .operate)
        /// Newest first.
        public static let silences = Endpoint<NoBody, SilenceList>(.get, "/v1/silences", permission: .operate, query: ["state", "limit"])
        /// Ends a silence now.
        public static let expireSilence = Endpoint<NoBody, SilenceChanged>(.delete, "/v1/silences/{id}", permission: .operate)

        public static var all: [EndpointSpec] {
            [alerts.spec, alert.spec, acknowledge.spec, rules.spec]
                + [notifications.spec, retryNotification.spec, testChannel.spec]
                + [createSilence.spec, silences.spec, expireSilence.spec]
        }
    }
}
