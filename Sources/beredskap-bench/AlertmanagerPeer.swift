import BeredskapHTTPParser
import Dispatch
import Foundation
import Glibc

/// The peer for alert latency (issue 16): Debian's `prometheus-alertmanager`, fed through its
/// API (`POST /api/v2/alerts`) with `group_wait: 0s` and one webhook receiver — the same
/// `WebhookReceiver` the daemon's measurement uses, in the same run. Each trip is a new alert
/// name (a new group, so nothing waits for `group_interval`), sent one at a time; the time is
/// from the request leaving the client (and from Alertmanager's 200) to the webhook received.
///
/// Why its API and not Prometheus: the question is what a trip through Alertmanager costs once
/// something has decided an alert fires, which is what our acknowledged write → webhook is;
/// a Prometheus scrape and rule interval in front would only add its own seconds.
enum AlertmanagerPeer {
    static let name = "alerts: Alertmanager peer"
    static let binary = "/usr/bin/prometheus-alertmanager"

    struct Figures {
        var fromAcknowledgement: [Int64] = []
        var fromSent: [UInt64] = []
        var missing = 0
        var version = ""
    }

    /// Runs Alertmanager in `directory` (created here) against `receiver`, `warmUp + samples`
    /// trips, and stops it; or says why it could not.
    static func measure(in directory: String, receiver: WebhookReceiver, samples: Int, warmUp: Int = 10) -> Result<Figures, BenchError> {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return .failure(BenchError("prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager): not measured"))
        }
        do {
            try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
            let port = try freePort()
            let configuration = """
                route:
                  receiver: hook
                  group_by: ['alertname']
                  group_wait: 0s
                  group_interval: 1m
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: '\(receiver.url)'
                        send_resolved: false

                """
            try configuration.write(toFile: directory + "/alertmanager.yml", atomically: true, encoding: .utf8)
            var figures = Figures()
            figures.version = (try? Subprocess.run([binary, "--version"]))
                .map { ($0.output + $0.errors).split(separator: "\n").first.map(String.init) ?? "" } ?? ""
            let server = try Subprocess.spawn([
                binary, "--config.file=\(directory)/alertmanager.yml", "--storage.path=\(directory)/data",
                "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=", "--log.level=warn",
            ], log: directory + "/alertmanager.log")
            defer { Subprocess.terminate(server) }
            let client = try waitUntilReady(port: port)
            defer { client.close() }
            receiver.arrivals.reset()
            for trip in 0..<(warmUp + samples) {
                let alert = "trip\(trip)"
                let body = #"[{"labels":{"alertname":"\#(alert)","severity":"critical"},"annotations":{"summary":"beredskap-bench"}}]"#
                let request = HTTPRequestEncoder.encode(
                    method: "POST", target: "/api/v2/alerts", headers: ["Host": "127.0.0.1", "Content-Type": "application/json"],
                    body: Array(body.utf8))
                let sent = DispatchTime.now().uptimeNanoseconds
                let status = try client.exchange(request)
                let acknowledged = DispatchTime.now().uptimeNanoseconds
                guard status == 200 else { throw BenchError("Alertmanager: POST /api/v2/alerts: HTTP \(status)") }
                guard let received = receiver.arrivals.arrival(of: WebhookReceiver.alertmanagerSubject(alert), timeout: 5) else {
                    figures.missing += 1
                    continue
                }
                if trip >= warmUp {
                    figures.fromAcknowledgement.append(Int64(bitPattern: received &- acknowledged))
                    figures.fromSent.append(received - sent)
                }
            }
            return .success(figures)
        } catch let error as BenchError {
            return .failure(error)
        } catch {
            return .failure(BenchError("Alertmanager: \(error)"))
        }
    }

    /// A port on 127.0.0.1 the kernel just handed out (and that this process let go of again).
    private static func freePort() throws -> UInt16 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BenchError("bind 127.0.0.1:0: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Polls `GET /-/ready` until Alertmanager answers 200 (up to 30 s); the connection is kept.
    private static func waitUntilReady(port: UInt16) throws -> LoopbackHTTPConnection {
        let deadline = DispatchTime.now() + 30
        let ready = HTTPRequestEncoder.encode(method: "GET", target: "/-/ready", headers: ["Host": "127.0.0.1"], body: [])
        while DispatchTime.now() < deadline {
            if let connection = try? LoopbackHTTPConnection(port: port), (try? connection.exchange(ready)) == 200 { return connection }
            usleep(50_000)
        }
        throw BenchError("Alertmanager did not become ready on 127.0.0.1:\(port) within 30 s")
    }
}

/// One keep-alive HTTP/1.1 connection to a server on 127.0.0.1, one request at a time, for
/// peers that listen on TCP (the daemon's own clients use its Unix socket).
final class LoopbackHTTPConnection {
    private let fd: Int32
    private var parser = HTTPResponseParser()

    init(port: UInt16) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let descriptor = fd
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            let code = errno
            Glibc.close(fd)
            throw BenchError("connect 127.0.0.1:\(port): errno \(code)")
        }
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { Glibc.close(fd) }

    /// Sends `request` and reads its response to the end; returns the status.
    func exchange(_ request: [UInt8]) throws -> Int {
        var offset = 0
        while offset < request.count {
            let sent = request.withUnsafeBytes { send(fd, $0.baseAddress.map { $0 + offset }, request.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw BenchError("send: errno \(errno)") }
            offset += sent
        }
        var status = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            switch parser.next() {
            case .head(let head): status = head.status
            case .body: continue
            case .end: return status
            case .failure(let problem): throw BenchError("invalid response: \(problem)")
            case .needMoreData:
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw BenchError("the peer closed the connection (errno \(errno))") }
                buffer.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            }
        }
    }
}
