import BeredskapCore

/// `GET /v1/events`: a page of the event log. Continue with `since=next`.
public struct EventPage: Sendable, Codable, Equatable {
    public var events: [Event]
    /// The seq to pass as `since` for the next page (the last seq returned, or `since` itself).
    public var next: Int64

    public init(events: [Event], next: Int64) {
        self.events = events
        self.next = next
    }
}

/// `GET /v1/audit`: events caused by people, oldest first. Continue with `after=next`.
public struct AuditPage: Sendable, Codable, Equatable {
    public var entries: [Event]
    public var next: Int64

    public init(entries: [Event], next: Int64) {
        self.entries = entries
        self.next = next
    }
}

/// The heartbeat line of the event stream.
public struct StreamHeartbeat: Sendable, Codable, Equatable {
    public var type: String
    public var lastEventSeq: Int64

    public init(lastEventSeq: Int64) {
        type = "heartbeat"
        self.lastEventSeq = lastEventSeq
    }
}
