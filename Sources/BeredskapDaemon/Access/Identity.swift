import BeredskapCore
import BeredskapHTTP
import CShims
import Glibc

/// A caller as the daemon knows it: the kernel's credentials plus the user and group names
/// they map to. Resolved once per connection.
public struct Identity: Sendable, Hashable {
    public var peer: PeerCredentials
    /// The user name, or the uid as digits when the user database does not know it.
    public var userName: String
    /// Primary and supplementary group ids.
    public var groupIDs: Set<UInt32>
    /// Names of those groups that have one.
    public var groupNames: Set<String>

    public init(peer: PeerCredentials, userName: String, groupIDs: Set<UInt32>, groupNames: Set<String>) {
        self.peer = peer
        self.userName = userName
        self.groupIDs = groupIDs
        self.groupNames = groupNames
    }

    /// How the caller appears in the event log.
    public var principal: Principal { Principal(uid: peer.uid, user: userName) }
}

/// Turns peer credentials into an identity. A protocol so tests can supply users and groups
/// that do not exist on the machine running them.
public protocol IdentityResolver: Sendable {
    func resolve(_ peer: PeerCredentials) -> Identity
}

/// Resolves through the system's user and group databases (NSS: /etc/passwd, LDAP, …).
///
/// Supplementary groups come from `getgrouplist`, i.e. the group database's membership for
/// the user — the same answer `id USER` gives — because SO_PEERCRED carries only the
/// primary gid.
public struct SystemIdentityResolver: IdentityResolver {
    public init() {}

    public func resolve(_ peer: PeerCredentials) -> Identity {
        guard let user = Self.userName(uid: peer.uid) else {
            return Identity(
                peer: peer, userName: String(peer.uid), groupIDs: [peer.gid],
                groupNames: Set([Self.groupName(gid: peer.gid)].compactMap { $0 }))
        }
        let groupIDs = Set(Self.groupList(user: user, primary: peer.gid) + [peer.gid])
        return Identity(
            peer: peer, userName: user, groupIDs: groupIDs, groupNames: Set(groupIDs.compactMap(Self.groupName)))
    }

    static func userName(uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }

    static func groupName(gid: UInt32) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 8192)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name
        else { return nil }
        return String(cString: name)
    }

    /// The gid for a group name, or nil.
    public static func groupID(named name: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 8192)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    static func groupList(user: String, primary: UInt32) -> [UInt32] {
        var capacity = 64
        while capacity <= 65_536 {
            var groups = [UInt32](repeating: 0, count: capacity)
            let count = Int(bshim_group_list(user, primary, &groups, Int32(capacity)))
            if count < 0 { return [] }
            if count <= capacity { return Array(groups.prefix(count)) }
            capacity = count
        }
        return []
    }
}
