import BeredskapJSON

/// One entry of the append-only event log: the history of every state change.
///
/// Why one log: it is the audit trail, the source of the live event stream, and what the
/// rule engine reacts to. It is written in the same transaction as the state change it
/// describes, so the two can never disagree.
///
/// `type` and `data` are the wire form; `kind` and `payload(_:)` read them through the
/// catalogue (`EventCatalogue`). An event appended in this process also carries its payload as
/// the Swift value it was appended with, so the engines that observe commits read it without
/// decoding.
public struct Event: Sendable, Hashable, Codable {
    public var seq: Int64
    public var time: Timestamp
    public var type: String
    public var actor: Principal
    public var subject: String?
    public var data: JSONValue
    public var exercise: Bool
    /// The payload `data` was encoded from, when the event was appended in this process.
    private let appended: (any EventPayload)?

    public init(
        seq: Int64, time: Timestamp, type: String, actor: Principal, subject: String?, data: JSONValue,
        exercise: Bool, payload: (any EventPayload)? = nil
    ) {
        self.seq = seq
        self.time = time
        self.type = type
        self.actor = actor
        self.subject = subject
        self.data = data
        self.exercise = exercise
        appended = payload
    }

    /// The catalogue's entry for this event's type; nil for a type it does not have.
    public var kind: EventKind? { EventCatalogue.kind(named: type) }

    /// Whether this event is of `type`.
    public func `is`<Payload>(_ type: EventType<Payload>) -> Bool { self.type == type.name }

    /// The payload, when this event is of `type`: the value it was appended with, or decoded
    /// from `data` (nil when `data` does not have the payload's shape).
    public func payload<Payload>(_ type: EventType<Payload>) -> Payload? {
        guard self.type == type.name else { return nil }
        return appended as? Payload ?? Payload.decoded(from: data)
    }

    private enum CodingKeys: String, CodingKey { case seq, time, type, actor, subject, data, exercise }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int64.self, forKey: .seq)
        time = try container.decode(Timestamp.self, forKey: .time)
        type = try container.decode(String.self, forKey: .type)
        actor = try container.decode(Principal.self, forKey: .actor)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        data = try container.decodeIfPresent(JSONValue.self, forKey: .data) ?? .object(JSONObject())
        exercise = try container.decodeIfPresent(Bool.self, forKey: .exercise) ?? false
        appended = nil
    }

    /// Writes every field, `subject` as `null` when absent, in the documented order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(time, forKey: .time)
        try container.encode(type, forKey: .type)
        try container.encode(actor, forKey: .actor)
        try container.encode(subject, forKey: .subject)
        try container.encode(data, forKey: .data)
        try container.encode(exercise, forKey: .exercise)
    }

    /// Two events are equal when their wire forms are (the payload a process kept is the same data).
    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.seq == rhs.seq && lhs.time == rhs.time && lhs.type == rhs.type && lhs.actor == rhs.actor
            && lhs.subject == rhs.subject && lhs.data == rhs.data && lhs.exercise == rhs.exercise
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seq)
        hasher.combine(type)
        hasher.combine(data)
    }
}
