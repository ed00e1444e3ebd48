import BeredskapCore
import BeredskapDaemon
import Dispatch
import Foundation

/// Playbooks (issue 5): what an action card adds to an alert. The alert scenario's daemon
/// (`facility_utilization` critical at 95 %, one webhook channel) with one card directory
/// holding the shipped `facility-near-full` card, whose trigger is that rule on any facility:
/// each alert starts one run, in a writer transaction of its own after the alert's, with a log
/// step and a notify step done at once (one incident-log entry, one message to
/// `bydel:{district}`), a task step whose owner is told it is ready (a second message), and
/// behind that task two more tasks and a `wait_for`, which stay waiting here. The facilities
/// lie in Bjerke, and every group the card names is routed to the webhook channel, so a run
/// sends two webhooks besides the alert's own.
///
/// Runs and alerts are seen as a client sees them: on `GET /v1/events?follow=true`, one
/// stream of `run.started` and one of `alert.firing` (`EventStreamWatcher`), both open on
/// every daemon here, with or without the card.
///
/// 1. Latency: one facility at a time (as the alert scenario), the 201 of the crossing write
///    → its run on the stream, against the same crossing's `alert.firing` on the stream and
///    its alert webhook.
/// 2. Burst: the alert scenario's burst of N alerts with a client writing `POST /v1/log`, on
///    a fresh daemon without cards and on a fresh daemon with the card: all alerts fired
///    against all runs started, and the client's latency against its own just before.
enum PlaybookScenario {
    static let latencyName = "playbooks: alert → run started"
    static let burstName = "playbooks: burst"
    /// The facilities' district: the card's `bydel:{district}` becomes `bydel:bjerke`.
    static let district = "bjerke"

    /// The card as shipped in the repository (`Playbooks/facility-near-full.json5`), found next
    /// to these sources or below the current directory; nil when neither has it.
    static var shippedCard: String? {
        let relative = "Playbooks/facility-near-full.json5"
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [root.appendingPathComponent(relative).path, FileManager.default.currentDirectoryPath + "/" + relative]
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Copies `card` into a card directory under `options.directory` and runs the selected
    /// measurements, each on daemons of its own.
    static func run(_ options: AlertScenario.Options, card: String, report: (String) -> Void) throws {
        let cards = options.directory + "/cards"
        try FileManager.default.createDirectory(atPath: cards, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: card, toPath: cards + "/" + URL(fileURLWithPath: card).lastPathComponent)
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        report("")
        if options.selected(latencyName) {
            let latency = try withDaemon(options.directory + "/latency", cards: cards, receiver: receiver) { daemon, streams in
                try AlertScenario.measureLatency(
                    daemon, observers: [streams.runs.arrivals, streams.alerts.arrivals, receiver.arrivals], samples: options.samples,
                    district: district,
                    settle: { daemon in
                        // A run's two messages are delivered and recorded after it started.
                        _ = AlertScenario.waitForEmptyOutbox(daemon, timeout: 5)
                        AlertScenario.waitForQuietWriter(daemon, quietSeconds: 0.01)
                    })
            }
            reportLatency(latency, samples: options.samples, report)
        }
        if options.selected(burstName) {
            let without = try withDaemon(options.directory + "/burst-without", cards: nil, receiver: receiver) { daemon, streams in
                try burst(daemon, streams: streams, receiver: receiver, options: options, cards: false)
            }
            let with = try withDaemon(options.directory + "/burst-with", cards: cards, receiver: receiver) { daemon, streams in
                try burst(daemon, streams: streams, receiver: receiver, options: options, cards: true)
            }
            reportBurst(without: without, with: with, report)
        }
    }

    // MARK: - Daemons

    /// The two event streams a measurement watches.
    struct Streams {
        /// `alert.firing`, by the alert's subject.
        var alerts: EventStreamWatcher
        /// `run.started`, by the subject of the alert that started the run.
        var runs: EventStreamWatcher
    }

    /// The alert scenario's configuration with the card directory `cards` (nil: none), the
    /// district's contact point routed to the webhook too, and a heartbeat short enough for
    /// the streams to start and stop promptly.
    static func configuration(directory: String, cards: String?, webhook: URL) throws -> DaemonConfiguration {
        var configuration = try AlertScenario.configuration(directory: directory, webhook: webhook)
        if let cards { configuration.playbooks.directory = cards }
        configuration.notifications.routing.groups[NotificationRouting.contactPoint(of: district)] = ["hook"]
        configuration.events.heartbeatInterval = FixedDuration(milliseconds: 200)
        return configuration
    }

    /// Starts a fresh daemon in `directory` and its two streams, runs `body`, and stops both.
    private static func withDaemon<T>(
        _ directory: String, cards: String?, receiver: WebhookReceiver, _ body: (RunningDaemon, Streams) throws -> T
    ) throws -> T {
        guard let url = URL(string: receiver.url) else { throw BenchError("bad receiver URL \(receiver.url)") }
        let daemon = try RunningDaemon(
            configuration: try configuration(directory: directory, cards: cards, webhook: url), configurationFile: nil,
            environment: [:])
        defer { daemon.stop() }
        let loaded = daemon.services.playbooks.playbooks.playbooks.map(\.id)
        guard loaded.count == (cards == nil ? 0 : 1) else { throw BenchError("cards loaded from \(cards ?? "nowhere"): \(loaded)") }
        let socket = daemon.socketPath
        let since = daemon.services.bus.lastSeq
        let streams = Streams(
            alerts: try EventStreamWatcher(socket: socket, type: AlertEvents.firing.name, since: since) {
                $0.payload(AlertEvents.firing)?.subject
            },
            runs: try EventStreamWatcher(socket: socket, type: PlaybookEvents.runStarted.name, since: since) {
                $0.payload(PlaybookEvents.runStarted)?.trigger.subject
            })
        defer {
            streams.alerts.stop()
            streams.runs.stop()
        }
        return try body(daemon, streams)
    }

    // MARK: - 1. Latency

    /// Observers: 0 the run on the stream, 1 the alert on the stream, 2 the alert's webhook.
    private static func reportLatency(_ latency: AlertScenario.Latency, samples: Int, _ report: (String) -> Void) {
        let fromAcknowledgement = latency.fromAcknowledgement
        func ratio(_ q: Double, _ observer: Int) -> Double {
            fromAcknowledgement[0].quantileMilliseconds(q) / max(fromAcknowledgement[observer].quantileMilliseconds(q), 1e-9)
        }
        let runAfterAlert = zip(fromAcknowledgement[0], fromAcknowledgement[1]).map { $0 - $1 }
        report("\(latencyName): \(samples) facilities one at a time (card facility-near-full; 0 → \(AlertScenario.crossing) % occupied, critical at once)")
        report("  from the 201 to run.started on the event stream:   \(AlertScenario.Latency.figures(fromAcknowledgement[0]))")
        report("  from the 201 to alert.firing on the event stream:  \(AlertScenario.Latency.figures(fromAcknowledgement[1]))")
        report("  from the 201 to the alert's webhook received:      \(AlertScenario.Latency.figures(fromAcknowledgement[2]))")
        report("  the POST /v1/arrivals itself:                      \(AlertScenario.Latency.figures(latency.request))")
        report("  per crossing, run.started − alert.firing:          \(AlertScenario.Latency.figures(runAfterAlert))")
        report(String(format: "  run ÷ alert on the stream: p50 %.2f×, p99 %.2f×; run ÷ alert webhook: p50 %.2f×, p99 %.2f×",
                      ratio(0.5, 1), ratio(0.99, 1), ratio(0.5, 2), ratio(0.99, 2)))
        report("  crossings not seen by all three within 5 s: \(latency.missing)")
    }

    // MARK: - 2. Burst

    struct BurstCase {
        var cards: Bool
        var drain: AlertScenario.Drain
        /// The import sent → the last alert (run) first seen on its stream; nil: not all.
        var alertsFiredSeconds: Double?
        var runsStartedSeconds: Double?
        var runs: Int
        var webhookRequests: Int
    }

    /// The alert scenario's burst; the drain ends when every run has started (with the card)
    /// or every alert has fired (without).
    private static func burst(
        _ daemon: RunningDaemon, streams: Streams, receiver: WebhookReceiver, options: AlertScenario.Options, cards: Bool
    ) throws -> BurstCase {
        let observers = [streams.alerts.arrivals, streams.runs.arrivals, receiver.arrivals]
        let drain = try AlertScenario.drainBurst(
            daemon, options: options, district: district, observers: observers, until: observers[cards ? 1 : 0])
        // Both have happened or never will by now: the drain waited for one, and the outbox is empty.
        let firedAt = streams.alerts.arrivals.lastOf(options.burst, timeout: 0)
        let startedAt = streams.runs.arrivals.lastOf(options.burst, timeout: 0)
        return BurstCase(
            cards: cards, drain: drain, alertsFiredSeconds: firedAt.map(drain.seconds(to:)),
            runsStartedSeconds: startedAt.map(drain.seconds(to:)), runs: streams.runs.arrivals.summary.subjects,
            webhookRequests: receiver.arrivals.summary.records)
    }

    private static func reportBurst(without: BurstCase, with: BurstCase, _ report: (String) -> Void) {
        let alerts = with.drain.facilities
        let duration = AlertScenario.Drain.duration
        report("\(burstName) of \(alerts) alerts (one POST /v1/imports/occupancy of \(alerts) head counts at \(AlertScenario.crossing) %), on a fresh daemon without cards and one with the card")
        for burst in [without, with] {
            report((burst.cards ? "  with the card: " : "  without cards: ")
                + String(format: "%d facilities created in %.1f s; the import acknowledged after %.3f s; ", alerts, burst.drain.setupSeconds,
                         burst.drain.importSeconds)
                + "all alerts fired (alert.firing on the stream) after \(duration(burst.alertsFiredSeconds))"
                + (burst.cards ? "; all \(alerts) runs started (run.started) after \(duration(burst.runsStartedSeconds)) (\(burst.runs) runs)" : "")
                + "; outbox empty after \(duration(burst.drain.outboxEmptySeconds)) (\(burst.webhookRequests) webhooks)")
            burst.drain.reportLog(report, indent: "    ")
        }
        func ratio(_ a: Double?, _ b: Double?) -> String {
            guard let a, let b else { return "–" }
            return String(format: "%.2f×", a / max(b, 1e-9))
        }
        report("  all runs started (with the card) ÷ all alerts fired (without): \(ratio(with.runsStartedSeconds, without.alertsFiredSeconds)); "
            + "all alerts fired, with ÷ without: \(ratio(with.alertsFiredSeconds, without.alertsFiredSeconds)); "
            + "outbox empty, with ÷ without: \(ratio(with.drain.outboxEmptySeconds, without.drain.outboxEmptySeconds))")
        report(String(format: "  POST /v1/log during ÷ before: without cards p50 %.2f×, p99 %.2f×; with the card p50 %.2f×, p99 %.2f×",
                      without.drain.p50Ratio, without.drain.p99Ratio, with.drain.p50Ratio, with.drain.p99Ratio))
    }
}
