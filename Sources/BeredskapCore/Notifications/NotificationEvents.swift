import BeredskapJSON

/// The events of the outbox (subject `notification/<id>`): a row queued, each delivery
/// attempt, and a dead row queued again by hand.
public enum NotificationEvents {
    public static let queued = EventType<Queued>(.notification, "queued")
    public static let delivered = EventType<Delivered>(.notification, "delivered")
    /// An attempt failed and another is scheduled.
    public static let failed = EventType<AttemptFailed>(.notification, "failed")
    /// An attempt failed and the retry policy gives up.
    public static let dead = EventType<AttemptFailed>(.notification, "dead")
    public static let requeued = EventType<Requeued>(.notification, "requeued")

    public static let all: [EventKind] = [queued.kind, delivered.kind, failed.kind, dead.kind, requeued.kind]

    /// A row for one channel of one group, about an alert or a run.
    public struct Queued: EventPayload, Equatable {
        public var alert: Int64?
        public var run: Int64?
        /// What the message says (`firing`, `step_ready`, …).
        public var kind: String
        public var group: String
        public var channel: String

        public init(alert: Int64? = nil, run: Int64? = nil, kind: String, group: String, channel: String) {
            self.alert = alert
            self.run = run
            self.kind = kind
            self.group = group
            self.channel = channel
        }

        public static let identifiers: Set<String> = ["kind", "group", "channel"]
    }

    public struct Delivered: EventPayload, Equatable {
        @NullEncoded public var alert: Int64?
        @NullEncoded public var run: Int64?
        public var channel: String
        public var group: String
        public var attempt: Int

        public init(alert: Int64?, run: Int64?, channel: String, group: String, attempt: Int) {
            self.alert = alert
            self.run = run
            self.channel = channel
            self.group = group
            self.attempt = attempt
        }

        public static let identifiers: Set<String> = ["channel", "group"]
    }

    public struct AttemptFailed: EventPayload, Equatable {
        @NullEncoded public var alert: Int64?
        @NullEncoded public var run: Int64?
        public var channel: String
        public var group: String
        public var attempt: Int
        public var error: String
        /// nil: no further attempt (`notification.dead`).
        @NullEncoded public var nextAttemptAt: Timestamp?

        public init(
            alert: Int64?, run: Int64?, channel: String, group: String, attempt: Int, error: String, nextAttemptAt: Timestamp?
        ) {
            self.alert = alert
            self.run = run
            self.channel = channel
            self.group = group
            self.attempt = attempt
            self.error = error
            self.nextAttemptAt = nextAttemptAt
        }

        public static let identifiers: Set<String> = ["channel", "group"]
        public static let annotatedText = [
            "error": "the channel's own report of the failure (an HTTP status, an exit code, the start of a receiver's answer), never what a person wrote",
        ]
    }

    public struct Requeued: EventPayload, Equatable {
        @NullEncoded public var alert: Int64?
        @NullEncoded public var run: Int64?
        public var channel: String
        public var group: String
        /// Attempts made before it was queued again.
        public var attempts: Int

        public init(alert: Int64?, run: Int64?, channel: String, group: String, attempts: Int) {
            self.alert = alert
            self.run = run
            self.channel = channel
            self.group = group
            self.attempts = attempts
        }

        public static let identifiers: Set<String> = ["channel", "group"]
    }
}
