import BeredskapCore

@testable import BeredskapDaemon

extension WorldFixture {
    /// What the server shares, on this world and without a socket, as `RunningDaemon` builds it.
    func services(identities: any IdentityResolver = FakeIdentityResolver()) throws -> DaemonServices {
        let calendar = try LocalCalendarFixture.calendar(configuration.timeZone)
        return DaemonServices(
            world: world, metrics: Metrics(), identityResolver: identities,
            settings: DaemonServices.Settings(
                configuration: configuration, policy: AccessPolicy(roles: configuration.access.roles, daemonUID: 999),
                calendar: calendar),
            startedAtNanoseconds: 0)
    }

    /// The daemon's route table, built on this world.
    func routes() throws -> [Route] { APIRoutes.all(try services()) }
}

enum LocalCalendarFixture {
    struct UnknownZone: Error {}

    static func calendar(_ zone: String) throws -> LocalCalendar {
        guard let calendar = LocalCalendar(identifier: zone) else { throw UnknownZone() }
        return calendar
    }
}
