import BeredskapCore
import BeredskapJSON

/// An alert as the API shows it (API.md, "Alerts, silences, notifications").
///
/// Why built from the lifecycle value rather than from loose fields: the lifecycle is what the
/// engine stores, so the API cannot drift from it (a `fired_at` the engine never set, say).
/// `history` and `notifications` are present only on `GET /v1/alerts/{id}`: a list of 500
/// alerts with every transition and outbox row would be large and is rarely wanted.
public struct AlertResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var rule: String
    public var subject: String
    public var severity: AlertSeverity
    public var state: AlertState
    /// True while an acknowledgement counts (it has not expired).
    public var acknowledged: Bool
    @NullEncoded public var ackedBy: String?
    @NullEncoded public var ackedAt: Timestamp?
    @NullEncoded public var ackComment: String?
    @NullEncoded public var ackExpiresAt: Timestamp?
    /// The measured value that decided the verdict (a utilization as a ratio, hours, places).
    @NullEncoded public var value: Double?
    @NullEncoded public var threshold: Double?
    /// When the condition first held.
    public var startedAt: Timestamp
    @NullEncoded public var firedAt: Timestamp?
    @NullEncoded public var resolvedAt: Timestamp?
    public var silenced: Bool
    public var exercise: Bool
    @NullEncoded public var district: String?
    /// Changing state too often: notifications are held back until it settles.
    public var flapping: Bool
    /// State and severity changes, oldest first (only on `GET /v1/alerts/{id}`).
    public var history: [AlertTransition]?
    /// The outbox rows this alert caused, newest first (only on `GET /v1/alerts/{id}`).
    public var notifications: [NotificationResource]?

    /// The resource for an alert's stored parts; `now` decides whether an acknowledgement
    /// with an expiry still counts.
    public init(
        id: Int64, lifecycle: AlertLifecycle, value: Double?, threshold: Double?, district: String?, silenced: Bool,
        exercise: Bool, flapping: Bool, now: Timestamp
    ) {
        self.id = id
        rule = lifecycle.key.rule
        subject = lifecycle.key.subject
        severity = lifecycle.severity
        state = lifecycle.state
        acknowledged = lifecycle.isAcknowledged(at: now)
        let acknowledgement = lifecycle.acknowledgement
        ackedBy = acknowledgement?.by
        ackedAt = acknowledgement?.at
        ackComment = acknowledgement?.comment
        ackExpiresAt = acknowledgement?.until
        self.value = value
        self.threshold = threshold
        startedAt = lifecycle.pendingSince
        firedAt = lifecycle.firingSince
        resolvedAt = lifecycle.resolvedAt
        self.silenced = silenced
        self.exercise = exercise
        self.district = district
        self.flapping = flapping
    }
}

/// `GET /v1/alerts`: newest first.
public struct AlertList: Sendable, Codable, Equatable {
    public var alerts: [AlertResource]

    public init(alerts: [AlertResource]) { self.alerts = alerts }
}

/// Which alerts `GET /v1/alerts?state=` lists: one state, or `open` (pending and firing).
public enum AlertStateFilter: String, JSONStringEnum {
    case open, pending, firing, resolved
}

/// `POST /v1/alerts/{id}/ack`.
public struct AckBody: Sendable, Codable, Equatable {
    /// Why, or what is being done about it: 1–500 characters.
    public var comment: String
    /// When the acknowledgement stops counting (RFC 3339, in the future); absent: until the
    /// alert resolves or its severity rises.
    public var expiresAt: Timestamp?

    public init(comment: String, expiresAt: Timestamp? = nil) {
        self.comment = comment
        self.expiresAt = expiresAt
    }
}

/// The answer to an acknowledgement: the alert as it now is, and the event that recorded it.
public struct AlertAcknowledged: Sendable, Codable, Equatable {
    public var alert: AlertResource
    public var eventSeq: Int64

    public init(alert: AlertResource, eventSeq: Int64) {
        self.alert = alert
        self.eventSeq = eventSeq
    }
}

/// Where an outbox row is: waiting for (another) attempt, delivered, or given up.
public enum NotificationState: String, JSONStringEnum {
    case pending, delivered, dead
}

/// One outbox row (API.md: `GET /v1/notifications`). The message itself is not included:
/// it can be long, and `subject_line` says what it is about.
public struct NotificationResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var channel: String
    public var group: String
    /// The alert that caused it.
    @NullEncoded public var alert: Int64?
    /// The playbook run that caused it.
    @NullEncoded public var run: Int64?
    /// `firing`, `repeat`, `resolved`, `escalation`, …
    public var kind: String
    /// The same on every attempt, so receivers can drop repeats.
    public var idempotencyKey: String
    public var state: NotificationState
    public var attempts: Int
    @NullEncoded public var lastError: String?
    @NullEncoded public var nextAttemptAt: Timestamp?
    @NullEncoded public var deliveredAt: Timestamp?
    public var subjectLine: String
    public var createdAt: Timestamp
    public var exercise: Bool

    public init(
        id: Int64, channel: String, group: String, alert: Int64?, kind: String, idempotencyKey: String,
        state: NotificationState, attempts: Int, lastError: String?, nextAttemptAt: Timestamp?, deliveredAt: Timestamp?,
        subjectLine: String, createdAt: Timestamp, exercise: Bool, run: Int64? = nil
    ) {
        self.id = id
        self.channel = channel
        self.group = group
        self.alert = alert
        self.run = run
        self.kind = kind
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.subjectLine = subjectLine
        self.createdAt = createdAt
        self.exercise = exercise
    }
}

/// `GET /v1/notifications`: newest first.
public struct NotificationList: Sendable, Codable, Equatable {
    public var notifications: [NotificationResource]

    public init(notifications: [NotificationResource]) { self.notifications = notifications }
}

/// The answer to `POST /v1/notifications/{id}/retry`.
public struct NotificationRequeued: Sendable, Codable, Equatable {
    public var notification: NotificationResource
    public var eventSeq: Int64

    public init(notification: NotificationResource, eventSeq: Int64) {
        self.notification = notification
        self.eventSeq = eventSeq
    }
}

/// One configured rule and how it stands now (`GET /v1/rules`).
///
/// Why optional groups instead of one shape per rule: utilization rules have thresholds,
/// fixed rules one severity, the surge rule a severity per level; a client shows whichever
/// is present, and a new rule of an existing shape needs no new type.
public struct RuleResource: Sendable, Codable, Equatable {
    public var id: String
    public var enabled: Bool
    /// Utilization rules: the ratios.
    @NullEncoded public var thresholds: AlertThresholds?
    /// Fixed rules: the severity when the condition holds.
    @NullEncoded public var severity: AlertSeverity?
    /// The surge rule: the severity per surge level (null: no alert at that level).
    @NullEncoded public var levels: SurgeSeverities?
    /// Time-based conditions (`stale_report`): how long before it holds.
    @NullEncoded public var after: FixedDuration?
    /// `settlement_lag`: how far behind a district must be (`min_lag` persons and `min_lag_share`).
    @NullEncoded public var lag: SettlementLagThresholds?
    /// `deadline_overdue`: the overdue count of one rule in one district above which it fires.
    @NullEncoded public var overdue: Int?
    public var timing: RuleTiming
    /// Alerts of this rule that are pending or firing now.
    public var open: Int
    public var firing: Int

    public init(
        id: String, enabled: Bool, thresholds: AlertThresholds? = nil, severity: AlertSeverity? = nil,
        levels: SurgeSeverities? = nil, after: FixedDuration? = nil, lag: SettlementLagThresholds? = nil, overdue: Int? = nil,
        timing: RuleTiming, open: Int, firing: Int
    ) {
        self.id = id
        self.enabled = enabled
        self.thresholds = thresholds
        self.severity = severity
        self.levels = levels
        self.after = after
        self.lag = lag
        self.overdue = overdue
        self.timing = timing
        self.open = open
        self.firing = firing
    }
}

/// The severities of the surge rule per level.
public struct SurgeSeverities: Sendable, Codable, Equatable {
    @NullEncoded public var elevated: AlertSeverity?
    @NullEncoded public var high: AlertSeverity?
    @NullEncoded public var crisis: AlertSeverity?

    public init(elevated: AlertSeverity?, high: AlertSeverity?, crisis: AlertSeverity?) {
        self.elevated = elevated
        self.high = high
        self.crisis = crisis
    }
}

/// A rule's timing, named as in the configuration file.
public struct RuleTiming: Sendable, Codable, Equatable {
    public var forDuration: FixedDuration
    public var keepFiringFor: FixedDuration
    @NullEncoded public var repeatInterval: FixedDuration?
    @NullEncoded public var escalateAfter: FixedDuration?
    public var escalationLimit: Int

    private enum CodingKeys: String, CodingKey {
        case forDuration = "for", keepFiringFor, repeatInterval, escalateAfter, escalationLimit
    }

    public init(_ policy: AlertLifecycle.Policy) {
        forDuration = policy.forDuration
        keepFiringFor = policy.keepFiringFor
        repeatInterval = policy.repeatInterval
        escalateAfter = policy.escalateAfter
        escalationLimit = policy.escalationLimit
    }
}

/// `GET /v1/rules`.
public struct RuleList: Sendable, Codable, Equatable {
    public var rules: [RuleResource]

    public init(rules: [RuleResource]) { self.rules = rules }
}

extension NotificationState: HasDisplayName {
    public var name: Text {
        switch self {
        case .pending: Text("pending", nb: "venter")
        case .delivered: Text("delivered", nb: "levert")
        case .dead: Text("dead", nb: "feilet")
        }
    }
}
