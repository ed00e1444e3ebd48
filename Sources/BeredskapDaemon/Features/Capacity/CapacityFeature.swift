import BeredskapAPI
import BeredskapCore

extension Feature {
    /// Reception capacity: facilities, arrivals, departures, head counts and their records,
    /// imports, the capacity picture, the series, the surge and the districts.
    static let capacity = Feature(
        name: "capacity",
        configuration: [ConfigurationSection("capacity", \.capacity), ConfigurationSection("surge", \.surge)],
        status: { services in
            StatusFields(current: { status throws(APIError) in
                let facilities = try services.facilitySnapshots.facilities()
                status.capacity = StatusResponse.Capacity(CapacityTotals(CapacityPicture(facilities: facilities).total))
                status.surgeLevel = services.surge.snapshot().state.level.rawValue
            })
        },
        routes: { wiring in
            let services = wiring.services
            let reads = services.reads, settings = services.settings, clock = services.clock
            let snapshots = services.facilitySnapshots
            return FacilityRoutes(reads: reads, snapshots: snapshots, settings: settings, clock: clock).routes
                + FlowRoutes(reads: reads, settings: settings, clock: clock).routes
                + RecordRoutes(reads: reads, settings: settings).routes
                + PictureRoutes(snapshots: snapshots, surgeMonitor: services.surge, settings: settings, clock: clock).routes
                + SeriesRoutes(reads: reads, settings: settings, clock: clock).routes
                + DistrictRoutes(reads: reads).routes
        })
}
