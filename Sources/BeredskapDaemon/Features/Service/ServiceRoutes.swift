import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapSQLite
import BeredskapStore

/// `/v1/health`, `/v1`, `/v1/status`, `/v1/metrics`.
enum ServiceRoutes {
    /// Capabilities this build offers; clients may check before relying on one.
    static let extensions = ["events", "events-follow", "incident-log", "audit", "metrics", "idempotency"]

    static func routes() -> [Route] {
        [
            Route(Endpoints.Service.health) { context throws(APIError) in
                _ = try context.services.read { try $0.scalarInt("SELECT 1") }
                return .json(status: 200, body: HealthResponse(status: "ok"))
            },
            Route(Endpoints.Service.version) { context throws(APIError) in
                .json(
                    status: 200,
                    body: VersionResponse(
                        apiVersion: APIContract.apiVersion, serverVersion: APIContract.serverVersion, extensions: extensions,
                        timeZone: context.services.timeZoneIdentifier))
            },
            Route(Endpoints.Service.status) { context throws(APIError) in
                let now = context.services.clock.now()
                let (lastSeq, alertCounts, outbox, runs, overdue) = try context.services.read { connection in
                    (try connection.lastEventSeq(), try connection.alertCounts(at: now), try connection.notificationCounts(),
                     try connection.activeRunCounts().values.reduce(0, +), try connection.overdueStepCount())
                }
                let facilities = try context.services.facilitySnapshots.facilities(context.services)
                let capacity = StatusResponse.Capacity(CapacityTotals(CapacityPicture(facilities: facilities).total))
                return .json(
                    status: 200,
                    body: StatusResponse(
                        surgeLevel: context.services.surge.snapshot().state.level.rawValue, capacity: capacity,
                        alerts: StatusResponse.Alerts(
                            firing: alertCounts.firing, pending: alertCounts.pending,
                            unacknowledged: alertCounts.unacknowledged),
                        runsActive: runs, notifications: StatusResponse.Notifications(pending: outbox.pending, dead: outbox.dead),
                        deadlinesOverdue: overdue,
                        lastEventSeq: lastSeq, uptimeS: Int64(uptime(context.services))))
            },
            Route(Endpoints.Service.metrics) { context throws(APIError) in
                let services = context.services
                let writer = services.writer.currentStatistics
                let gauges = Metrics.Gauges(
                    openConnections: services.openConnections, lastEventSeq: services.bus.lastSeq,
                    uptimeSeconds: uptime(services), writerBatches: writer.batches, writerCommands: writer.commands,
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

    static func uptime(_ services: DaemonServices) -> Double {
        Double(monotonicNanosecondsNow() &- services.startedAtNanoseconds) / 1e9
    }
}
