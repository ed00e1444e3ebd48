import BeredskapSQLite
import BeredskapStore
import BeredskapTestSupport
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

@Suite(.serialized) struct EventStreamTests {
    /// Reads NDJSON lines from a streaming response.
    final class LineReader {
        let client: RawClient
        var pending: [UInt8] = []
        var lines: [JSONValue] = []

        init(_ client: RawClient) { self.client = client }

        func next(timeout: Double = 10) throws -> JSONValue? {
            while lines.isEmpty {
                switch try client.connection.nextEvent(timeout: timeout) {
                case .body(let bytes):
                    pending += bytes
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        lines.append(try JSONParser.parse(Array(pending[..<newline])))
                        pending.removeSubrange(...newline)
                    }
                case .end: return nil
                default: continue
                }
            }
            return lines.removeFirst()
        }
    }

    @Test func followStreamsNewEventsAndHeartbeatsWhenQuiet() throws {
        let harness = try DaemonHarness { $0.events.heartbeatInterval = FixedDuration(milliseconds: 200) }
        let follower = try harness.connect()
        try follower.send(raw: "GET /v1/events?follow=true&since=0 HTTP/1.1\r\nHost: b\r\n\r\n")
        let reader = LineReader(follower)
        #expect(try reader.next()?["type"]?.stringValue == "daemon.started")
        _ = try harness.connect().request("POST", "/v1/log", json: #"{"text":"ny"}"#)
        let added = try reader.next()
        #expect(added?["type"]?.stringValue == "log.added")
        // The event names the entry; the text is the entry's, which can be erased.
        #expect(added?["data"] == ["id": 1, "source": "person"])
        let heartbeat = try reader.next()
        #expect(heartbeat?["type"]?.stringValue == "heartbeat")
        #expect(heartbeat?["last_event_seq"]?.intValue == 2)
    }

    @Test func aSlowFollowerGetsEveryEventOnceAndInOrder() throws {
        let harness = try DaemonHarness()
        let writer = try harness.connect()
        let total = 3000
        let body = #"{"text":"\#(String(repeating: "x", count: 400))"}"#
        // Open the stream first, then write while not reading it: the socket buffer fills and
        // the follower must pause, not drop or buffer without bound.
        let follower = try harness.connect()
        try follower.send(raw: "GET /v1/events?follow=true&since=0&type=log. HTTP/1.1\r\nHost: b\r\n\r\n")
        for _ in 0..<total { _ = try writer.request("POST", "/v1/log", json: body) }
        let reader = LineReader(follower)
        var seqs: [Int64] = []
        while seqs.count < total, let line = try reader.next() {
            if let seq = line["seq"]?.intValue { seqs.append(seq) }
        }
        #expect(seqs.count == total)
        #expect(seqs == Array(2...Int64(total + 1)))
    }

    @Test func followRejectsALimit() throws {
        let harness = try DaemonHarness()
        let response = try harness.connect().request("GET", "/v1/events?follow=true&limit=5")
        #expect(response.status == 400)
        #expect(response.json["error"]?["details"]?["field"]?.stringValue == "limit")
    }

    @Test func idleKeepAliveConnectionsAreClosed() throws {
        let harness = try DaemonHarness { $0.http.idleTimeout = .seconds(1) }
        let client = try harness.connect()
        #expect(try client.request("GET", "/v1/health").status == 200)
        // After the idle timeout the daemon closes; reading then sees the end of the stream.
        #expect(throws: ClientConnectionError.closedEarly) { _ = try client.connection.nextEvent(timeout: 10) }
    }
}

@Suite(.serialized) struct EventStreamOrderTests {
    /// Pages above the stream's low-water mark, read by a fast client: the drain callback used
    /// to re-enter the pump and send a page twice. Every event exactly once, in order.
    @Test func aFastReaderOfLargePagesSeesEachEventOnceInOrder() throws {
        let harness = try DaemonHarness()
        let total = 20_000
        let text = String(repeating: "ø", count: 280)
        let outcome = harness.daemon.services.writer.perform(WriteCommand(actor: People.root.principal) { transaction in
            for index in 0..<total { try transaction.addIncidentLogEntry(text: "\(index) \(text)", subject: nil) }
            return CommandReply(status: 204, body: [])
        })
        guard case .committed = outcome else { Issue.record("seeding failed"); return }
        let follower = try harness.connect()
        try follower.send(raw: "GET /v1/events?follow=true&since=3001&type=log. HTTP/1.1\r\nHost: b\r\n\r\n")
        let reader = EventStreamTests.LineReader(follower)
        var seqs: [Int64] = []
        while seqs.count < total - 3000, let line = try reader.next() {
            if let seq = line["seq"]?.intValue { seqs.append(seq) }
        }
        #expect(seqs.count == total - 3000)
        #expect(seqs == Array(3002...Int64(total + 1)))
    }
}
