import BeredskapDaemon
import BeredskapTestSupport
import Dispatch
import Foundation

/// Slow clients (issue 16, item 2, measured): 8 normal clients writing `POST /v1/log` as fast
/// as they are answered, first alone and then while 1000 slow clients (slowloris: a request
/// head trickled a line every 200 ms, reconnecting as soon as they are closed) hold the
/// daemon's connections — its default of 256 (`http.max_connections`). The daemon makes room
/// for a new connection by closing the one that has spent longest on its request head (with
/// 408), so the normal clients are never refused; this is what they pay for it.
enum SlowClientBench {
    static let name = "slow clients"
    static let slowClients = 1000
    static let normalClients = 8

    static func run(directory: String, seconds: Double, clientThreads: Int, request: @escaping @Sendable (Int, Int) -> [UInt8], report: (String) -> Void) throws {
        Slowloris.raiseDescriptorLimit()
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        configuration.playbooks.directory = directory + "/no-playbooks"
        let daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
        defer { daemon.stop() }
        func measure() -> (LoadResult, Double) {
            Load.run(socket: daemon.socketPath, clients: normalClients, threads: clientThreads, seconds: seconds, expectedStatus: 201, request: request)
        }
        let (alone, aloneSeconds) = measure()
        let slow = Slowloris(path: daemon.socketPath, count: slowClients)
        let connected = slow.connectAll()
        let attacking = Thread { slow.run(until: Date().addingTimeInterval(seconds + 5)) }
        attacking.start()
        let (attacked, attackedSeconds) = measure()
        slow.stop()
        while !slow.finished { usleep(10_000) }

        func figures(_ result: LoadResult, _ elapsed: Double) -> String {
            String(format: "%.0f/s, p50 %.3f ms, p99 %.3f ms, %d failed", Double(result.requests) / elapsed,
                   result.latenciesNanoseconds.quantileMilliseconds(0.5), result.latenciesNanoseconds.quantileMilliseconds(0.99), result.failures)
        }
        report("")
        report("\(name): \(normalClients) normal clients (POST /v1/log) alone, then beside \(slowClients) slowloris clients (\(connected) connected; http.max_connections \(configuration.http.maxConnections))")
        report("  alone:                \(figures(alone, aloneSeconds))")
        report("  beside the slow ones: \(figures(attacked, attackedSeconds))")
        let p99 = attacked.latenciesNanoseconds.quantileMilliseconds(0.99) / max(alone.latenciesNanoseconds.quantileMilliseconds(0.99), 1e-9)
        report(String(format: "  p99 beside them %.2f× alone; the slow clients were answered %@ (issue target: normal p99 under 50 ms, none refused)",
                      p99, slow.answers.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")))
    }
}
