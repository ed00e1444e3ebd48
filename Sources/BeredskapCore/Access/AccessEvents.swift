import BeredskapJSON

/// The access trail: refused requests and recorded reads. Only administrators see these
/// events, as `GET /v1/audit` is theirs.
public enum AccessEvents {
    public static let denied = EventType<Denied>(.access, "denied", visibleWith: .admin)
    /// The denials of one connection past its budget, counted when it closed.
    public static let deniedRepeatedly = EventType<DeniedRepeatedly>(.access, "denied_repeatedly", visibleWith: .admin)
    /// A read that its route declares audited (person data): who read what.
    public static let read = EventType<Read>(.access, "read", visibleWith: .admin)

    public static let all: [EventKind] = [denied.kind, deniedRepeatedly.kind, read.kind]

    /// Why a request was refused.
    public enum DenialReason: String, JSONStringEnum {
        /// The caller lacks the route's permission.
        case permission
        /// The request came from a browser (`Origin` or `Referer`).
        case browser
    }

    public struct Denied: EventPayload, Equatable {
        public var method: String
        public var path: String
        public var reason: DenialReason
        /// The process that asked (from the socket's peer credentials).
        public var pid: Int64
        /// The permission the route needs; nil when the request was refused before routing.
        public var permission: Permission?

        public init(method: String, path: String, reason: DenialReason, pid: Int64, permission: Permission?) {
            self.method = method
            self.path = path
            self.reason = reason
            self.pid = pid
            self.permission = permission
        }

        public static let identifiers: Set<String> = ["method"]
        public static let annotatedText = [
            "path": "the path the caller asked for (a route and the ids in it, no query), so an administrator sees what was refused",
        ]
    }

    public struct DeniedRepeatedly: EventPayload, Equatable {
        public var notLoggedIndividually: Int
        public var pid: Int64

        public init(notLoggedIndividually: Int, pid: Int64) {
            self.notLoggedIndividually = notLoggedIndividually
            self.pid = pid
        }
    }

    /// The route read (its pattern, `/v1/persons/{id}`); what was read is the event's subject,
    /// and for a list the subjects it showed (`person/12`), so that each person's reads can be
    /// told them (a GDPR export) without one event per row.
    public struct Read: EventPayload, Equatable {
        public var method: String
        public var route: String
        public var subjects: [String]?

        public init(method: String, route: String, subjects: [String]? = nil) {
            self.method = method
            self.route = route
            self.subjects = subjects
        }

        public static let identifiers: Set<String> = ["method", "route", "subjects"]
    }
}
