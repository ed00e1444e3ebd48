import BeredskapCore

/// `POST /v1/log`.
public struct NewLogEntry: Sendable, Codable, Equatable {
    public var text: String
    public var subject: String?

    public init(text: String, subject: String? = nil) {
        self.text = text
        self.subject = subject
    }
}

/// `GET /v1/log`: entries in the order asked for. Continue with `after=next` (or `before=next`
/// when reading newest first); `next` is null when there is nothing more.
public struct LogPage: Sendable, Codable, Equatable {
    public var entries: [IncidentLogEntry]
    public var next: Int64?

    public init(entries: [IncidentLogEntry], next: Int64?) {
        self.entries = entries
        self.next = next
    }
}

/// Any resource returned by a mutation, with the `event_seq` of the last event it appended.
public struct Mutation<Resource: Encodable & Sendable>: Encodable, Sendable {
    public var resource: Resource
    public var eventSeq: Int64

    public init(_ resource: Resource, eventSeq: Int64) {
        self.resource = resource
        self.eventSeq = eventSeq
    }

    private enum CodingKeys: String, CodingKey { case eventSeq }

    /// The resource's own fields, then `event_seq`, in one flat object.
    public func encode(to encoder: any Encoder) throws {
        try resource.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventSeq, forKey: .eventSeq)
    }
}

/// A created incident-log entry as the client reads it back.
public struct LogEntryCreated: Sendable, Codable, Equatable {
    public var id: Int64
    public var seq: Int64
    public var time: Timestamp
    public var actor: Principal
    public var source: IncidentLogEntry.Source
    public var subject: String?
    public var text: String
    public var exercise: Bool
    public var eventSeq: Int64
}

/// The client reads a mutation's answer back as the resource and its `event_seq`.
extension Mutation: Decodable where Resource: Decodable {
    public init(from decoder: any Decoder) throws {
        resource = try Resource(from: decoder)
        eventSeq = try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .eventSeq)
    }
}

extension Mutation: Equatable where Resource: Equatable {}
