import BeredskapJSON

/// What an event is about: the first part of its type name (`arrival` in `arrival.recorded`).
///
/// Why a type: consumers ask "is this about silences?" or "is this one of the alerts' own
/// events?"; asking the event's kind instead of matching the start of a string means the
/// question names a topic the catalogue has, not a prefix that may match nothing. (A struct
/// rather than an enum so that tests of the generic writer can make topics of their own.)
public struct EventTopic: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let facility = EventTopic(rawValue: "facility")
    public static let district = EventTopic(rawValue: "district")
    public static let arrival = EventTopic(rawValue: "arrival")
    public static let departure = EventTopic(rawValue: "departure")
    /// Head counts (`occupancy.reported`) and their corrections.
    public static let occupancy = EventTopic(rawValue: "occupancy")
    public static let surge = EventTopic(rawValue: "surge")
    public static let alert = EventTopic(rawValue: "alert")
    public static let silence = EventTopic(rawValue: "silence")
    public static let notification = EventTopic(rawValue: "notification")
    public static let run = EventTopic(rawValue: "run")
    public static let playbooks = EventTopic(rawValue: "playbooks")
    public static let log = EventTopic(rawValue: "log")
    public static let access = EventTopic(rawValue: "access")
    public static let daemon = EventTopic(rawValue: "daemon")
    /// Settlement years, quotas and records.
    public static let settlement = EventTopic(rawValue: "settlement")
    public static let config = EventTopic(rawValue: "config")
    /// Settlement cases (utsøking) and their housing.
    public static let `case` = EventTopic(rawValue: "case")
    /// Housing units for settlement.
    public static let housing = EventTopic(rawValue: "housing")
    /// Persons the office follows (visible with `cases`).
    public static let person = EventTopic(rawValue: "person")
    /// Exercise runs (øvelser) as the live state records them.
    public static let exercise = EventTopic(rawValue: "exercise")
    /// Counts of the deadline engine (no persons).
    public static let deadline = EventTopic(rawValue: "deadline")
    /// Unaccompanied minors' placements and choices (visible with `cases`).
    public static let minor = EventTopic(rawValue: "minor")
    /// The counts of disability-grant applications due per district (no persons).
    public static let grant = EventTopic(rawValue: "grant")
    /// Introduction programmes of persons (visible with `cases`).
    public static let intro = EventTopic(rawValue: "intro")
    /// Situation reports made on a schedule, and their files.
    public static let report = EventTopic(rawValue: "report")
}

/// One kind of event in the catalogue, whatever its payload: the name it has on the wire, what
/// it is about, and the permission it takes to see it.
public struct EventKind: Sendable, Hashable, CustomStringConvertible {
    /// `arrival.recorded`: the `type` of the event on the wire and in the log.
    public let name: String
    public let topic: EventTopic
    /// What happened, the part after the dot (`recorded`).
    public let action: String
    /// Who may see events of this kind in `GET /v1/events`: most need `read`; denials and
    /// recorded reads `admin`; events about persons will need `cases`.
    public let visibility: Permission
    /// The payload's type: what the catalogue test walks.
    public let payload: any EventPayload.Type

    public var description: String { name }

    public static func == (lhs: EventKind, rhs: EventKind) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A kind of event together with the Swift type of its payload, so that appending and reading
/// are checked by the compiler: `transaction.appendEvent(CapacityEvents.arrivalRecorded, payload, …)`
/// takes only an `ArrivalRecorded`, and `event.payload(CapacityEvents.arrivalRecorded)` gives one.
public struct EventType<Payload: EventPayload>: Sendable, Hashable, CustomStringConvertible {
    public let kind: EventKind

    public init(_ topic: EventTopic, _ action: String, visibleWith visibility: Permission = .read) {
        kind = EventKind(
            name: topic.rawValue + "." + action, topic: topic, action: action, visibility: visibility, payload: Payload.self)
    }

    public var name: String { kind.name }
    public var topic: EventTopic { kind.topic }
    public var description: String { kind.name }
}

/// The data of one kind of event.
///
/// Why the declarations: events carry ids, never what people wrote — free text that could
/// hold personal data lives in current-state rows that can be erased, and the event names the
/// row. Numbers, flags, enums and times are recognised from their Swift types; a string member
/// must be declared either an identifier (a slug, a subject, a rule, group, channel or user
/// name) or annotated text with the reason it may be in the log. The catalogue test
/// (`EventCatalogueTests`) walks every payload and fails on a member that is neither.
/// Paths are in JSON spelling; a nested member is `trigger.subject`, a dictionary's values
/// `population.*`, an array's elements the array's own name.
public protocol EventPayload: Codable, Sendable {
    /// The string members that are identifiers.
    static var identifiers: Set<String> { get }
    /// String members that are not identifiers, each with why it may be in the log for good.
    static var annotatedText: [String: String] { get }
    /// The payload as the log stores it: its `Encodable` form, or a hand-built one for the
    /// hot paths (see `JSONRepresentable`).
    func eventData() throws -> JSONValue
}

extension EventPayload {
    public static var identifiers: Set<String> { [] }
    public static var annotatedText: [String: String] { [:] }

    public func eventData() throws -> JSONValue { try JSONValueEncoder().encode(self) }

    /// Decodes a stored payload. Members the type does not know are skipped: events written
    /// by an older daemon may carry fields since moved out of the log (a note, a comment).
    public static func decoded(from data: JSONValue) -> Self? {
        try? JSONValueDecoder(unknownKeys: .ignore).decode(Self.self, from: data)
    }
}

extension EventPayload where Self: JSONRepresentable {
    public func eventData() throws -> JSONValue { jsonValue }
}

/// Every kind of event the daemon writes, per feature.
public enum EventCatalogue {
    public static let all: [EventKind] =
        CapacityEvents.all + SurgeEvents.all + AlertEvents.all + NotificationEvents.all + PlaybookEvents.all
        + IncidentLogEvents.all + AccessEvents.all + ServiceEvents.all + SettlementYearEvents.all + SettlementEvents.all
        + SettlementCaseEvents.all + HousingEvents.all + PersonEvents.all + ExerciseEvents.all + DeadlineEvents.all
        + MinorEvents.all
        + GrantEvents.all
        + IntroEvents.all
        + ReportEvents.all

    private static let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The kind of the event type `name`; nil for a name the catalogue does not have.
    public static func kind(named name: String) -> EventKind? { byName[name] }

    /// The names of the kinds a caller with `permissions` may see, or nil when they may see
    /// every kind (then nothing needs filtering). A name the catalogue does not know (one a
    /// newer daemon wrote) is therefore shown only to a caller who may see everything.
    public static func visibleNames(with permissions: Set<Permission>) -> [String]? {
        let visible = all.filter { permissions.contains($0.visibility) }
        return visible.count == all.count ? nil : visible.map(\.name)
    }
}
