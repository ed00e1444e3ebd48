import BeredskapCore
import BeredskapDaemon
import BeredskapHTTP
import BeredskapStore
import Dispatch
import Foundation

/// Alerts (issue 4): a daemon whose only notifying rule is `facility_utilization` (critical at
/// 95 %, `for` 0), routed to one webhook channel that points at a `WebhookReceiver` in this
/// process. Facilities have 100 places and start empty, so a write of 96 people crosses from
/// below 80 % to critical in one step.
///
/// 1. Latency: one facility at a time, `POST /v1/arrivals` of 96 people; the time from the 201
///    reaching the client (and from the request being sent) to the receiver holding the
///    webhook for that facility. Each crossing waits for its webhook and the writer to go
///    quiet, so this is the unloaded path.
/// 2. Burst: N facilities pushed over the threshold by one `POST /v1/imports/occupancy`
///    (`occupancy.reported` events), while one client keeps writing `POST /v1/log`; its
///    latency during the drain against the same client's just before the burst.
enum AlertScenario {
    static let latencyName = "alerts: threshold crossing → webhook"
    static let burstName = "alerts: burst"
    static let capacity = 100
    static let crossing = 96

    struct Options {
        var directory: String
        var only: String?
        /// Crossings measured one at a time (after a few not counted).
        var samples: Int
        var burst: Int
        /// The log client's window before the burst.
        var baselineSeconds: Double
        /// How long the burst may take to drain before the measurement gives up.
        var drainTimeout: Double
        var logRequest: @Sendable (Int, Int) -> [UInt8]

        func selected(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
    }

    static func run(_ options: Options, report: (String) -> Void) throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        guard let url = URL(string: receiver.url) else { throw BenchError("bad receiver URL \(receiver.url)") }
        let daemon = try RunningDaemon(
            configuration: try configuration(directory: options.directory, webhook: url), configurationFile: nil, environment: [:])
        defer { daemon.stop() }
        report("")
        if options.selected(latencyName) {
            let latency = try measureLatency(daemon, receiver: receiver, samples: options.samples)
            latency.report(samples: options.samples, report)
        }
        if options.selected(burstName) {
            let burst = try measureBurst(daemon, receiver: receiver, options: options)
            burst.report(report)
        }
    }

    /// The embedded configuration with one webhook channel, `facility_utilization` firing at
    /// once, and the rules that would add alerts of their own (kind, city, surge, staleness)
    /// turned off.
    static func configuration(directory: String, webhook: URL) throws -> DaemonConfiguration {
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        // No action cards: this measures the alert path alone (a card on facility alerts
        // would start one run per alert of the burst).
        configuration.playbooks.directory = directory + "/no-playbooks"
        configuration.http.maxBodyBytes = 8 << 20
        configuration.alerts.facilityUtilization.forDuration = .seconds(0)
        configuration.alerts.kindUtilization.enabled = false
        configuration.alerts.cityUtilization.enabled = false
        configuration.alerts.surgeLevel.enabled = false
        configuration.alerts.staleReport.enabled = false
        configuration.notifications.channels = ["hook": ChannelConfiguration(.webhook(.init(url: webhook, timeout: .seconds(5))))]
        configuration.notifications.routing = NotificationRouting(
            groups: ["beredskapsetaten": ["hook"]],
            routes: [NotificationRouting.Route(rule: "facility_utilization", minimumSeverity: .warning, groups: ["beredskapsetaten"])],
            escalation: [])
        return configuration
    }

    // MARK: - 1. Latency

    struct Latency {
        /// Receiver time − the 201 at the client (negative when the webhook won the race).
        var fromAcknowledgement: [Int64] = []
        /// Receiver time − the request leaving the client.
        var fromSent: [UInt64] = []
        /// The `POST /v1/arrivals` itself.
        var request: [UInt64] = []
        var missing = 0

        func report(samples: Int, _ report: (String) -> Void) {
            func figures(_ values: [some BinaryInteger]) -> String {
                String(format: "p50 %.3f ms, p99 %.3f ms (min %.3f, max %.3f)", values.quantileMilliseconds(0.5),
                       values.quantileMilliseconds(0.99), values.quantileMilliseconds(0), values.quantileMilliseconds(1))
            }
            report("\(latencyName): \(samples) facilities one at a time (\(capacity) places, 0 → \(crossing) occupied, critical at once, one webhook channel on loopback)")
            report("  from the 201 at the client to the webhook received: \(figures(fromAcknowledgement))")
            report("  from the request sent to the webhook received:      \(figures(fromSent))")
            report("  the POST /v1/arrivals itself:                       \(figures(request))")
            report("  crossings whose webhook did not arrive within 5 s: \(missing); issue target p50 ≤ 2 ms, p99 ≤ 10 ms from the 201")
        }
    }

    static func measureLatency(_ daemon: RunningDaemon, receiver: WebhookReceiver, samples: Int, warmUp: Int = 10) throws -> Latency {
        let ids = (0..<(warmUp + samples)).map { "lat\($0)" }
        try CapacityScenario.createFacilities(socket: daemon.socketPath, ids: ids, capacity: capacity)
        waitForQuietWriter(daemon)
        receiver.reset()
        let connection = try UnixSocketConnection(path: daemon.socketPath)
        defer { connection.close() }
        var latency = Latency()
        for (index, id) in ids.enumerated() {
            let request = BenchHTTP.request("POST", "/v1/arrivals", json: #"{"facility":"\#(id)","count":\#(crossing),"category":"adult"}"#)
            let sent = DispatchTime.now().uptimeNanoseconds
            let (status, body) = try BenchHTTP.exchange(connection, request)
            let acknowledged = DispatchTime.now().uptimeNanoseconds
            guard status == 201 else { throw BenchError("POST /v1/arrivals: HTTP \(status): \(String(decoding: body, as: UTF8.self))") }
            guard let received = receiver.arrival(of: "facility/\(id)", timeout: 5) else {
                latency.missing += 1
                continue
            }
            if index >= warmUp {
                latency.fromAcknowledgement.append(Int64(bitPattern: received &- acknowledged))
                latency.fromSent.append(received - sent)
                latency.request.append(acknowledged - sent)
            }
            // The delivery is recorded through the writer after the webhook answered: let
            // that finish so that the next crossing finds the daemon idle.
            waitForQuietWriter(daemon, quietSeconds: 0.01)
        }
        return latency
    }

    // MARK: - 2. Burst

    struct Burst {
        var alerts: Int
        var setupSeconds: Double
        var setupConnections: Int
        var importSeconds: Double
        var firstWebhookSeconds: Double?
        /// nil: not all arrived before the timeout.
        var allDeliveredSeconds: Double?
        var delivered: Int
        var requests: Int
        var outboxEmptySeconds: Double?
        var drainSeconds: Double
        var before: [UInt64]
        var beforeSeconds: Double
        var during: [UInt64]
        var logFailures: Int
        var writer: (commands: Int, batches: Int, largest: Int, executeSeconds: Double, commitSeconds: Double)
        var cpu: Double

        func report(_ report: (String) -> Void) {
            func window(_ values: [UInt64], _ seconds: Double) -> String {
                String(format: "p50 %.3f ms, p99 %.3f ms, max %.1f ms (%d requests, %.0f/s)", values.quantileMilliseconds(0.5),
                       values.quantileMilliseconds(0.99), values.quantileMilliseconds(1), values.count, Double(values.count) / seconds)
            }
            func seconds(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "not within the timeout" }
            let span = (allDeliveredSeconds ?? drainSeconds) - (firstWebhookSeconds ?? 0)
            report("\(burstName) of \(alerts) alerts (one POST /v1/imports/occupancy of \(alerts) head counts at \(crossing) %, one webhook channel)")
            report(String(format: "  set-up: %d facilities created in %.1f s over %d connections", alerts, setupSeconds, setupConnections))
            report(String(format: "  the import acknowledged after %.3f s; first webhook after %@", importSeconds, seconds(firstWebhookSeconds)))
            report("  all \(alerts) webhooks received after \(seconds(allDeliveredSeconds)) (\(delivered) subjects in \(requests) requests; "
                + String(format: "%.0f deliveries/s first to last); outbox recorded empty after %@", Double(delivered) / max(span, 1e-9),
                         seconds(outboxEmptySeconds)))
            report("  POST /v1/log, 1 client, before the burst: \(window(before, beforeSeconds))")
            report("  POST /v1/log, 1 client, during the drain: \(window(during, drainSeconds))"
                + (logFailures > 0 ? " (\(logFailures) failures)" : ""))
            report(String(format: "  p50 %.2f×, p99 %.2f× before; writer during the drain: %d commands in %d transactions (largest %d), %.2f s executing + %.2f s committing; CPU cores busy %.2f",
                          during.quantileMilliseconds(0.5) / max(before.quantileMilliseconds(0.5), 1e-9),
                          during.quantileMilliseconds(0.99) / max(before.quantileMilliseconds(0.99), 1e-9),
                          writer.commands, writer.batches, writer.largest, writer.executeSeconds, writer.commitSeconds, cpu))
        }
    }

    static func measureBurst(_ daemon: RunningDaemon, receiver: WebhookReceiver, options: Options) throws -> Burst {
        let socket = daemon.socketPath
        let ids = (0..<options.burst).map { "b\($0)" }
        let connections = 8
        let setupStarted = DispatchTime.now().uptimeNanoseconds
        try BenchHTTP.onThreads(connections) { part in
            try CapacityScenario.createFacilities(
                socket: socket, ids: ids.indices.filter { $0 % connections == part }.map { ids[$0] }, capacity: capacity)
        }
        let setupSeconds = secondsSince(setupStarted)
        waitForQuietWriter(daemon)
        receiver.reset()

        let rows = ids.map { #"{"facility":"\#($0)","occupied":\#(crossing)}"# }.joined(separator: ",")
        let importRequest = BenchHTTP.request("POST", "/v1/imports/occupancy", json: #"{"rows":[\#(rows)]}"#)
        let importConnection = try UnixSocketConnection(path: socket)
        defer { importConnection.close() }

        let logRequest = options.logRequest
        let client = PacedClient(socket: socket, expectedStatus: 201) { logRequest(0, $0) }
        Thread.sleep(forTimeInterval: options.baselineSeconds)

        let writerBefore = daemon.services.writer.currentStatistics
        let cpuBefore = cpuSeconds()
        let burstStarted = DispatchTime.now().uptimeNanoseconds
        let (status, body) = try BenchHTTP.exchange(importConnection, importRequest, timeout: options.drainTimeout)
        let importSeconds = secondsSince(burstStarted)
        guard status == 201 else {
            _ = client.stop()
            throw BenchError("POST /v1/imports/occupancy: HTTP \(status): \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
        let allArrived = receiver.waitForSubjects(options.burst, timeout: max(options.drainTimeout - importSeconds, 1))
        let drainEnded = allArrived ? receiver.summary.lastAt : DispatchTime.now().uptimeNanoseconds
        let cpuAfter = cpuSeconds()
        let writerAfter = daemon.services.writer.currentStatistics
        let (samples, logFailures) = client.stop()
        let outboxEmpty = waitForEmptyOutbox(daemon, timeout: 60)
        let summary = receiver.summary
        let drainSeconds = Double(drainEnded - burstStarted) / 1e9

        let beforeSamples = samples.filter { $0.sentAt < burstStarted }
        return Burst(
            alerts: options.burst, setupSeconds: setupSeconds, setupConnections: connections, importSeconds: importSeconds,
            firstWebhookSeconds: summary.requests > 0 ? Double(summary.firstAt - burstStarted) / 1e9 : nil,
            allDeliveredSeconds: allArrived ? drainSeconds : nil, delivered: summary.subjects, requests: summary.requests,
            outboxEmptySeconds: outboxEmpty ? secondsSince(burstStarted) : nil, drainSeconds: drainSeconds,
            before: beforeSamples.map(\.nanoseconds),
            beforeSeconds: Double(burstStarted - (beforeSamples.first?.sentAt ?? burstStarted)) / 1e9,
            during: samples.filter { $0.sentAt >= burstStarted && $0.sentAt < drainEnded }.map(\.nanoseconds),
            logFailures: logFailures,
            writer: (writerAfter.commands - writerBefore.commands, writerAfter.batches - writerBefore.batches, writerAfter.largestBatch,
                     writerAfter.executeSeconds - writerBefore.executeSeconds, writerAfter.commitSeconds - writerBefore.commitSeconds),
            cpu: (cpuAfter - cpuBefore) / max(drainSeconds, 1e-9))
    }

    // MARK: - Waiting

    private static func secondsSince(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Returns once the writer has run no command for `quietSeconds` (evaluations and delivery
    /// records that follow a write have finished), or after `timeout` seconds.
    static func waitForQuietWriter(_ daemon: RunningDaemon, quietSeconds: Double = 0.3, timeout: Double = 600) {
        let started = DispatchTime.now().uptimeNanoseconds
        var last = daemon.services.writer.currentStatistics.commands
        var quietSince = started
        while secondsSince(started) < timeout {
            Thread.sleep(forTimeInterval: min(quietSeconds / 3, 0.05))
            let commands = daemon.services.writer.currentStatistics.commands
            if commands != last {
                last = commands
                quietSince = DispatchTime.now().uptimeNanoseconds
            } else if secondsSince(quietSince) >= quietSeconds {
                return
            }
        }
    }

    /// Waits until no outbox row is pending (every delivery recorded); false after `timeout`.
    static func waitForEmptyOutbox(_ daemon: RunningDaemon, timeout: Double) -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        while secondsSince(started) < timeout {
            let horizon = SystemWallClock().now().adding(milliseconds: 3_600_000)
            let pending = (try? daemon.services.readPool.read { try $0.dueNotifications(at: horizon, limit: 1) }) ?? []
            if pending.isEmpty { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}
