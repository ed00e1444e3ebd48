import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BeredskapDaemon

/// The names of the threads the slow reads ran on, in order.
private final class ReadThreads: Sendable {
    private let names = Mutex<[String]>([])

    func note() { names.withLock { $0.append(Thread.current.name ?? "") } }
    var all: [String] { names.withLock { $0 } }
}

/// The daemon's routes plus `GET /test/slow`, whose read waits until the test opens its gate,
/// served on one event loop (so a read on the loop would hold up every other connection) with
/// read workers the test sizes.
private final class SlowReadServer {
    let harness: DaemonHarness
    let workers: ReadWorkers
    let server: HTTPServer<APIHandler>
    let socketPath: String
    /// Signalled by each slow read as it starts; the read then waits for `gate`.
    let started = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let threads = ReadThreads()

    init(workers count: Int = 1, queueLimit: Int = 1) throws {
        harness = try DaemonHarness()
        workers = ReadWorkers(count: count, queueLimit: queueLimit)
        let started = started, gate = gate, threads = threads
        let slow = Route(EndpointSpec(.get, "/test/slow", permission: .read)) { _ throws(APIError) in
            .slowRead {
                threads.note()
                started.signal()
                // A bound, so that a failing test cannot hang the suite; the test opens the gate.
                _ = gate.wait(timeout: .now() + 20)
                return .json(status: 200, body: ["read": true])
            }
        }
        let handler = APIHandler(
            router: Router(routes: APIRoutes.all(harness.daemon.services) + [slow]), services: harness.daemon.services, readWorkers: workers)
        var configuration = HTTPServerConfiguration()
        configuration.eventLoops = 1
        server = try HTTPServer(handler: handler, configuration: configuration)
        socketPath = harness.directory + "/slow.sock"
        server.start(listener: try UnixSocketListener.bind(UnixSocketListener.Options(path: socketPath)).fileDescriptor)
    }

    deinit {
        server.shutdown(gracePeriod: 2)
    }

    func connect() throws -> RawClient { try RawClient(path: socketPath) }

    /// Sends `GET /test/slow` on a new connection, and waits until its read has started.
    func startSlowRead() throws -> RawClient {
        let client = try connect()
        try client.send(raw: "GET /test/slow HTTP/1.1\r\nHost: beredskap\r\n\r\n")
        #expect(started.wait(timeout: .now() + 10) == .success)
        return client
    }

    /// Sends `GET /test/slow` on a new connection, and waits until it is queued behind the others.
    func queueSlowRead() throws -> RawClient {
        let waiting = workers.waiting
        let client = try connect()
        try client.send(raw: "GET /test/slow HTTP/1.1\r\nHost: beredskap\r\n\r\n")
        #expect(waitUntil { self.workers.waiting == waiting + 1 })
        return client
    }
}

@Suite(.serialized) struct ReadWorkerTests {
    @Test("A slow read runs on a read worker, and another connection on the same loop is answered meanwhile")
    func slowReadDoesNotHoldTheLoop() throws {
        let server = try SlowReadServer()
        let slow = try server.startSlowRead()
        let health = try server.connect().request("GET", "/v1/health")
        #expect(health.status == 200)
        let capacity = try server.connect().request("GET", "/v1/capacity")
        #expect(capacity.status == 200)
        server.gate.signal()
        let answer = try slow.readResponse()
        #expect(answer.status == 200)
        #expect(answer.json["read"]?.boolValue == true)
        #expect(answer.headers["Beredskap-Time-Zone"] == "Europe/Oslo")
        // The kernel's name for it (15 bytes at most), as `top -H` shows it.
        #expect(server.threads.all == ["beredskap-read"])
    }

    @Test("With every worker busy and the queue full, a slow read is answered 503 at once, and the queued one still runs")
    func fullQueueAnswers503() throws {
        let server = try SlowReadServer(workers: 1, queueLimit: 1)
        let running = try server.startSlowRead()
        let queued = try server.queueSlowRead()
        let refused = try server.connect().request("GET", "/test/slow")
        #expect(refused.status == 503)
        #expect(refused.errorCode == "unavailable")
        #expect(server.threads.all.count == 1)
        server.gate.signal()
        #expect(try running.readResponse().status == 200)
        #expect(server.started.wait(timeout: .now() + 10) == .success)
        server.gate.signal()
        #expect(try queued.readResponse().status == 200)
        // The loop was never held up: a check that fails on it is answered at once too.
        #expect(try server.connect().request("GET", "/test/slow?limit=1").errorCode == "invalid_field")
    }

    @Test("Shutdown answers queued reads 503, waits for the running one to finish and answer, then stops every worker")
    func shutdownWaitsForReadsInFlight() throws {
        let server = try SlowReadServer(workers: 1, queueLimit: 4)
        let running = try server.startSlowRead()
        let queued = try server.queueSlowRead()
        let stopped = DispatchSemaphore(value: 0)
        let http = server.server
        Thread.detachNewThread {
            http.shutdown(gracePeriod: 0.2)
            stopped.signal()
        }
        // Past the grace period the queued read is cancelled and answered.
        let cancelled = try queued.readResponse()
        #expect(cancelled.status == 503)
        #expect(cancelled.errorCode == "unavailable")
        // The running read is still in flight, so shutdown is still waiting for it.
        #expect(stopped.wait(timeout: .now()) == .timedOut)
        server.gate.signal()
        #expect(try running.readResponse().status == 200)
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(server.threads.all.count == 1)
        #expect(server.workers.submit(ReadWorkers.Job(run: {}, cancel: {})) == .stopped)
    }

    @Test("Pages, the logs, series and record lists are read on the workers; health, capacity and status stay on the loop")
    func whichReadsAreSlow() throws {
        let server = try SlowReadServer()
        // Stopped workers answer every read sent to them with 503, and leave the others alone.
        server.workers.shutdown()
        let client = try server.connect()
        for target in [
            "/v1/events", "/v1/log", "/v1/audit", "/v1/arrivals", "/v1/occupancy", "/v1/arrivals/records",
            "/v1/departures/records", "/v1/occupancy/records", "/v1/alerts?state=resolved", "/v1/notifications",
            "/v1/runs", "/v1/runs?state=finished",
        ] {
            let response = try client.request("GET", target)
            #expect(response.status == 503, "\(target)")
            #expect(response.errorCode == "unavailable", "\(target)")
        }
        for target in [
            "/v1/health", "/v1/capacity", "/v1/status", "/v1/facilities", "/v1/alerts", "/v1/surge", "/v1/runs?state=active",
        ] {
            #expect(try client.request("GET", target).status == 200, "\(target)")
        }
        // A request a slow route refuses is refused on the loop, before any read is queued.
        #expect(try client.request("GET", "/v1/events?limit=0").errorCode == "invalid_field")
    }

    @Test("The workers are sized by http.read_workers, two by default")
    func configuration() throws {
        #expect(DaemonConfiguration().http.readWorkers == ReadWorkers.defaultCount)
        #expect(try ConfigurationLoader.loadEmbedded().http.readWorkers == 2)
        func parse(_ text: String) throws -> DaemonConfiguration {
            try ConfigurationLoader.parse(Array(text.utf8), file: "test.json5")
        }
        #expect(try parse("{ http: { read_workers: 3 } }").http.readWorkers == 3)
        #expect {
            try parse("{ http: { read_workers: 0 } }")
        } throws: { error in
            "\(error)" == "test.json5: http.read_workers: expected an integer between 1 and 64"
        }
        let harness = try DaemonHarness { $0.http.readWorkers = 3 }
        let handler = APIHandler(router: Router(routes: []), services: harness.daemon.services)
        #expect(handler.readWorkers.count == 3)
        #expect(handler.readWorkers.queueLimit == 3 * ReadWorkers.queuedPerWorker)
    }
}
