import BeredskapHTTP
import Dispatch
import Synchronization

/// Remembers resolved identities for a short while.
///
/// Why: identities are resolved on the event loop when a connection is accepted, and user
/// and group lookups can be slow (LDAP, SSSD). The CLI opens one connection per command, so
/// without a cache every command would pay the lookup. Entries are kept `lifetime` seconds,
/// so a change of group membership takes effect within that time.
public final class CachingIdentityResolver: IdentityResolver {
    private struct Key: Hashable {
        let uid: UInt32
        let gid: UInt32
    }

    private let resolver: any IdentityResolver
    private let lifetimeNanoseconds: UInt64
    private let entries = Mutex<[Key: (identity: Identity, expires: UInt64)]>([:])
    /// Upper bound on remembered users, so many distinct uids cannot grow the cache without bound.
    private static var capacity: Int { 1024 }

    public init(_ resolver: any IdentityResolver, lifetime: Double = 60) {
        self.resolver = resolver
        lifetimeNanoseconds = UInt64(lifetime * 1e9)
    }

    public func resolve(_ peer: PeerCredentials) -> Identity {
        let key = Key(uid: peer.uid, gid: peer.gid)
        let now = DispatchTime.now().uptimeNanoseconds
        if var cached = entries.withLock({ $0[key] }), cached.expires > now {
            cached.identity.peer = peer  // the pid is this connection's
            return cached.identity
        }
        let identity = resolver.resolve(peer)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (identity, now + lifetimeNanoseconds)
        }
        return identity
    }
}
