import BeredskapJSON

/// The event of the incident log: an entry was added. Its text is the entry's (the
/// `incident_log` row `id`), never the event's.
public enum IncidentLogEvents {
    public static let added = EventType<EntryAdded>(.log, "added")

    public static let all: [EventKind] = [added.kind]

    public struct EntryAdded: EventPayload, JSONRepresentable, Equatable {
        /// The entry; nil in events written before entries were named in their events (they carry the text).
        public var id: Int64?
        public var source: IncidentLogEntry.Source

        public init(id: Int64, source: IncidentLogEntry.Source) {
            self.id = id
            self.source = source
        }

        /// Built by hand: `POST /v1/log` is the benchmark's write.
        public var jsonValue: JSONValue {
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(2)
            if let id { members.append(("id", .integer(id))) }
            members.append(("source", .string(source.rawValue)))
            return .object(JSONObject(members))
        }
    }
}
