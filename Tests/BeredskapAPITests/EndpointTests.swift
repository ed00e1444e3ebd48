import BeredskapCore
import Testing

@testable import BeredskapAPI

@Suite struct PathTemplateTests {
    @Test func matchesLiteralsAndNamesTheParameters() {
        let template: PathTemplate = "/v1/runs/{id}/steps/{step}/complete"
        #expect(template.parameterNames == ["id", "step"])
        #expect(template.match(["v1", "runs", "12", "steps", "ring-hero", "complete"]) == ["id": "12", "step": "ring-hero"])
        #expect(template.match(["v1", "runs", "12", "steps", "ring-hero", "skip"]) == nil)
        #expect(template.match(["v1", "runs", "12", "steps", "ring-hero"]) == nil)
        #expect(template.match(["v1", "runs", "", "steps", "ring-hero", "complete"]) == nil, "an empty segment is no id")
        #expect(PathTemplate("/v1").match(["v1"]) == [:])
    }

    @Test func fillsTheParametersPercentEncoded() {
        let template: PathTemplate = "/v1/runs/{id}/steps/{step}/complete"
        #expect(template.path(["12", "ring hero/2"]) == "/v1/runs/12/steps/ring%20hero%2F2/complete")
        #expect(PathTemplate("/v1").path([]) == "/v1")
        // What the client fills in, the daemon matches back (its segments are decoded first).
        #expect(template.match(["v1", "runs", "12", "steps", "ring-hero", "complete"]).map { [$0["id"], $0["step"]] } == ["12", "ring-hero"])
    }

    @Test func aMissingValueLeavesAnEmptySegmentThatNoRouteMatches() {
        let template: PathTemplate = "/v1/facilities/{id}"
        #expect(template.path([]) == "/v1/facilities/")
        #expect(template.match(["v1", "facilities", ""]) == nil)
    }
}

@Suite struct EndpointTests {
    @Test func aTargetHasTheQueryItemsThatHaveAValue() {
        let spec = Endpoints.IncidentLog.list.spec
        #expect(spec.target() == "/v1/log")
        #expect(spec.target(query: [("subject", "facility/refstad"), ("limit", nil), ("since", "2026-11-22 08:00")])
            == "/v1/log?subject=facility%2Frefstad&since=2026-11-22%2008%3A00")
        #expect(Endpoints.Capacity.facility.spec.target(["refstad"]) == "/v1/facilities/refstad")
        #expect(Endpoints.Capacity.void(.occupancy).spec.target(["7"]) == "/v1/occupancy/7/void")
        #expect(Endpoints.Capacity.amend(.arrivals) == Endpoints.Capacity.amendArrival.spec)
    }

    @Test func noTwoEndpointsHaveTheSameMethodAndPath() {
        var seen = Set<String>()
        for endpoint in Endpoints.all {
            #expect(seen.insert(endpoint.description).inserted, "\(endpoint) is declared twice")
        }
    }

    /// Two endpoints of one method whose paths could both match a request (`/v1/x/{id}` and
    /// `/v1/x/reload`) would make the route table's order decide what a request means.
    @Test func noRequestFitsTwoEndpointsOfItsMethod() {
        let all = Endpoints.all
        for (index, first) in all.enumerated() {
            for second in all[(index + 1)...] where first.method == second.method {
                #expect(!Self.overlap(first.path, second.path), "\(first) and \(second) fit the same requests")
            }
        }
    }

    @Test func onlyHealthIsOpenAndQueriesAreNamesOnly() {
        #expect(Endpoints.all.filter { $0.permission == nil }.map(\.description) == ["GET /v1/health"])
        for endpoint in Endpoints.all {
            #expect(endpoint.path.pattern.hasPrefix("/v1"), "\(endpoint)")
            #expect(endpoint.query.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0 == "_" } }, "\(endpoint)")
        }
    }

    private static func overlap(_ first: PathTemplate, _ second: PathTemplate) -> Bool {
        guard first.segments.count == second.segments.count else { return false }
        return zip(first.segments, second.segments).allSatisfy { pair in
            switch pair {
            case (.literal(let a), .literal(let b)): a == b
            default: true
            }
        }
    }
}
