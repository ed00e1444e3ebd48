import Foundation
import Glibc
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 (port chosen by the kernel) for webhook tests: it
/// reads one request per connection, records it, and answers it as told — a status, never
/// (to exercise timeouts), or a reset — either always the same or by a script, one reply per
/// request in turn.
public final class LoopbackHTTPServer: Sendable {
    /// What the server does with one request.
    public enum Reply: Sendable {
        case status(Int, body: String = "", headers: [String: String] = [:])
        /// Keeps the connection open and never answers.
        case hang
        /// Closes with a TCP reset (SO_LINGER 0) instead of answering.
        case reset
    }

    public struct Request: Sendable {
        public var method: String
        public var target: String
        /// Lowercased names.
        public var headers: [String: String]
        public var body: [UInt8]
        /// When the request was read in full.
        public var receivedAt: Date
    }

    public let port: UInt16
    private let listener: Int32
    private let requests = Mutex<[Request]>([])
    private let held = Mutex<[Int32]>([])

    /// - Parameter port: 0 lets the kernel choose; a given port is one a receiver that was
    ///   down comes back on.
    public convenience init(status: Int?, body: String = "", port requested: UInt16 = 0) throws {
        try self.init(script: [], then: status.map { .status($0, body: body) } ?? .hang, port: requested)
    }

    /// Answers the n-th request with `script[n]`, and every request after the script with `then`.
    public init(script: [Reply], then: Reply, port requested: UInt16 = 0) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        port = try Self.bindLoopback(listener, port: requested)
        guard listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        let fd = listener
        Thread { [self] in
            while true {
                let connection = accept(fd, nil, nil)
                guard connection >= 0 else { return }
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                guard let request = Self.readRequest(connection) else {
                    close(connection)
                    continue
                }
                let index = requests.withLock { requests in
                    requests.append(request)
                    return requests.count - 1
                }
                switch index < script.count ? script[index] : then {
                case .hang:
                    held.withLock { $0.append(connection) }
                case .reset:
                    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                    setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                    close(connection)
                case .status(let status, let body, let headers):
                    let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
                    let reply = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.utf8.count)\r\n\(extra)Connection: close\r\n\r\n\(body)"
                    _ = Array(reply.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    close(connection)
                }
            }
        }.start()
    }

    public var url: String { "http://127.0.0.1:\(port)/hooks/beredskap?x=1" }
    public var received: [Request] { requests.withLock { $0 } }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        held.withLock { $0.forEach { close($0) } }
    }

    /// Binds `fd` to 127.0.0.1:0 and returns the port the kernel chose.
    public static func bindLoopback(_ fd: Int32, port: UInt16 = 0) throws -> UInt16 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// A port nothing listens on: bound, then closed.
    public static func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(fd) }
        return try bindLoopback(fd)
    }

    private static func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var expected = Int.max
        while data.count < expected {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            data += buffer.prefix(count)
            if headEnd == nil, let range = data.firstRange(of: separator) {
                headEnd = range.upperBound
                let head = String(decoding: data[..<range.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = range.upperBound + length
            }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: data[..<(headEnd - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(
            method: requestLine[0], target: requestLine[1], headers: headers, body: Array(data[headEnd...]), receivedAt: Date())
    }
}
