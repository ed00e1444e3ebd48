import BeredskapHTTPParser
import CShims
import Dispatch
import Foundation
import Glibc
import Synchronization

/// A load generator in the style of `wrk`: one thread drives every connection with `poll`,
/// each connection sending the same kind of request again as soon as its answer is complete.
///
/// Why one thread: on a 2-core machine, 32 blocking client threads would spend more CPU on
/// context switches than the daemon spends answering, and the benchmark would measure the
/// client. Multiplexing keeps the client cheap, so the figures describe the daemon.
struct LoadResult {
    var requests = 0
    var failures = 0
    var latenciesNanoseconds: [UInt64] = []
}

enum Load {
    private final class Connection {
        let fd: Int32
        var parser = HTTPResponseParser()
        var pending: [UInt8] = []
        var sentAt: UInt64 = 0
        var status = 0
        var iteration = 0

        init(fd: Int32) { self.fd = fd }
    }

    /// Runs `clients` keep-alive connections for `seconds`, spread over `threads` poll loops.
    static func run(
        socket: String, clients: Int, threads: Int, seconds: Double, expectedStatus: Int,
        request: @escaping @Sendable (Int, Int) -> [UInt8]
    ) -> (LoadResult, Double) {
        let threads = max(1, min(threads, clients))
        let results = Mutex<[(LoadResult, Double)]>([])
        let group = DispatchGroup()
        for thread in 0..<threads {
            let share = clients / threads + (thread < clients % threads ? 1 : 0)
            group.enter()
            Thread.detachNewThread {
                let outcome = runOneThread(
                    socket: socket, clients: share, seconds: seconds, expectedStatus: expectedStatus, request: request)
                results.withLock { $0.append(outcome) }
                group.leave()
            }
        }
        group.wait()
        return results.withLock { all in
            all.reduce((LoadResult(), 0.0)) { total, next in
                var merged = total.0
                merged.requests += next.0.requests
                merged.failures += next.0.failures
                merged.latenciesNanoseconds += next.0.latenciesNanoseconds
                return (merged, max(total.1, next.1))
            }
        }
    }

    private static func runOneThread(
        socket: String, clients: Int, seconds: Double, expectedStatus: Int, request: (Int, Int) -> [UInt8]
    ) -> (LoadResult, Double) {
        var result = LoadResult()
        result.latenciesNanoseconds.reserveCapacity(200_000)
        var connections: [Connection] = []
        for _ in 0..<clients {
            let fd = bshim_unix_connect(socket)
            guard fd >= 0 else {
                result.failures += 1
                continue
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            connections.append(Connection(fd: fd))
        }
        defer { connections.forEach { close($0.fd) } }
        let began = DispatchTime.now().uptimeNanoseconds
        let end = began + UInt64(seconds * 1e9)
        for (index, connection) in connections.enumerated() {
            start(connection, request(index, 0))
        }
        var descriptors = connections.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while DispatchTime.now().uptimeNanoseconds < end {
            for index in descriptors.indices {
                descriptors[index].events = Int16(connections[index].pending.isEmpty ? POLLIN : POLLIN | POLLOUT)
            }
            guard poll(&descriptors, nfds_t(descriptors.count), 100) >= 0 || errno == EINTR else { break }
            for (index, connection) in connections.enumerated() where descriptors[index].revents != 0 {
                if !connection.pending.isEmpty { flush(connection) }
                let count = read(connection.fd, &buffer, buffer.count)
                if count > 0 {
                    connection.parser.append(Array(buffer[0..<count]))
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    result.failures += 1
                    continue
                }
                parsing: while true {
                    switch connection.parser.next() {
                    case .head(let head):
                        connection.status = head.status
                    case .body:
                        break
                    case .end:
                        let now = DispatchTime.now().uptimeNanoseconds
                        if connection.status == expectedStatus {
                            result.requests += 1
                            result.latenciesNanoseconds.append(now - connection.sentAt)
                        } else {
                            result.failures += 1
                        }
                        connection.iteration += 1
                        if now < end { start(connection, request(index, connection.iteration)) }
                    case .needMoreData:
                        break parsing
                    case .failure:
                        result.failures += 1
                        break parsing
                    }
                }
            }
        }
        return (result, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
    }

    private static func start(_ connection: Connection, _ bytes: [UInt8]) {
        connection.sentAt = DispatchTime.now().uptimeNanoseconds
        connection.pending = bytes
        flush(connection)
    }

    private static func flush(_ connection: Connection) {
        while !connection.pending.isEmpty {
            let sent = connection.pending.withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            connection.pending.removeFirst(sent)
        }
    }
}

extension Array where Element: BinaryInteger {
    /// The q-quantile (0…1) in milliseconds, of nanoseconds (signed ones too).
    func quantileMilliseconds(_ q: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        return Double(sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * q))]) / 1e6
    }
}
