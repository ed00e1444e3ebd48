import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapSQLite
import BeredskapStore

/// `/v1/health`, `/v1`, `/v1/status`, `/v1/metrics`: the daemon about itself.
struct ServiceRoutes {
    /// Capabilities this build offers; clients may check before relying on one.
    static let extensions = ["events", "events-follow", "incident-log", "audit", "metrics", "idempotency"]

    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock
    /// Every feature's fields of `GET /v1/status`.
    let status: [StatusFields]
    /// The server's own figures, for the metrics.
    let services: DaemonServices

    var routes: [Route] {
        [
            Route(Endpoints.Service.health) { _ throws(APIError) in
                _ = try reads.read { try $0.scalarInt("SELECT 1") }
                return .json(status: 200, body: HealthResponse(status: "ok"))
            },
            Route(Endpoints.Service.version) { _ throws(APIError) in
                .json(
                    status: 200,
                    body: VersionResponse(
                        apiVersion: APIContract.apiVersion, serverVersion: APIContract.serverVersion, extensions: Self.extensions,
                        timeZone: settings.timeZoneIdentifier))
            },
            Route(Endpoints.Service.status) { _ throws(APIError) in
                .json(status: 200, body: try StatusFields.status(status, reads: reads, now: clock.now()))
            },
            Route(Endpoints.Service.metrics) { _ throws(APIError) in
                let writer = services.writer.currentStatistics
                let gauges = Metrics.Gauges(
                    openConnections: services.openConnections, lastEventSeq: services.bus.lastSeq,
                    uptimeSeconds: services.uptime, writerBatches: writer.batches, writerCommands: writer.commands,
                    writerFailedCommits: writer.failedCommits, writerLargestBatch: writer.largestBatch,
                    writerExecuteSeconds: writer.executeSeconds, writerCommitSeconds: writer.commitSeconds,
                    eventListeners: services.bus.listenerCount,
                    serverVersion: APIContract.serverVersion)
                return .response(
                    HTTPResponse(
                        status: 200, headers: ["Content-Type": APIContract.MediaType.prometheus],
                        body: Array(services.metrics.render(gauges).utf8)))
            },
        ]
    }
}
