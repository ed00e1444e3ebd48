import BeredskapJSON

/// One entry of the append-only event log: the history of every state change.
///
/// Why one log: it is the audit trail, the source of the live event stream, and what the
/// rule engine reacts to. It is written in the same transaction as the state change it
/// describes, so the two can never disagree.
public struct Event: Sendable, Hashable, Codable {
    public var seq: Int64
    public var time: Timestamp
    public var type: String
    public var actor: Principal
    public var subject: String?
    public var data: JSONValue
    public var exercise: Bool

    public init(
        seq: Int64, time: Timestamp, type: String, actor: Principal, subject: String?, data: JSONValue,
        exercise: Bool
    ) {
        self.seq = seq
        self.time = time
        self.type = type
        self.actor = actor
        self.subject = subject
        self.data = data
        self.exercise = exercise
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
}
