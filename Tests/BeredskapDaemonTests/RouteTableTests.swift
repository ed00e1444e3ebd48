import BeredskapAPI
import BeredskapCore
import Foundation
import Testing

@testable import BeredskapDaemon

/// The daemon's route table as it was before routes were declared from endpoint values:
/// method, pattern, permission and the query parameters each route accepts, in the order it
/// had. A refactor of the routing must keep it exactly.
@Suite struct RouteTableTests {
    struct Entry: Hashable, CustomStringConvertible {
        var method: String
        var pattern: String
        var permission: Permission?
        var query: Set<String>

        var description: String {
            "\(method) \(pattern) \(permission?.rawValue ?? "open") [\(query.sorted().joined(separator: ","))]"
        }
    }

    static let table: [Entry] = [
        Entry("GET", "/v1/health", nil),
        Entry("GET", "/v1", .read),
        Entry("GET", "/v1/status", .read),
        Entry("GET", "/v1/metrics", .read),
        Entry("POST", "/v1/backup", .admin),
        Entry("GET", "/v1/events", .read, ["follow", "limit", "since", "type"]),
        Entry("POST", "/v1/log", .operate),
        Entry("GET", "/v1/log", .read, ["after", "before", "limit", "order", "since", "subject", "until"]),
        Entry("GET", "/v1/audit", .admin, ["actor", "after", "limit", "since"]),
        Entry("PUT", "/v1/facilities/{id}", .operate),
        Entry("PATCH", "/v1/facilities/{id}", .operate),
        Entry("GET", "/v1/facilities", .read, ["district", "kind", "status"]),
        Entry("GET", "/v1/facilities/{id}", .read),
        Entry("POST", "/v1/arrivals", .operate),
        Entry("POST", "/v1/departures", .operate),
        Entry("POST", "/v1/facilities/{id}/occupancy", .operate),
        Entry("POST", "/v1/imports/arrivals", .operate, ["dry_run"]),
        Entry("POST", "/v1/imports/occupancy", .operate, ["dry_run"]),
        Entry("GET", "/v1/arrivals/records", .read, ["before", "facility", "limit"]),
        Entry("POST", "/v1/arrivals/{id}/void", .operate),
        Entry("POST", "/v1/arrivals/{id}/amend", .operate),
        Entry("GET", "/v1/departures/records", .read, ["before", "facility", "limit"]),
        Entry("POST", "/v1/departures/{id}/void", .operate),
        Entry("POST", "/v1/departures/{id}/amend", .operate),
        Entry("GET", "/v1/occupancy/records", .read, ["before", "facility", "limit"]),
        Entry("POST", "/v1/occupancy/{id}/void", .operate),
        Entry("POST", "/v1/occupancy/{id}/amend", .operate),
        Entry("GET", "/v1/capacity", .read),
        Entry("GET", "/v1/surge", .read),
        Entry("GET", "/v1/arrivals", .read, ["bucket", "category", "district", "facility", "from", "kind", "to"]),
        Entry("GET", "/v1/occupancy", .read, ["bucket", "facility", "from", "to"]),
        Entry("GET", "/v1/districts", .read),
        Entry("GET", "/v1/districts/{id}", .read),
        Entry("PUT", "/v1/districts/{id}", .admin),
        Entry("GET", "/v1/playbooks", .read),
        Entry("GET", "/v1/playbooks/{id}", .read),
        Entry("POST", "/v1/playbooks/reload", .admin),
        Entry("POST", "/v1/playbooks/{id}/runs", .operate),
        Entry("GET", "/v1/runs", .read, ["limit", "playbook", "state"]),
        Entry("GET", "/v1/runs/{id}", .read),
        Entry("POST", "/v1/runs/{id}/steps/{step}/complete", .operate),
        Entry("POST", "/v1/runs/{id}/steps/{step}/skip", .operate),
        Entry("POST", "/v1/runs/{id}/abort", .operate),
        Entry("GET", "/v1/alerts", .read, ["limit", "rule", "severity", "state"]),
        Entry("GET", "/v1/alerts/{id}", .read),
        Entry("POST", "/v1/alerts/{id}/ack", .operate),
        Entry("GET", "/v1/rules", .read),
        Entry("GET", "/v1/notifications", .read, ["limit", "state"]),
        Entry("POST", "/v1/notifications/{id}/retry", .operate),
        Entry("POST", "/v1/notifications/test", .admin),
        Entry("POST", "/v1/silences", .operate),
        Entry("GET", "/v1/silences", .operate, ["limit", "state"]),
        Entry("DELETE", "/v1/silences/{id}", .operate),
        Entry("PUT", "/v1/settlement/years/{year}", .operate),
        Entry("GET", "/v1/settlement/years", .read),
        Entry("GET", "/v1/settlement/years/{year}", .read),
        Entry("POST", "/v1/settlement/years/{year}/allocation", .read),
        Entry("PUT", "/v1/settlement/years/{year}/quotas", .operate),
        Entry("GET", "/v1/settlement/years/{year}/quotas", .read, ["version"]),
        Entry("GET", "/v1/settlement/years/{year}/quotas/versions", .read),
        Entry("PUT", "/v1/settlement/years/{year}/reference", .operate),
        Entry("GET", "/v1/settlement/years/{year}/progress", .read, ["at"]),
        Entry("POST", "/v1/settlement/records", .operate),
        Entry("GET", "/v1/settlement/records", .read, ["district", "year"]),
        Entry("POST", "/v1/imports/settlements", .operate, ["dry_run"]),
        Entry("POST", "/v1/settlement/cases", .cases),
        Entry("GET", "/v1/settlement/cases", .cases, ["district", "state", "year"]),
        Entry("GET", "/v1/settlement/case-summary", .read, ["year"]),
        Entry("GET", "/v1/settlement/cases/{id}", .cases),
        Entry("POST", "/v1/settlement/cases/{id}/consent", .cases),
        Entry("POST", "/v1/settlement/cases/{id}/decline", .cases),
        Entry("POST", "/v1/settlement/cases/{id}/decide", .cases),
        Entry("POST", "/v1/settlement/cases/{id}/settle", .cases),
        Entry("POST", "/v1/settlement/cases/{id}/withdraw", .cases),
        Entry("PUT", "/v1/housing/{id}", .operate),
        Entry("GET", "/v1/housing", .read, ["district", "free"]),
        Entry("GET", "/v1/housing/mismatch", .read, ["date"]),
        Entry("GET", "/v1/housing/leases", .read, ["within"]),
        Entry("GET", "/v1/housing/units/{id}", .read),
        Entry("POST", "/v1/housing/{id}/assign", .cases),
        Entry("POST", "/v1/housing/{id}/release", .cases),
        Entry("POST", "/v1/persons", .cases),
        Entry("GET", "/v1/persons", .cases, ["district", "facility", "household", "limit", "status"]),
        Entry("GET", "/v1/persons/{id}", .cases),
        Entry("PATCH", "/v1/persons/{id}", .cases),
        Entry("POST", "/v1/persons/{id}/milestones", .cases),
        Entry("POST", "/v1/persons/{id}/milestones/{milestone}/correct", .cases),
        Entry("GET", "/v1/persons/{id}/export", .cases),
        Entry("POST", "/v1/imports/persons", .cases, ["dry_run"]),
        Entry("DELETE", "/v1/persons/{id}", .admin),
        Entry("POST", "/v1/exercises", .operate),
        Entry("GET", "/v1/exercises", .read, ["limit"]),
        Entry("GET", "/v1/exercise-scenarios", .read),
        Entry("GET", "/v1/exercises/{id}", .read),
        Entry("POST", "/v1/exercises/{id}/stop", .operate),
        Entry("GET", "/v1/exercises/{id}/report", .read, ["format", "lang"]),
        Entry("GET", "/v1/deadlines", .cases, ["after", "district", "limit", "rule", "state"]),
        Entry("GET", "/v1/deadlines/summary", .read),
        Entry("POST", "/v1/persons/{id}/placements", .cases),
        Entry("GET", "/v1/persons/{id}/placements", .cases),
        Entry("POST", "/v1/persons/{id}/representative", .cases),
        Entry("POST", "/v1/persons/{id}/aftercare", .cases),
        Entry("GET", "/v1/minors", .cases, ["district"]),
        Entry("GET", "/v1/minors/costs", .read, ["year"]),
        Entry("GET", "/v1/grants/forecast", .read, ["district", "year"]),
        Entry("GET", "/v1/grants/missing-applications", .cases, ["within"]),
        Entry("POST", "/v1/persons/{id}/grant-applications", .cases),
        Entry("POST", "/v1/persons/{id}/intro", .cases),
        Entry("GET", "/v1/persons/{id}/intro", .cases),
        Entry("GET", "/v1/intro/results", .read, ["year"]),
        Entry("GET", "/v1/reports/sitrep", .read, ["at", "format", "lang", "public"]),
        Entry("GET", "/v1/reports/scheduled", .read, ["limit"]),
    ]

    /// The same entries, and for each path its methods in the same order: that order is the
    /// `Allow` header of a 405. (Across paths the order decides nothing: no request fits two
    /// endpoints of its method, see `EndpointTests`.)
    @Test func theRouteTableIsTheOneThatShipped() throws {
        let routes = try WorldFixture().routes().map { Entry($0.method, $0.pattern, $0.permission, $0.query) }
        #expect(Set(routes) == Set(Self.table))
        #expect(routes.count == Self.table.count)
        for missing in Self.table where !routes.contains(missing) { Issue.record("no route \(missing)") }
        for extra in routes where !Self.table.contains(extra) { Issue.record("a route not in the table: \(extra)") }
        for pattern in Set(Self.table.map(\.pattern)) {
            #expect(
                routes.filter { $0.pattern == pattern }.map(\.method) == Self.table.filter { $0.pattern == pattern }.map(\.method),
                "\(pattern)")
        }
    }

    /// Each endpoint of the API (`Endpoints.all`) is served by exactly one route, and each route
    /// serves one of them, so the client and the daemon cannot disagree on a path.
    @Test func everyEndpointHasOneRouteAndEveryRouteAnEndpoint() throws {
        let routes = try WorldFixture().routes().map(\.endpoint)
        #expect(routes.count == Set(routes).count, "a route is declared twice")
        for endpoint in Endpoints.all where !routes.contains(endpoint) { Issue.record("no route for \(endpoint)") }
        for endpoint in routes where !Endpoints.all.contains(endpoint) { Issue.record("a route without an endpoint: \(endpoint)") }
    }

    /// Paths are written once, in `BeredskapAPI`'s endpoints: not in a route, a client call or
    /// a command (the benchmark writes raw requests on purpose, as any script would).
    @Test func noPathIsWrittenOutsideTheEndpoints() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        for target in ["BeredskapDaemon", "BeredskapClient", "BeredskapCLI"] {
            let directory = sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            #expect(!files.isEmpty, "\(target)")
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                #expect(!text.contains("\"/v1"), "\(target)/\(file) writes a path; use its endpoint in Endpoints")
            }
        }
    }
}

extension RouteTableTests.Entry {
    init(_ method: String, _ pattern: String, _ permission: Permission?, _ query: Set<String> = []) {
        self.init(method: method, pattern: pattern, permission: permission, query: query)
    }
}
