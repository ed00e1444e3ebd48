import Foundation
import Glibc
import Synchronization

/// The slow clients, all on one thread: each connects, sends the start of a request head,
/// then one more header line every 200 ms, and never the blank line that ends it. A closed
/// connection is opened again at once, as an attacker would.
public final class Slowloris: @unchecked Sendable {
    // @unchecked: `sockets` is used by `connectAll` and then by `run`'s thread only; the
    // counters are behind the mutex.
    private let path: String
    private var sockets: [Int32]
    private let state = Mutex<(answers: [Int: Int], stopping: Bool, finished: Bool)>(([:], false, false))
    private static let start = Array("POST /v1/log HTTP/1.1\r\nHost: beredskap\r\nContent-Type: application/json\r\n".utf8)
    private static let line = Array("X-Slow: 1\r\n".utf8)

    /// 1000 slow clients and the caller's own descriptors need more than a default soft limit
    /// of 1024 on some machines.
    public static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 4096 else { return }
        limit.rlim_cur = min(limit.rlim_max, 4096)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    public init(path: String, count: Int) {
        self.path = path
        sockets = Array(repeating: -1, count: count)
    }

    public var answers: [Int: Int] { state.withLock { $0.answers } }
    public var finished: Bool { state.withLock { $0.finished } }
    public func stop() { state.withLock { $0.stopping = true } }

    /// Connects every slow client; returns how many are connected.
    public func connectAll() -> Int {
        for index in sockets.indices { sockets[index] = open() }
        return sockets.filter { $0 >= 0 }.count
    }

    public func run(until deadline: Date) {
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
