import BeredskapAPI
import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// The one list of features, and what each contributes, on a world without a socket.
@Suite struct FeatureTests {
    /// Each feature's routes serve the endpoints of its group in `Endpoints`, so a route and
    /// its client call are found under the same name on both sides.
    static let groups: [String: [EndpointSpec]] = [
        "service": Endpoints.Service.all, "events": Endpoints.Events.all, "incident_log": Endpoints.IncidentLog.all,
        "audit": Endpoints.Audit.all, "capacity": Endpoints.Capacity.all, "playbooks": Endpoints.Playbooks.all,
        "alerts": Endpoints.Alerts.all, "settlement_years": Endpoints.SettlementYears.all,
        "settlement_progress": Endpoints.SettlementProgress.all,
        "settlement_cases": Endpoints.SettlementCases.all,
        "people": Endpoints.People.all,
        "exercises": Endpoints.Exercises.all,
        "exercise_reports": Endpoints.ExerciseReports.all,
        "deadlines": Endpoints.Deadlines.all,
        "minors": Endpoints.Minors.all,
        "grants": Endpoints.Grants.all,
        "intro": Endpoints.Intro.all,
        "scheduled_reports": Endpoints.ScheduledReports.all,
    ]

    @Test func eachFeatureServesExactlyTheEndpointsOfItsGroup() throws {
        let world = try WorldFixture()
        let services = try world.services()
        let wiring = Feature.Wiring(services: services, status: [])
        #expect(Set(Features.all.map(\.name)) == Set(Self.groups.keys))
        #expect(Features.all.count == Self.groups.count, "two features share a name")
        for feature in Features.all {
            let served = feature.routes(wiring).map(\.endpoint)
            #expect(served == (Self.groups[feature.name] ?? []), "\(feature.name)")
        }
        #expect(APIRoutes.all(services).map(\.endpoint) == Features.all.flatMap { $0.routes(wiring).map(\.endpoint) })
    }

    @Test func noTwoSectionsOfTheFileHaveOneKey() {
        let daemon = ["state", "socket", "time_zone", "http", "store", "events", "shutdown", "access"]
        let keys = daemon + Features.configurationSections.map(\.key)
        #expect(keys.count == Set(keys).count, "\(keys)")
        #expect(keys.joined(separator: ", ") == ConfigurationSectionsTests.sections)
    }

    /// The status document as the features fill it, read straight from a world's store and
    /// engines: no socket, no route.
    @Test func everyFeatureFillsItsStatusFieldsFromTheWorld() throws {
        let world = try WorldFixture()
        // Below the surge thresholds, so the level cannot change meanwhile.
        try world.arrive(12, at: "refstad", capacity: 200)
        let services = try world.services()
        let status = try StatusFields.status(
            Features.all.compactMap { $0.status?(services) }, reads: services.reads, now: world.clock.now())
        #expect(status.capacity.capacity == 200)
        #expect(status.capacity.occupied == 12)
        #expect(status.surgeLevel == "normal")
        // The engines may commit more meanwhile (the alert engine looks at the arrivals).
        #expect(status.lastEventSeq > 0 && status.lastEventSeq <= world.world.bus.lastSeq)
        #expect(status.runsActive == 0)
        #expect(status.alerts == StatusResponse.Alerts())
        #expect(status.notifications == StatusResponse.Notifications())
        #expect(status.serverVersion == APIContract.serverVersion)
    }
}
