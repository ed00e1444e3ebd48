import BeredskapClient
import BeredskapTestSupport
import Foundation
import Glibc
import Synchronization
import Testing

/// Issue 16, item 2: 1000 slow clients (slowloris: a request head trickled a line at a time,
/// a new connection as soon as one is closed) against the real daemon and its default of 256
/// connections, while 8 normal clients work — each on its own connection, and every tenth
/// request on a new one. The normal clients are never refused and every request of theirs is
/// answered; the slow ones lose their slots with 408 (`HTTPServerConfiguration.maxConnections`).
/// Their latency is measured in the benchmark, not here.
@Suite struct SlowClientTests {
    static let slowClients = 1000
    static let normalClients = 8
    static let seconds = 5.0

    @Test func normalClientsAreServedWhileAThousandSlowOnesHoldConnections() throws {
        Slowloris.raiseDescriptorLimit()
        let daemon = try DaemonProcess()
        let slow = Slowloris(path: daemon.socketPath, count: Self.slowClients)
        try #require(slow.connectAll() == Self.slowClients, "every slow client connected")
        let deadline = Date().addingTimeInterval(Self.seconds)
        let attacking = Thread { slow.run(until: deadline) }
        attacking.start()

        let answered = Atomic<Int>(0)
        let failures = Mutex<[String]>([])
        let workers = DispatchGroup()
        for number in 0..<Self.normalClients {
            workers.enter()
            let socket = daemon.socketPath
            Thread.detachNewThread {
                defer { workers.leave() }
                var client = BeredskapClient(socketPath: socket, timeout: 10)
                var index = 0
                while Date() < deadline {
                    index += 1
                    if index % 10 == 0 {
                        client.close()
                        client = BeredskapClient(socketPath: socket, timeout: 10)
                    }
                    do throws(ClientError) {
                        if index % 2 == 0 {
                            _ = try client.status()
                        } else {
                            _ = try client.addLogEntry(text: "vanlig klient \(number), melding \(index)")
                        }
                        answered.add(1, ordering: .relaxed)
                    } catch {
                        failures.withLock { $0.append("client \(number), request \(index): \(error)") }
                    }
                }
                client.close()
            }
        }
        #expect(workers.wait(timeout: .now() + Self.seconds + 30) == .success)
        slow.stop()
        #expect(waitUntil(timeout: 10) { slow.finished })

        let failed = failures.withLock { $0 }
        #expect(failed.isEmpty, "\(failed.count) normal requests failed: \(failed.prefix(3))")
        #expect(answered.load(ordering: .relaxed) >= Self.normalClients, "every normal client was answered")
        #expect(slow.answers[408, default: 0] > 0, "slow clients lose their slots with 408: \(slow.answers)")
        #expect(slow.answers.keys.allSatisfy { $0 == 408 || $0 == 503 }, "nothing else is answered to a head never finished: \(slow.answers)")
        let after = daemon.client()
        defer { after.close() }
        #expect((try? after.health()) != nil, "the daemon serves on")
    }
}
