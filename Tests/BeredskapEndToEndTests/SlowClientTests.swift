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
        Self.raiseDescriptorLimit()
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

    /// 1000 slow clients and the test's own descriptors need more than a default soft limit
    /// of 1024 on some machines.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 4096 else { return }
        limit.rlim_cur = min(limit.rlim_max, 4096)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

/// The slow clients, all on one thread: each connects, sends the start of a request head,
/// then one more header line every 200 ms, and never the blank line that ends it. A closed
/// connection is opened again at once, as an attacker would.
private final class Slowloris: @unchecked Sendable {
    // @unchecked: `sockets` is used by `connectAll` and then by `run`'s thread only; the
    // counters are behind the mutex.
    private let path: String
    private var sockets: [Int32]
    private let state = Mutex<(answers: [Int: Int], stopping: Bool, finished: Bool)>(([:], false, false))
    private static let start = Array("POST /v1/log HTTP/1.1\r\nHost: beredskap\r\nContent-Type: application/json\r\n".utf8)
    private static let line = Array("X-Slow: 1\r\n".utf8)

    init(path: String, count: Int) {
        self.path = path
        sockets = Array(repeating: -1, count: count)
    }

    var answers: [Int: Int] { state.withLock { $0.answers } }
    var finished: Bool { state.withLock { $0.finished } }
    func stop() { state.withLock { $0.stopping = true } }

    /// Connects every slow client; returns how many are connected.
    func connectAll() -> Int {
        for index in sockets.indices { sockets[index] = open() }
        return sockets.filter { $0 >= 0 }.count
    }

    func run(until deadline: Date) {
        var nextLine = Date()
        var buffer = [UInt8](repeating: 0, count: 512)
        while Date() < deadline && !state.withLock({ $0.stopping }) {
            var polled = sockets.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&polled, nfds_t(polled.count), 50)
            for (index, entry) in polled.enumerated() where entry.fd >= 0 && entry.revents != 0 {
                let count = recv(entry.fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { continue }
                if count > 0, let status = Self.status(buffer.prefix(count)) {
                    state.withLock { $0.answers[status, default: 0] += 1 }
                }
                close(entry.fd)
                sockets[index] = open()
            }
            if Date() >= nextLine {
                nextLine = Date().addingTimeInterval(0.2)
                for index in sockets.indices where sockets[index] < 0 { sockets[index] = open() }
                for fd in sockets where fd >= 0 {
                    _ = Self.line.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                }
            }
        }
        for fd in sockets where fd >= 0 { close(fd) }
        state.withLock { $0.finished = true }
    }

    private func open() -> Int32 {
        guard let fd = connectedUnixSocket(to: path) else { return -1 }
        guard writeAll(fd, Self.start) else {
            close(fd)
            return -1
        }
        return fd
    }

    /// The status of an answer that begins with its status line.
    private static func status(_ bytes: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }
}
