import BeredskapJSON

/// One entry of the incident log (hendelseslogg): what happened, written down as it happened.
///
/// Why separate from the event log: the event log records every state change in machine
/// terms; the incident log is the human-readable running account that municipal crisis
/// tools keep — people's notes ("Refstad full, 40 sent to Torshov") beside entries the system
/// writes itself (an alert fired, a playbook started). Each entry is also an event.
public struct IncidentLogEntry: Sendable, Hashable, Codable {
    public enum Source: String, JSONStringEnum {
        case person
        case system
    }

    public var id: Int64
    public var seq: Int64
    public var time: Timestamp
    public var actor: Principal
    public var source: Source
    public var subject: String?
    public var text: String
    public var exercise: Bool

    public init(
        id: Int64, seq: Int64, time: Timestamp, actor: Principal, source: Source, subject: String?, text: String,
        exercise: Bool
    ) {
        self.id = id
        self.seq = seq
        self.time = time
        self.actor = actor
        self.source = source
        self.subject = subject
        self.text = text
        self.exercise = exercise
    }

    private enum CodingKeys: String, CodingKey { case id, seq, time, actor, source, subject, text, exercise }

    /// Writes `subject` as `null` when absent so every entry has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(seq, forKey: .seq)
        try container.encode(time, forKey: .time)
        try container.encode(actor, forKey: .actor)
        try container.encode(source, forKey: .source)
        try container.encode(subject, forKey: .subject)
        try container.encode(text, forKey: .text)
        try container.encode(exercise, forKey: .exercise)
    }
}
