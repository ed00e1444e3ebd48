extension Feature {
    /// The daemon about itself: health, version, the status of every feature, the metrics.
    /// Its configuration is the daemon's own (`DaemonConfiguration`): the state directory, the
    /// socket, HTTP limits, the store, streams, shutdown and access.
    static let service = Feature(
        name: "service",
        status: { services in
            StatusFields(current: { status throws(APIError) in status.uptimeS = Int64(services.uptime) })
        },
        routes: { wiring in
            let services = wiring.services
            return ServiceRoutes(
                reads: services.reads, settings: services.settings, clock: services.clock, status: wiring.status,
                services: services
            ).routes + [BackupRoute(reads: services.reads, clock: services.clock).route]
        })
}
