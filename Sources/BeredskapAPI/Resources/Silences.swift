import BeredskapCore
import BeredskapJSON

/// The matchers of `POST /v1/silences` as written: each may be left out.
///
/// Why a type of its own rather than `Silence.Matchers`: the request may omit `rule` and
/// `subject` (meaning `*`) and `match_all` (false), while a stored silence always has them.
public struct SilenceMatchersBody: Sendable, Codable, Equatable {
    public var rule: String?
    public var subject: String?
    public var severity: AlertSeverity?
    public var matchAll: Bool?

    public init(rule: String? = nil, subject: String? = nil, severity: AlertSeverity? = nil, matchAll: Bool? = nil) {
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.matchAll = matchAll
    }

    /// The matchers with the defaults filled in.
    public var matchers: Silence.Matchers {
        Silence.Matchers(
            rule: rule ?? AlertKeyPattern.any, subject: subject ?? AlertKeyPattern.any, severity: severity,
            matchAll: matchAll ?? false)
    }
}

/// `POST /v1/silences`. Exactly one of `ends_at` and `duration` says when it ends.
public struct NewSilence: Sendable, Codable, Equatable {
    public var matchers: SilenceMatchersBody
    /// Absent: now.
    public var startsAt: Timestamp?
    public var endsAt: Timestamp?
    /// From `starts_at` (`PT2H`).
    public var duration: FixedDuration?
    /// Why nobody should hear about these alerts for a while: required.
    public var comment: String

    public init(
        matchers: SilenceMatchersBody, startsAt: Timestamp? = nil, endsAt: Timestamp? = nil, duration: FixedDuration? = nil,
        comment: String
    ) {
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.duration = duration
        self.comment = comment
    }
}

/// Where a silence is: not yet started, keeping alerts quiet, run out, or ended by hand.
public enum SilenceState: String, JSONStringEnum {
    case pending, active, ended, expired

    /// The state of `silence` at `now`; `expiredAt` is when someone ended it (DELETE).
    public init(_ silence: Silence, expiredAt: Timestamp?, now: Timestamp) {
        if expiredAt != nil {
            self = .expired
        } else if now < silence.startsAt {
            self = .pending
        } else {
            self = silence.isActive(at: now) ? .active : .ended
        }
    }
}

/// Which silences `GET /v1/silences?state=` lists; `ended` includes those expired by hand.
public enum SilenceStateFilter: String, JSONStringEnum {
    case pending, active, ended

    public func includes(_ state: SilenceState) -> Bool {
        switch self {
        case .pending: state == .pending
        case .active: state == .active
        case .ended: state == .ended || state == .expired
        }
    }
}

/// A silence's matchers as the API shows them: every field present.
public struct SilenceMatchersResource: Sendable, Codable, Equatable {
    public var rule: String
    public var subject: String
    @NullEncoded public var severity: AlertSeverity?
    public var matchAll: Bool

    public init(_ matchers: Silence.Matchers) {
        rule = matchers.rule
        subject = matchers.subject
        severity = matchers.severity
        matchAll = matchers.matchAll
    }
}

/// A silence as the API shows it (API.md, "Alerts, silences, notifications").
public struct SilenceResource: Sendable, Codable, Equatable {
    public var id: String
    public var matchers: SilenceMatchersResource
    public var startsAt: Timestamp
    public var endsAt: Timestamp
    public var comment: String
    public var author: String
    public var createdAt: Timestamp
    public var state: SilenceState
    /// When someone ended it early (`DELETE /v1/silences/{id}`).
    @NullEncoded public var expiredAt: Timestamp?

    public init(_ silence: Silence, expiredAt: Timestamp?, now: Timestamp) {
        id = silence.id
        matchers = SilenceMatchersResource(silence.matchers)
        startsAt = silence.startsAt
        endsAt = silence.endsAt
        comment = silence.comment
        author = silence.author
        createdAt = silence.createdAt
        state = SilenceState(silence, expiredAt: expiredAt, now: now)
        self.expiredAt = expiredAt
    }
}

/// `GET /v1/silences`: newest first.
public struct SilenceList: Sendable, Codable, Equatable {
    public var silences: [SilenceResource]

    public init(silences: [SilenceResource]) { self.silences = silences }
}

/// The answer to creating or expiring a silence: the silence as it now is, and the event.
public struct SilenceChanged: Sendable, Codable, Equatable {
    public var silence: SilenceResource
    public var eventSeq: Int64

    public init(silence: SilenceResource, eventSeq: Int64) {
        self.silence = silence
        self.eventSeq = eventSeq
    }
}

/// `POST /v1/notifications/test`.
public struct NotificationTestBody: Sendable, Codable, Equatable {
    public var channel: String

    public init(channel: String) { self.channel = channel }
}

/// The answer to `POST /v1/notifications/test`: whether the channel took the message. A
/// channel that failed is still a 200 (the request did what it was asked); `error` says why.
public struct NotificationTestResult: Sendable, Codable, Equatable {
    public var channel: String
    public var delivered: Bool
    @NullEncoded public var error: String?

    public init(channel: String, delivered: Bool, error: String? = nil) {
        self.channel = channel
        self.delivered = delivered
        self.error = error
    }
}

extension SilenceState: HasDisplayName {
    public var name: Text {
        switch self {
        case .pending: Text("pending", nb: "venter")
        case .active: Text("active", nb: "aktiv")
        case .ended: Text("ended", nb: "utløpt")
        case .expired: Text("expired", nb: "avsluttet")
        }
    }
}
