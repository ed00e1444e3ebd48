import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// The capacity picture and the surge: `GET /v1/capacity`, `GET /v1/surge`.
struct PictureRoutes {
    let snapshots: FacilitySnapshots
    let surgeMonitor: SurgeMonitor
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Capacity.capacity) { _ throws(APIError) in
                .json(status: 200, body: capacity(try snapshots.facilities()))
            },
            Route(Endpoints.Capacity.surge) { _ throws(APIError) in
                .json(status: 200, body: surge(try snapshots.facilities()))
            },
        ]
    }

    private func capacity(_ facilities: [Facility]) -> CapacityResponse {
        let settings = settings.configuration.capacity
        let now = clock.now()
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

    private func surge(_ facilities: [Facility]) -> SurgeResponse {
        let snapshot = surgeMonitor.snapshot()
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
            at: clock.now())
    }
}
