import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// The capacity picture and the surge: `GET /v1/capacity`, `GET /v1/surge`.
enum PictureRoutes {
    static func routes() -> [Route] {
        [
            Route(Endpoints.Capacity.capacity) { context throws(APIError) in
                let facilities = try context.services.facilitySnapshots.facilities(context.services)
                return .json(status: 200, body: capacity(facilities, context.services))
            },
            Route(Endpoints.Capacity.surge) { context throws(APIError) in
                let facilities = try context.services.facilitySnapshots.facilities(context.services)
                return .json(status: 200, body: surge(facilities, context.services))
            },
        ]
    }

    static func capacity(_ facilities: [Facility], _ services: DaemonServices) -> CapacityResponse {
        let settings = services.configuration.capacity
        let now = services.clock.now()
        let picture = CapacityPicture(facilities: facilities)
        return CapacityResponse(
            total: CapacityTotals(picture.total),
            byKind: Dictionary(uniqueKeysWithValues: picture.byKind.map { ($0.key.rawValue, CapacityTotals($0.value)) }),
            byDistrict: picture.byDistrict.mapValues(CapacityTotals.init),
            cap: settings.cap,
            staleFacilities: facilities.filter { $0.isStale(at: now, staleAfter: settings.staleAfter) }.map(\.id),
            overCapacityFacilities: facilities.filter(\.isOverCapacity).map(\.id),
            overCapFacilities: facilities.filter { $0.largestCapacity > settings.cap }.map(\.id),
            at: now)
    }

    static func surge(_ facilities: [Facility], _ services: DaemonServices) -> SurgeResponse {
        let snapshot = services.surge.snapshot()
        let forecast = InflowForecast(netPerDay: snapshot.netInflowPerDay, facilities: facilities)
        let figures = snapshot.figures
        return SurgeResponse(
            level: snapshot.state.level, since: snapshot.state.since, reason: snapshot.state.reason,
            arrivals24h: figures.arrivals24h, arrivals7d: figures.arrivals7d,
            baselinePerDay: (figures.baselinePerDay * 100).rounded() / 100, ratio: figures.ratio.map { ($0 * 100).rounded() / 100 },
            baselineDays: snapshot.configuration.baselineDays, recentDays: snapshot.configuration.recentDays,
            forecast: Dictionary(uniqueKeysWithValues: forecast.byKind.map { kind, entry in
                (kind.rawValue, SurgeResponse.Forecast(daysToFull: entry.daysToFull, netPerDay: entry.netPerDay, free: entry.free))
            }),
            at: services.clock.now())
    }
}
