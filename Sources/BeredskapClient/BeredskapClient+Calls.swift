import BeredskapAPI
import BeredskapCore
import BeredskapJSON

/// Typed calls for the routes of the API contract.
extension BeredskapClient {
    public func health() throws(ClientError) -> HealthResponse {
        try call(Endpoints.Service.health)
    }

    public func version() throws(ClientError) -> VersionResponse {
        try call(Endpoints.Service.version)
    }

    public func status() throws(ClientError) -> StatusResponse {
        try call(Endpoints.Service.status)
    }

    /// `path`: absolute, on the daemon's host. Waits as long as the copy takes.
    public func backup(to path: String) throws(ClientError) -> BackupResult {
        try call(Endpoints.Service.backup, body: BackupRequest(path: path))
    }

    public func events(since: Int64? = nil, limit: Int? = nil, type: String? = nil) throws(ClientError) -> EventPage {
        try call(
            Endpoints.Events.events,
            query: [("since", since.map(String.init)), ("limit", limit.map(String.init)), ("type", type)])
    }

    /// Follows the event stream; `onItem` gets each event or heartbeat and returns false to stop.
    public func followEvents(
        since: Int64? = nil, type: String? = nil, idleTimeout: Double = 60, onItem: (StreamItem) -> Bool
    ) throws(ClientError) {
        let request = APIRequest(
            Endpoints.Events.events, query: [("follow", "true"), ("since", since.map(String.init)), ("type", type)])
        try stream(request, idleTimeout: idleTimeout) { line in
            onItem(StreamItem(line: line))
        }
    }

    public func addLogEntry(text: String, subject: String? = nil, idempotencyKey: String? = nil) throws(ClientError)
        -> LogEntryCreated
    {
        try call(Endpoints.IncidentLog.add, body: NewLogEntry(text: text, subject: subject), idempotencyKey: idempotencyKey)
    }

    public func logEntries(_ query: LogListQuery = LogListQuery()) throws(ClientError) -> LogPage {
        try call(Endpoints.IncidentLog.list, query: query.items)
    }

    public func audit(since: String? = nil, actor: String? = nil, after: Int64? = nil, limit: Int? = nil) throws(ClientError)
        -> AuditPage
    {
        try call(
            Endpoints.Audit.trail,
            query: [("since", since), ("actor", actor), ("after", after.map(String.init)), ("limit", limit.map(String.init))])
    }

    public func metrics() throws(ClientError) -> String {
        let response = try send(APIRequest(Endpoints.Service.metrics))
        try Self.check(response)
        return String(decoding: response.body, as: UTF8.self)
    }
}

/// Filters for `GET /v1/log`; times are RFC 3339 or dates, passed through as given.
public struct LogListQuery: Sendable {
    public var since: String?
    public var until: String?
    public var subject: String?
    public var limit: Int?
    public var newestFirst = false
    public var cursor: Int64?

    public init() {}

    var items: [(String, String?)] {
        [
            ("since", since), ("until", until), ("subject", subject), ("limit", limit.map(String.init)),
            ("order", newestFirst ? "desc" : nil),
            (newestFirst ? "before" : "after", cursor.map(String.init)),
        ]
    }
}

/// One line of the event stream.
public enum StreamItem: Sendable {
    case event(Event, raw: [UInt8])
    case heartbeat(lastEventSeq: Int64?)
    case unreadable(String)

    init(line: [UInt8]) {
        guard let value = try? JSONParser.parse(line) else {
            self = .unreadable(String(decoding: line, as: UTF8.self))
            return
        }
        if value["type"]?.stringValue == "heartbeat" && value["seq"] == nil {
            self = .heartbeat(lastEventSeq: value["last_event_seq"]?.intValue)
            return
        }
        do {
            self = .event(try JSONValueDecoder(unknownKeys: .ignore).decode(Event.self, from: value), raw: line)
        } catch {
            self = .unreadable(String(decoding: line, as: UTF8.self))
        }
    }
}
