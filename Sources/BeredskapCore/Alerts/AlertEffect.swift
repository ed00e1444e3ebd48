import BeredskapJSON

/// Why the groups are told about an alert. The notification itself (text, channels, groups)
/// is made elsewhere; the lifecycle only says that one is due and why.
public enum AlertNotificationKind: String, JSONStringEnum {
    case firing
    case severityRaised = "severity_raised"
    case severityLowered = "severity_lowered"
    case `repeat`
    case resolved
}

/// What a step of an alert's lifecycle asks the outside world to do.
public enum AlertEffect: Sendable, Equatable, Codable {
    /// Tell the alert's groups; the lifecycle value carries the current severity.
    case notify(AlertNotificationKind)
    /// Tell escalation step `step` (1, 2, …); which groups that is, is resolved elsewhere.
    case escalate(step: Int)
    /// The condition cleared before `for` ran out: the alert closes without anyone having been
    /// told, so nobody is told now either.
    case closedSilently
}

/// Who took an alert on, and until when.
public struct AlertAcknowledgement: Sendable, Equatable, Codable {
    public var by: String
    public var comment: String?
    public var at: Timestamp
    /// After this instant the acknowledgement no longer counts; nil: until the alert resolves
    /// or its severity rises.
    public var until: Timestamp?

    public init(by: String, comment: String?, at: Timestamp, until: Timestamp?) {
        self.by = by
        self.comment = comment
        self.at = at
        self.until = until
    }
}

/// One change of an alert's state or severity, at the instant it took effect.
///
/// Why kept inside the alert: the flap detector reads how often an alert changed, and the
/// history must survive a restart with the rest of the alert.
public struct AlertTransition: Sendable, Equatable, Codable {
    public var at: Timestamp
    public var state: AlertState
    public var severity: AlertSeverity

    public init(at: Timestamp, state: AlertState, severity: AlertSeverity) {
        self.at = at
        self.state = state
        self.severity = severity
    }
}

/// Why an action on an alert was refused.
public enum AlertActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Only a pending or firing alert can be acknowledged.
    case notOpen(AlertKey)
    /// An acknowledgement that has expired when it is given would change nothing.
    case expiryNotInFuture(until: Timestamp, at: Timestamp)

    public var text: Text {
        switch self {
        case .notOpen(let key):
            Text("the alert \(key) is resolved", nb: "varselet \(key) er avsluttet")
        case .expiryNotInFuture(let until, let at):
            Text("until (\(until)) must be after now (\(at))", nb: "until (\(until)) må være etter nå (\(at))")
        }
    }

    public var description: String { text.en }
}
