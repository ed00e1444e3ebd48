import BeredskapJSON

/// The events of alerts (subject `alert/<id>`) and silences (subject `silence/<id>`).
///
/// An acknowledgement's comment and a silence's comment are kept with the alert and the
/// silence (their rows); the events name them by their subject.
public enum AlertEvents {
    public static let opened = EventType<Snapshot>(.alert, "opened")
    public static let firing = EventType<Snapshot>(.alert, "firing")
    public static let severityChanged = EventType<Snapshot>(.alert, "severity_changed")
    public static let resolved = EventType<Snapshot>(.alert, "resolved")
    /// Closed without notifying: it never fired (a pending alert whose condition cleared).
    public static let closed = EventType<Snapshot>(.alert, "closed")
    public static let escalated = EventType<Escalated>(.alert, "escalated")
    public static let acknowledged = EventType<Acknowledged>(.alert, "acknowledged")
    public static let flapping = EventType<Snapshot>(.alert, "flapping")
    public static let flapSettled = EventType<Snapshot>(.alert, "flap_settled")
    public static let silenced = EventType<Snapshot>(.alert, "silenced")
    /// Its silence ended while it was open; it also starts the cards the silence held back.
    public static let unsilenced = EventType<Snapshot>(.alert, "unsilenced")

    public static let silenceCreated = EventType<SilenceDefined>(.silence, "created")
    /// Ended by hand (`DELETE /v1/silences/{id}`) before its end.
    public static let silenceExpired = EventType<SilenceDefined>(.silence, "expired")

    public static let all: [EventKind] = [
        opened.kind, firing.kind, severityChanged.kind, resolved.kind, closed.kind, escalated.kind, acknowledged.kind,
        flapping.kind, flapSettled.kind, silenced.kind, unsilenced.kind, silenceCreated.kind, silenceExpired.kind,
    ]

    /// An alert as it stands after the change.
    public struct Snapshot: EventPayload, Equatable {
        public var rule: String
        public var subject: String
        public var state: AlertState
        public var severity: AlertSeverity
        @NullEncoded public var value: Double?
        @NullEncoded public var threshold: Double?
        public var silenced: Bool

        public init(
            rule: String, subject: String, state: AlertState, severity: AlertSeverity, value: Double?, threshold: Double?,
            silenced: Bool
        ) {
            self.rule = rule
            self.subject = subject
            self.state = state
            self.severity = severity
            self.value = value
            self.threshold = threshold
            self.silenced = silenced
        }

        public static let identifiers: Set<String> = ["rule", "subject"]

        private enum CodingKeys: String, CodingKey { case rule, subject, state, severity, value, threshold, silenced }

        /// Alert events written before silences were noted on them have no `silenced`: they were not.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rule = try container.decode(String.self, forKey: .rule)
            subject = try container.decode(String.self, forKey: .subject)
            state = try container.decode(AlertState.self, forKey: .state)
            severity = try container.decode(AlertSeverity.self, forKey: .severity)
            _value = try container.decode(NullEncoded<Double>.self, forKey: .value)
            _threshold = try container.decode(NullEncoded<Double>.self, forKey: .threshold)
            silenced = try container.decodeIfPresent(Bool.self, forKey: .silenced) ?? false
        }
    }

    /// The escalation step reached (1 is the first).
    public struct Escalated: EventPayload, Equatable {
        public var step: Int

        public init(step: Int) { self.step = step }
    }

    /// Acknowledged by the event's actor; the comment is the alert's.
    public struct Acknowledged: EventPayload, Equatable {
        public var rule: String
        public var subject: String
        @NullEncoded public var expiresAt: Timestamp?

        public init(rule: String, subject: String, expiresAt: Timestamp?) {
            self.rule = rule
            self.subject = subject
            self.expiresAt = expiresAt
        }

        public static let identifiers: Set<String> = ["rule", "subject"]
    }

    /// A silence's matchers and time; its comment is the silence's (`silences` row `id`).
    public struct SilenceDefined: EventPayload, Equatable {
        public var id: String
        public var rule: String
        public var subject: String
        @NullEncoded public var severity: AlertSeverity?
        public var startsAt: Timestamp
        public var endsAt: Timestamp

        public init(_ silence: Silence) {
            id = silence.id
            rule = silence.matchers.rule
            subject = silence.matchers.subject
            severity = silence.matchers.severity
            startsAt = silence.startsAt
            endsAt = silence.endsAt
        }

        public static let identifiers: Set<String> = ["id", "rule", "subject"]
    }
}
