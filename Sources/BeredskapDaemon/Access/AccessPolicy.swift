import BeredskapCore

/// Decides what a caller may do, from the roles in configuration.
///
/// Deny by default: a caller has a permission only if a role grants it to their user (by
/// name or uid) or to one of their groups (by name or gid). root and the daemon's own user
/// have all permissions — they could read the database file directly anyway.
public struct AccessPolicy: Sendable, Equatable {
    public let roles: [String: DaemonConfiguration.Role]
    public let daemonUID: UInt32

    public init(roles: [String: DaemonConfiguration.Role], daemonUID: UInt32) {
        self.roles = roles
        self.daemonUID = daemonUID
    }

    /// Every permission the identity has.
    public func permissions(for identity: Identity) -> Set<Permission> {
        if identity.peer.uid == 0 || identity.peer.uid == daemonUID { return Set(Permission.allCases) }
        var granted = Set<Permission>()
        for role in roles.values where matches(role, identity) {
            granted.formUnion(role.permissions)
        }
        return granted
    }

    /// The names of the roles that apply to the identity (for `GET /v1/status` and messages).
    public func roleNames(for identity: Identity) -> [String] {
        roles.filter { matches($0.value, identity) }.map(\.key).sorted()
    }

    public func allows(_ identity: Identity, _ permission: Permission) -> Bool {
        permissions(for: identity).contains(permission)
    }

    private func matches(_ role: DaemonConfiguration.Role, _ identity: Identity) -> Bool {
        let userMatch = role.users.contains { entry in
            entry == identity.userName || UInt32(entry) == identity.peer.uid
        }
        if userMatch { return true }
        return role.groups.contains { entry in
            identity.groupNames.contains(entry) || UInt32(entry).map(identity.groupIDs.contains) == true
        }
    }
}
