import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import Synchronization
import Testing

@testable import BeredskapDaemon

/// Identities as a fake credential provider would report them.
enum People {
    static func identity(uid: UInt32, _ name: String, groups: [(UInt32, String)] = []) -> Identity {
        Identity(
            peer: PeerCredentials(pid: 4242, uid: uid, gid: groups.first?.0 ?? uid), userName: name,
            groupIDs: Set(groups.map(\.0)), groupNames: Set(groups.map(\.1)))
    }

    static let stranger = identity(uid: 2000, "turist", groups: [(2000, "turist")])
    static let viewer = identity(uid: 2001, "politisk", groups: [(2001, "politisk"), (3001, "beredskap-les")])
    static let operatorByGroup = identity(uid: 2002, "oslo-ops", groups: [(2002, "oslo-ops"), (3002, "beredskap")])
    static let caseworker = identity(uid: 2003, "nav-alna", groups: [(2003, "nav-alna"), (3003, "beredskap-saksbehandler")])
    static let admin = identity(uid: 2004, "beredskapsetaten", groups: [(3004, "beredskap-admin")])
    static let operatorByName = identity(uid: 2005, "kari")
    static let operatorByGID = identity(uid: 2006, "ola", groups: [(4711, "whatever")])
    static let root = identity(uid: 0, "root")
    static let daemonUser = identity(uid: 999, "beredskapd")
}

@Suite struct AccessPolicyTests {
    static let roles: [String: DaemonConfiguration.Role] = {
        var roles = (try? ConfigurationLoader.loadEmbedded().access.roles) ?? [:]
        roles["named"] = DaemonConfiguration.Role(permissions: [.read, .operate], users: ["kari"], groups: ["4711"])
        return roles
    }()
    let policy = AccessPolicy(roles: AccessPolicyTests.roles, daemonUID: 999)

    static let everything: Set<Permission> = [.read, .operate, .cases, .admin]
    static let operating: Set<Permission> = [.read, .operate]
    static let matrix: [(Identity, Set<Permission>)] = [
        (People.stranger, []),
        (People.viewer, [.read]),
        (People.operatorByGroup, operating),
        (People.caseworker, [.read, .cases]),
        (People.admin, everything),
        (People.operatorByName, operating),
        (People.operatorByGID, operating),
        (People.root, everything),
        (People.daemonUser, everything),
    ]

    @Test(arguments: AccessPolicyTests.matrix)
    func permissionsFollowTheRoles(_ identity: Identity, _ expected: Set<Permission>) {
        #expect(policy.permissions(for: identity) == expected)
    }

    @Test func everyRouteDeclaresAPermissionAndOnlyHealthIsOpen() throws {
        let routes = try WorldFixture().routes()
        let open = routes.filter { $0.permission == nil }.map { "\($0.method) \($0.pattern)" }
        #expect(open == ["GET /v1/health"])
        let expected: [String: Permission] = [
            "GET /v1": .read, "GET /v1/status": .read, "GET /v1/metrics": .read, "GET /v1/events": .read,
            "POST /v1/log": .operate, "GET /v1/log": .read, "GET /v1/audit": .admin,
        ]
        for (route, permission) in expected {
            #expect(routes.first { "\($0.method) \($0.pattern)" == route }?.permission == permission, "\(route)")
        }
    }

    /// The matrix: every identity against every route, through the policy the handler uses.
    @Test func theRouteTableAgainstEveryone() throws {
        let people = [People.stranger, People.viewer, People.operatorByGroup, People.caseworker, People.admin, People.root]
        for route in try WorldFixture().routes() {
            for person in people {
                let allowed = route.permission.map { policy.allows(person, $0) } ?? true
                let granted = policy.permissions(for: person)
                #expect(allowed == (route.permission.map(granted.contains) ?? true), "\(person.userName) \(route.pattern)")
            }
        }
        #expect(!policy.allows(People.viewer, .operate))
        #expect(!policy.allows(People.operatorByGroup, .admin))
        #expect(!policy.allows(People.caseworker, .operate))
        #expect(policy.roleNames(for: People.operatorByGroup) == ["operator"])
    }
}

@Suite struct RouterTests {
    let router = Router(routes: [
        Route(EndpointSpec(.get, "/v1/facilities/{id}", permission: .read)) { _ throws(APIError) in .answered },
        Route(EndpointSpec(.patch, "/v1/facilities/{id}", permission: .operate)) { _ throws(APIError) in .answered },
        Route(EndpointSpec(.get, "/v1/facilities", permission: .read)) { _ throws(APIError) in .answered },
    ])

    @Test func matchesParametersAndReportsAllowedMethods() {
        guard case .found(let route, let parameters) = router.match(method: "PATCH", path: ["v1", "facilities", "refstad"]) else {
            Issue.record("no match"); return
        }
        #expect(route.pattern == "/v1/facilities/{id}")
        #expect(parameters == ["id": "refstad"])
        guard case .methodNotAllowed(let allowed) = router.match(method: "DELETE", path: ["v1", "facilities", "x"]) else {
            Issue.record("expected 405"); return
        }
        #expect(allowed == ["GET", "PATCH"])
        guard case .notFound = router.match(method: "GET", path: ["v1", "facilities", "x", "y"]) else { Issue.record("404"); return }
        guard case .notFound = router.match(method: "GET", path: ["v1", "facilities", ""]) else { Issue.record("empty id"); return }
    }
}

@Suite struct CachingIdentityResolverTests {
    final class CountingResolver: IdentityResolver {
        let calls = Mutex(0)
        func resolve(_ peer: PeerCredentials) -> Identity {
            calls.withLock { $0 += 1 }
            return People.identity(uid: peer.uid, "user\(peer.uid)")
        }
    }

    @Test func resolvesEachUserOnceWithinTheLifetimeAndKeepsThePid() {
        let counting = CountingResolver()
        let cache = CachingIdentityResolver(counting, lifetime: 60)
        let first = cache.resolve(PeerCredentials(pid: 10, uid: 2000, gid: 2000))
        let second = cache.resolve(PeerCredentials(pid: 11, uid: 2000, gid: 2000))
        #expect(first.userName == "user2000")
        #expect(second.peer.pid == 11)
        #expect(counting.calls.withLock { $0 } == 1)
        _ = cache.resolve(PeerCredentials(pid: 12, uid: 2001, gid: 2001))
        #expect(counting.calls.withLock { $0 } == 2)
    }

    @Test func expiredEntriesAreResolvedAgain() {
        let counting = CountingResolver()
        let cache = CachingIdentityResolver(counting, lifetime: 0)
        _ = cache.resolve(PeerCredentials(pid: 1, uid: 5, gid: 5))
        _ = cache.resolve(PeerCredentials(pid: 2, uid: 5, gid: 5))
        #expect(counting.calls.withLock { $0 } == 2)
    }
}
