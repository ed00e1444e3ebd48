import BeredskapHTTPParser
import Foundation
import Synchronization
import Testing

@testable import BeredskapHTTP

/// Streams 50 small chunks with a 1-byte low-water mark, so every write that flushes at once
/// owes the delegate a drain notification, and records whether one ever arrives inside a write.
private final class ReentrancyProbe: HTTPStreamDelegate, HTTPHandler {
    struct Counts {
        var insideWrite = false
        var drains = 0
        var reentrantDrains = 0
        var closes = 0
    }

    let counts = Mutex(Counts())

    func openSession(peer: PeerCredentials) {}

    func handle(_ request: HTTPRequest, session: Void, exchange: HTTPExchange) {
        guard let stream = exchange.startStream(
            HTTPResponseHead(status: 200, headers: ["Content-Type": "text/plain"]), idleInterval: 60, lowWaterMark: 1,
            delegate: self)
        else { return }
        for index in 0..<50 {
            counts.withLock { $0.insideWrite = true }
            stream.write(Array("chunk \(index)\n".utf8))
            counts.withLock { $0.insideWrite = false }
        }
        stream.finish()
    }

    func errorResponse(for failure: HTTPConnectionFailure) -> HTTPResponse { HTTPResponse(status: 400) }

    func streamDidDrain(_ stream: HTTPResponseStream) {
        counts.withLock { counts in
            counts.drains += 1
            if counts.insideWrite { counts.reentrantDrains += 1 }
        }
    }

    func streamIsIdle(_ stream: HTTPResponseStream) {}
    func streamDidClose(_ stream: HTTPResponseStream) { counts.withLock { $0.closes += 1 } }
}

@Suite struct ServerStreamTests {
    @Test func streamCallbacksNeverRunInsideTheProducersWrite() throws {
        let path = "/tmp/bh-\(UUID().uuidString.prefix(8)).sock"
        let listener = try UnixSocketListener.bind(UnixSocketListener.Options(path: path))
        let probe = ReentrancyProbe()
        var configuration = HTTPServerConfiguration()
        configuration.eventLoops = 1
        let server = try HTTPServer(handler: probe, configuration: configuration)
        server.start(listener: listener.fileDescriptor)
        defer {
            server.shutdown(gracePeriod: 1)
            listener.removeSocketFile()
        }
        let client = try UnixSocketConnection(path: path)
        try client.send(HTTPRequestEncoder.encode(method: "GET", target: "/", headers: ["Host": "t"], body: []), timeout: 10)
        var body: [UInt8] = []
        reading: while true {
            switch try client.nextEvent(timeout: 10) {
            case .body(let bytes): body += bytes
            case .end: break reading
            default: continue
            }
        }
        #expect(String(decoding: body, as: UTF8.self).hasSuffix("chunk 49\n"))
        // The notifications are tasks on the loop: wait for them to have run.
        let client2 = try UnixSocketConnection(path: path)
        try client2.send(HTTPRequestEncoder.encode(method: "GET", target: "/", headers: ["Host": "t"], body: []), timeout: 10)
        while case let event = try client2.nextEvent(timeout: 10), !(event == .end) {}
        let counts = probe.counts.withLock { $0 }
        #expect(counts.drains > 0, "the 1-byte low-water mark makes drains happen")
        #expect(counts.reentrantDrains == 0)
        #expect(counts.closes >= 1, "finishing a stream tells its delegate it closed")
    }
}
