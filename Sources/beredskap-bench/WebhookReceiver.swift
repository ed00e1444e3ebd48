import BeredskapHTTPParser
import BeredskapJSON
import Dispatch
import Foundation
import Glibc

/// The far end of the webhook channel: HTTP/1.1 on 127.0.0.1 (port chosen by the kernel),
/// keep-alive, a thread per connection. Each request is stamped with `DispatchTime.now()` as
/// soon as it is complete and answered 200 at once; only then is the alert's subject
/// (`alert.subject` in the JSON document) read out of the body, so parsing costs nothing in
/// the measured time.
final class WebhookReceiver: Sendable {
    /// The first delivery of each subject (`facility/<id>`); a request of any other kind
    /// (a playbook run's message) counts only as a request.
    let arrivals = SubjectArrivals()

    let port: UInt16
    private let listener: Int32

    private static let ok = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)
    private static let okClose = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)

    init() throws {
        listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw BenchError("webhook receiver: socket: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = listener
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound, listen(listener, 128) == 0 else {
            close(listener)
            throw BenchError("webhook receiver: could not listen on 127.0.0.1: errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    // MARK: - Serving

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBodyBytes: 1 << 20))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            parsing: while true {
                switch parser.next() {
                case .needMoreData:
                    break parsing
                case .expectContinue:
                    guard Self.write(fd, HTTPResponseEncoder.continueResponse) else { return }
                case .request(let request):
                    let at = DispatchTime.now().uptimeNanoseconds
                    let keepAlive = request.head.keepAlive
                    let answered = Self.write(fd, keepAlive ? Self.ok : Self.okClose)
                    arrivals.record(subject: Self.subject(of: request.body), at: at)
                    guard answered, keepAlive else { return }
                case .failure:
                    return
                }
            }
        }
    }

    /// The daemon's `alert.subject`, or an Alertmanager group's `alertname` (`alertmanagerSubject`).
    private static func subject(of body: [UInt8]) -> String? {
        let document = try? JSONParser.parse(body)
        return document?["alert"]?["subject"]?.stringValue
            ?? document?["groupLabels"]?["alertname"]?.stringValue.map(alertmanagerSubject)
    }

    /// How an Alertmanager notification of `alertname` is recorded in `arrivals`.
    static func alertmanagerSubject(_ alertname: String) -> String { "alertmanager/" + alertname }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
