import BeredskapCore
import BeredskapDaemon
import BeredskapHTTP
import BeredskapSQLite
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

        func selected(any names: [String]) -> Bool { names.contains(where: selected) }
    }

    static func run(_ options: Options, report: (String) -> Void) throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        guard let url = URL(string: receiver.url) else { throw BenchError("bad receiver URL \(receiver.url)") }
        let daemon = try RunningDaemon(
            configuration: try configuration(directory: options.directory, webhook: url), configurationFile: nil, environment: [:])
        defer { daemon.stop() }
        report("")
        // The peer's trips are compared with ours, so either name measures both.
        if options.selected(any: [latencyName, AlertmanagerPeer.name]) {
            let latency = try measureLatency(daemon, observers: [receiver.arrivals], samples: options.samples)
            latency.report(samples: options.samples, report)
            reportPeer(
                AlertmanagerPeer.measure(in: options.directory + "-alertmanager", receiver: receiver, samples: options.samples),
                against: latency, report)
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

    /// Crossings one at a time, as each observer (the webhook receiver, an event stream) saw
    /// them; index `i` of each observer's list is the same crossing.
    struct Latency {
        /// Per observer: its time − the 201 at the client (negative when it won the race).
        var fromAcknowledgement: [[Int64]]
        /// Per observer: its time − the request leaving the client.
        var fromSent: [[UInt64]]
        /// The `POST /v1/arrivals` itself.
        var request: [UInt64] = []
        /// Crossings that some observer did not see within 5 s (counted for none).
        var missing = 0

        init(observers: Int) {
            fromAcknowledgement = Array(repeating: [], count: observers)
            fromSent = Array(repeating: [], count: observers)
        }

        /// p50, p99, min and max of nanoseconds (signed ones too), in milliseconds.
        static func figures(_ values: [some BinaryInteger]) -> String {
            String(format: "p50 %.3f ms, p99 %.3f ms (min %.3f, max %.3f)", values.quantileMilliseconds(0.5),
                   values.quantileMilliseconds(0.99), values.quantileMilliseconds(0), values.quantileMilliseconds(1))
        }

        /// The alert scenario's lines: observer 0 is the webhook receiver.
        func report(samples: Int, _ report: (String) -> Void) {
            report("\(latencyName): \(samples) facilities one at a time (\(capacity) places, 0 → \(crossing) occupied, critical at once, one webhook channel on loopback)")
            report("  from the 201 at the client to the webhook received: \(Self.figures(fromAcknowledgement[0]))")
            report("  from the request sent to the webhook received:      \(Self.figures(fromSent[0]))")
            report("  the POST /v1/arrivals itself:                       \(Self.figures(request))")
            report("  crossings whose webhook did not arrive within 5 s: \(missing); issue target p50 ≤ 2 ms, p99 ≤ 10 ms from the 201")
        }
    }

    /// Pushes `warmUp + samples` new facilities (in `district`) over the threshold one at a
    /// time with `POST /v1/arrivals`, waits until every observer has seen the facility, then
    /// lets the daemon go idle (`settle`) so that the next crossing takes the unloaded path.
    /// The first `warmUp` crossings are not counted.
    static func measureLatency(
        _ daemon: RunningDaemon, observers: [SubjectArrivals], samples: Int, warmUp: Int = 10, district: String? = nil,
        settle: (RunningDaemon) -> Void = { waitForQuietWriter($0, quietSeconds: 0.01) }
    ) throws -> Latency {
        let ids = (0..<(warmUp + samples)).map { "lat\($0)" }
        try CapacityScenario.createFacilities(socket: daemon.socketPath, ids: ids, capacity: capacity, district: district)
        waitForQuietWriter(daemon)
        observers.forEach { $0.reset() }
        let connection = try UnixSocketConnection(path: daemon.socketPath)
        defer { connection.close() }
        var latency = Latency(observers: observers.count)
        for (index, id) in ids.enumerated() {
            let request = BenchHTTP.request("POST", "/v1/arrivals", json: #"{"facility":"\#(id)","count":\#(crossing),"category":"adult"}"#)
            let sent = DispatchTime.now().uptimeNanoseconds
            let (status, body) = try BenchHTTP.exchange(connection, request)
            let acknowledged = DispatchTime.now().uptimeNanoseconds
            guard status == 201 else { throw BenchError("POST /v1/arrivals: HTTP \(status): \(String(decoding: body, as: UTF8.self))") }
            let seen = observers.map { $0.arrival(of: "facility/\(id)", timeout: 5) }
            guard !seen.contains(nil) else {
                latency.missing += 1
                continue
            }
            if index >= warmUp {
                for (observer, received) in seen.compactMap({ $0 }).enumerated() {
                    latency.fromAcknowledgement[observer].append(Int64(bitPattern: received &- acknowledged))
                    latency.fromSent[observer].append(received - sent)
                }
                latency.request.append(acknowledged - sent)
            }
            // What follows the crossing (delivery records, a run's messages) goes through the
            // writer after the observers saw it: let that finish so the next crossing finds
            // the daemon idle.
            settle(daemon)
        }
        return latency
    }

    /// Alertmanager's trips beside ours: its figures and ours as ratios of its.
    static func reportPeer(_ measured: Result<AlertmanagerPeer.Figures, BenchError>, against ours: Latency, _ report: (String) -> Void) {
        switch measured {
        case .failure(let why):
            report("\(AlertmanagerPeer.name): \(why)")
        case .success(let peer):
            report("\(AlertmanagerPeer.name): \(peer.fromSent.count) alerts one at a time through POST /api/v2/alerts, group_wait 0s, the same receiver (\(peer.version))")
            report("  from its 200 at the client to the webhook received: \(Latency.figures(peer.fromAcknowledgement))")
            report("  from the request sent to the webhook received:     \(Latency.figures(peer.fromSent))")
            func ratio(_ ours: [UInt64], _ theirs: [UInt64], _ quantile: Double) -> String {
                String(format: "%.3f×", ours.quantileMilliseconds(quantile) / max(theirs.quantileMilliseconds(quantile), 1e-9))
            }
            report("  ours as a share of its, request sent → webhook: p50 \(ratio(ours.fromSent[0], peer.fromSent, 0.5)), p99 \(ratio(ours.fromSent[0], peer.fromSent, 0.99)) (below 1: ours is faster); trips missing: \(peer.missing)")
        }
    }

    // MARK: - 2. Burst

    /// What a burst of alerts does to the daemon and to one client writing `POST /v1/log`,
    /// up to the moment the observer the caller waits on has seen every facility.
    struct Drain {
        var facilities: Int
        var setupSeconds: Double
        var setupConnections: Int
        /// When the import was sent (`DispatchTime` nanoseconds).
        var started: UInt64
        var importSeconds: Double
        /// The import sent → the last facility seen, or → the timeout (`complete` false).
        var seconds: Double
        var complete: Bool
        var outboxEmptySeconds: Double?
        var before: [UInt64]
        var beforeSeconds: Double
        var during: [UInt64]
        var logFailures: Int
        var writer: (commands: Int, batches: Int, largest: Int, executeSeconds: Double, commitSeconds: Double)
        var cpu: Double

        /// Seconds from the import being sent to `instant`.
        func seconds(to instant: UInt64) -> Double { Double(Int64(bitPattern: instant &- started)) / 1e9 }

        static func duration(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "not within the timeout" }

        /// The log client before and during the drain, and the writer meanwhile.
        func reportLog(_ report: (String) -> Void, indent: String = "  ") {
            func window(_ values: [UInt64], _ seconds: Double) -> String {
                String(format: "p50 %.3f ms, p99 %.3f ms, max %.1f ms (%d requests, %.0f/s)", values.quantileMilliseconds(0.5),
                       values.quantileMilliseconds(0.99), values.quantileMilliseconds(1), values.count, Double(values.count) / seconds)
            }
            report("\(indent)POST /v1/log, 1 client, before the burst: \(window(before, beforeSeconds))")
            report("\(indent)POST /v1/log, 1 client, during the drain: \(window(during, seconds))"
                + (logFailures > 0 ? " (\(logFailures) failures)" : ""))
            report(indent + String(format: "p50 %.2f×, p99 %.2f× before; writer during the drain: %d commands in %d transactions (largest %d), %.2f s executing + %.2f s committing; CPU cores busy %.2f",
                                   p50Ratio, p99Ratio, writer.commands, writer.batches, writer.largest, writer.executeSeconds,
                                   writer.commitSeconds, cpu))
        }

        var p50Ratio: Double { during.quantileMilliseconds(0.5) / max(before.quantileMilliseconds(0.5), 1e-9) }
        var p99Ratio: Double { during.quantileMilliseconds(0.99) / max(before.quantileMilliseconds(0.99), 1e-9) }
    }

    struct Burst {
        var drain: Drain
        var firstWebhookSeconds: Double?
        var delivered: Int
        var requests: Int

        func report(_ report: (String) -> Void) {
            let alerts = drain.facilities
            let span = drain.seconds - (firstWebhookSeconds ?? 0)
            report("\(burstName) of \(alerts) alerts (one POST /v1/imports/occupancy of \(alerts) head counts at \(crossing) %, one webhook channel)")
            report(String(format: "  set-up: %d facilities created in %.1f s over %d connections", alerts, drain.setupSeconds, drain.setupConnections))
            report(String(format: "  the import acknowledged after %.3f s; first webhook after %@", drain.importSeconds,
                          Drain.duration(firstWebhookSeconds)))
            report("  all \(alerts) webhooks received after \(Drain.duration(drain.complete ? drain.seconds : nil)) (\(delivered) subjects in \(requests) requests; "
                + String(format: "%.0f deliveries/s first to last); outbox recorded empty after %@", Double(delivered) / max(span, 1e-9),
                         Drain.duration(drain.outboxEmptySeconds)))
            drain.reportLog(report)
        }
    }

    static func measureBurst(_ daemon: RunningDaemon, receiver: WebhookReceiver, options: Options) throws -> Burst {
        let drain = try drainBurst(daemon, options: options, observers: [receiver.arrivals], until: receiver.arrivals)
        let summary = receiver.arrivals.summary
        return Burst(
            drain: drain, firstWebhookSeconds: summary.records > 0 ? drain.seconds(to: summary.firstAt) : nil,
            delivered: summary.subjects, requests: summary.records)
    }

    /// Creates `options.burst` facilities (in `district`) over 8 connections, starts the log
    /// client, lets it write alone for `options.baselineSeconds`, then pushes every facility
    /// over the threshold with one `POST /v1/imports/occupancy` and waits until `done` (one of
    /// `observers`, which are reset before the burst) has seen them all. The outbox is then
    /// left to empty, so the daemon is idle when this returns.
    static func drainBurst(
        _ daemon: RunningDaemon, options: Options, district: String? = nil, observers: [SubjectArrivals], until done: SubjectArrivals
    ) throws -> Drain {
        let socket = daemon.socketPath
        let ids = (0..<options.burst).map { "b\($0)" }
        let connections = 8
        let setupStarted = DispatchTime.now().uptimeNanoseconds
        try BenchHTTP.onThreads(connections) { part in
            try CapacityScenario.createFacilities(
                socket: socket, ids: ids.indices.filter { $0 % connections == part }.map { ids[$0] }, capacity: capacity,
                district: district)
        }
        let setupSeconds = secondsSince(setupStarted)
        waitForQuietWriter(daemon)
        observers.forEach { $0.reset() }

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
        let last = done.lastOf(options.burst, timeout: max(options.drainTimeout - importSeconds, 1))
        let drainEnded = last ?? DispatchTime.now().uptimeNanoseconds
        let cpuAfter = cpuSeconds()
        let writerAfter = daemon.services.writer.currentStatistics
        let (samples, logFailures) = client.stop()
        let outboxEmpty = waitForEmptyOutbox(daemon, timeout: 60)
        let drainSeconds = Double(drainEnded - burstStarted) / 1e9

        let beforeSamples = samples.filter { $0.sentAt < burstStarted }
        return Drain(
            facilities: options.burst, setupSeconds: setupSeconds, setupConnections: connections, started: burstStarted,
            importSeconds: importSeconds, seconds: drainSeconds, complete: last != nil,
            outboxEmptySeconds: outboxEmpty ? secondsSince(burstStarted) : nil,
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
