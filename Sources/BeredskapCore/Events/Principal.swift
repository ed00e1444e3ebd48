/// Who did something: a person identified by the kernel's peer credentials, or the system.
///
/// Why uid and name both: the uid is what the kernel vouches for; the name is what a
/// coordinator reading the log recognises (and survives a later uid reassignment in the log).
/// The system (rule engine, scheduler) has no uid.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public var uid: UInt32?
    public var user: String

    public init(uid: UInt32?, user: String) {
        self.uid = uid
        self.user = user
    }

    public static let system = Principal(uid: nil, user: "system")

    public var isSystem: Bool { uid == nil }

    public var description: String { uid.map { "\(user) (uid \($0))" } ?? user }
}

extension Principal: Codable {
    private enum CodingKeys: String, CodingKey { case uid, user }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uid = try container.decodeIfPresent(UInt32.self, forKey: .uid)
        user = try container.decode(String.self, forKey: .user)
    }

    /// Always writes `uid`, as `null` for the system, so consumers see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uid, forKey: .uid)
        try container.encode(user, forKey: .user)
    }
}
