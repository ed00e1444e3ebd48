import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// What any script could send: bytes on the socket, checked byte-level answers.
@Suite struct RawHTTPTests {
    func exchange(_ raw: String, on socket: String, responses: Int = 1) throws -> [(HTTPResponseHead, String)] {
        let connection = try UnixSocketConnection(path: socket)
        try connection.send(Array(raw.utf8), timeout: 10)
        var results: [(HTTPResponseHead, String)] = []
        var head: HTTPResponseHead?
        var body: [UInt8] = []
        while results.count < responses {
            switch try connection.nextEvent(timeout: 10) {
            case .head(let received): head = received
            case .body(let bytes): body += bytes
            case .end:
                if let head { results.append((head, String(decoding: body, as: UTF8.self))) }
                head = nil
                body = []
            default: continue
            }
        }
        return results
    }

    @Test func http10PipelinedAndExpectContinue() throws {
        let daemon = try DaemonProcess()
        // HTTP/1.0 needs no Host and closes after the answer.
        let old = try exchange("GET /v1/health HTTP/1.0\r\n\r\n", on: daemon.socketPath)
        #expect(old[0].0.status == 200)
        #expect(old[0].0.headers["Connection"] == "close")
        // Two pipelined requests on one connection come back in order.
        let body = #"{"text":"rå HTTP"}"#
        let post = "POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        let pair = try exchange(post + "GET /v1/log HTTP/1.1\r\nHost: b\r\n\r\n", on: daemon.socketPath, responses: 2)
        #expect(pair[0].0.status == 201)
        #expect(pair[1].0.status == 200)
        #expect(try JSONParser.parse(pair[1].1)["entries"]?.arrayValue?.first?["text"]?.stringValue == "rå HTTP")
        // curl sends Expect: 100-continue for larger bodies and waits for the interim answer
        // before it sends the body.
        let large = #"{"text":"\#(String(repeating: "æ", count: 1500))"}"#
        let expecting = "POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
            + "Content-Length: \(large.utf8.count)\r\n\r\n"
        let fd = try #require(connectedUnixSocket(to: daemon.socketPath))
        defer { close(fd) }
        #expect(writeAll(fd, Array(expecting.utf8)))
        #expect(readUntil(fd, "\r\n\r\n").hasPrefix("HTTP/1.1 100 Continue\r\n"))
        #expect(writeAll(fd, Array(large.utf8)))
        #expect(readUntil(fd, "\r\n\r\n").hasPrefix("HTTP/1.1 201 Created\r\n"))
    }
}
