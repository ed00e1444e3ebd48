import BeredskapCore
import BeredskapDaemon
import BeredskapHTTP
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation

/// Growth (issue 16, item 5): ingest and evaluation cost with a small event log against a
/// large one (10^3 and 10^7 events by default), in the same run. Each daemon gets the same
/// work on a fresh state: 300 facilities, arrivals from 1 and 32 clients, then facilities
/// pushed over the threshold one at a time (arrival → rule evaluation → alert → webhook). The
/// large state is the small one with the log padded first by past incident-log events spread
/// over a thousand subjects, so every index of the log (seq, type, subject, actor, time) is
/// deep.
///
/// Why padding by SQL, not through the API: ten million writes through the daemon would take
/// the whole benchmark's time; what the question needs is a log that large under the write
/// path, and the write path does not read old events (it appends, and the engines keep their
/// own state), which is what this shows or refutes.
enum GrowthBench {
    static let name = "growth: event log"

    struct Figures {
        var events: Int64 = 0
        var startSeconds = 0.0
        var arrivalsOne = 0.0
        var arrivalsMany = 0.0
        var alert: AlertScenario.Latency?
    }

    static func run(directory: String, padding: Int, seconds: Double, samples: Int, clientThreads: Int, report: (String) -> Void) throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        guard let url = URL(string: receiver.url) else { throw BenchError("bad receiver URL \(receiver.url)") }
        report("")
        var measured: [Figures] = []
        for (label, events) in [("small", 0), ("large", padding)] {
            let state = directory + "/" + label
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            if events > 0 {
                let started = DispatchTime.now().uptimeNanoseconds
                try pad(Database(configuration: Database.Configuration(directory: state)), events: events)
                report(String(format: "%@: padded the log with %d events in %.1f s", name, events, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            }
            var figures = Figures()
            let configuration = try AlertScenario.configuration(directory: state, webhook: url)
            let starting = DispatchTime.now().uptimeNanoseconds
            let daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
            figures.startSeconds = Double(DispatchTime.now().uptimeNanoseconds - starting) / 1e9
            defer { daemon.stop() }
            try CapacityScenario.createFacilities(socket: daemon.socketPath, count: CapacityScenario.facilities)
            for (clients, keyPath) in [(1, \Figures.arrivalsOne), (32, \Figures.arrivalsMany)] {
                let (result, elapsed) = Load.run(
                    socket: daemon.socketPath, clients: clients, threads: clientThreads, seconds: seconds, expectedStatus: 201,
                    request: CapacityScenario.postArrival)
                figures[keyPath: keyPath] = Double(result.requests) / elapsed
            }
            receiver.arrivals.reset()
            figures.alert = try AlertScenario.measureLatency(daemon, observers: [receiver.arrivals], samples: samples)
            figures.events = try daemon.services.readPool.read { try $0.scalarInt("SELECT max(seq) FROM events") ?? 0 }
            measured.append(figures)
            daemon.stop()
        }
        guard measured.count == 2, let small = measured.first, let large = measured.last,
            let smallAlert = small.alert, let largeAlert = large.alert
        else { return }
        func events(_ count: Int64) -> String { count >= 1_000_000 ? String(format: "%.1f million", Double(count) / 1e6) : "\(count)" }
        report("\(name): the same work with \(events(small.events)) and \(events(large.events)) events in the log (after the work)")
        report(String(format: "  start-up: %.2f s and %.2f s", small.startSeconds, large.startSeconds))
        report(String(format: "  POST /v1/arrivals, 1 client:   %.0f/s and %.0f/s (%.2f×)", small.arrivalsOne, large.arrivalsOne, large.arrivalsOne / small.arrivalsOne))
        report(String(format: "  POST /v1/arrivals, 32 clients: %.0f/s and %.0f/s (%.2f×)", small.arrivalsMany, large.arrivalsMany, large.arrivalsMany / small.arrivalsMany))
        let smallP50 = smallAlert.fromSent[0].quantileMilliseconds(0.5), largeP50 = largeAlert.fromSent[0].quantileMilliseconds(0.5)
        let smallP99 = smallAlert.fromSent[0].quantileMilliseconds(0.99), largeP99 = largeAlert.fromSent[0].quantileMilliseconds(0.99)
        report(String(format: "  arrival → evaluation → alert → webhook (%d crossings): p50 %.3f and %.3f ms (%.2f×), p99 %.3f and %.3f ms (%.2f×)",
                      samples, smallP50, largeP50, largeP50 / max(smallP50, 1e-9), smallP99, largeP99, largeP99 / max(smallP99, 1e-9)))
        report("  issue target: flat within 20 % (0.80× to 1.20×)")
    }

    /// Creates the schema in `database` and appends `events` past `log.added` events, a million per transaction.
    static func pad(_ database: Database, events: Int) throws {
        let now = SystemWallClock().now().millisecondsSinceEpoch
        let connection = try database.openForWriting(now: now)
        let start = now - 400 * 86_400_000
        var done = 0
        while done < events {
            let chunk = min(1_000_000, events - done)
            try connection.execute("BEGIN IMMEDIATE")
            _ = try connection.run(
                """
                WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO events(time_ms, actor_uid, actor_user, type, subject, data, exercise)
                SELECT ? + i * 3, 1000, 'bench', ?, 'facility/old-' || (i % 1000), '{"id":' || i || ',"source":"person"}', 0 FROM n
                """, Int64(done + 1), Int64(done + chunk), start, IncidentLogEvents.added.name)
            try connection.execute("COMMIT")
            done += chunk
        }
    }
}
