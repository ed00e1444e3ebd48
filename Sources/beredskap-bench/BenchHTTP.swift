import BeredskapHTTP
import BeredskapHTTPParser
import Dispatch
import Foundation
import Synchronization

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Set-up requests and paced measurements: one request at a time over a blocking keep-alive
/// connection to the daemon's socket (the `Load` generator is for throughput; this is for
/// requests whose answer decides what happens next).
enum BenchHTTP {
    static let jsonHeaders: HTTPHeaders = ["Host": "beredskap", "Content-Type": "application/json"]

    static func request(_ method: String, _ target: String, json: String) -> [UInt8] {
        HTTPRequestEncoder.encode(method: method, target: target, headers: jsonHeaders, body: Array(json.utf8))
    }

    /// Sends `request` and reads the whole response.
    static func exchange(_ connection: UnixSocketConnection, _ request: [UInt8], timeout: Double = 60) throws
        -> (status: Int, body: [UInt8])
    {
        try connection.send(request, timeout: timeout)
        var status = 0
        var body: [UInt8] = []
        while true {
            switch try connection.nextEvent(timeout: timeout) {
            case .head(let head): status = head.status
            case .body(let part): body += part
            case .end: return (status, body)
            case .failure(let problem): throw BenchError("invalid response: \(problem)")
            case .needMoreData: continue
            }
        }
    }

    /// `exchange`, failing unless the answer is 2xx.
    @discardableResult
    static func expectSuccess(_ connection: UnixSocketConnection, _ method: String, _ target: String, json: String) throws
        -> [UInt8]
    {
        let (status, body) = try exchange(connection, request(method, target, json: json))
        guard (200..<300).contains(status) else {
            throw BenchError("\(method) \(target): HTTP \(status): \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
        return body
    }

    /// Runs `body(0)`…`body(count - 1)` on their own threads and waits for all; throws the
    /// first error any of them threw.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let failure = Mutex<BenchError?>(nil)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                do {
                    try body(index)
                } catch {
                    let described = BenchError("\(error)")
                    failure.withLock { $0 = $0 ?? described }
                }
                group.leave()
            }
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// One client sending the same request again as soon as the previous one is answered, on its
/// own thread, recording when each was sent and how long its answer took — to compare a
/// window before an event with a window during it.
final class PacedClient: Sendable {
    struct Sample: Sendable {
        var sentAt: UInt64
        var nanoseconds: UInt64
    }

    private let samples = Mutex<[Sample]>([])
    private let failures = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// The client connects on its own thread; a connection that fails counts as a failure.
    init(socket: String, expectedStatus: Int, request: @escaping @Sendable (Int) -> [UInt8]) {
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            guard let connection = try? UnixSocketConnection(path: socket) else {
                failures.add(1, ordering: .relaxed)
                return
            }
            defer { connection.close() }
            var iteration = 0
            while !stopping.load(ordering: .relaxed) {
                let sentAt = DispatchTime.now().uptimeNanoseconds
                do {
                    let (status, _) = try BenchHTTP.exchange(connection, request(iteration))
                    let elapsed = DispatchTime.now().uptimeNanoseconds - sentAt
                    if status == expectedStatus {
                        samples.withLock { $0.append(Sample(sentAt: sentAt, nanoseconds: elapsed)) }
                    } else {
                        failures.add(1, ordering: .relaxed)
                    }
                } catch {
                    failures.add(1, ordering: .relaxed)
                    return
                }
                iteration += 1
            }
        }
    }

    /// Stops after the request in flight and returns every sample and the failures.
    func stop() -> (samples: [Sample], failures: Int) {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
        return (samples.withLock { $0 }, failures.load(ordering: .relaxed))
    }
}
