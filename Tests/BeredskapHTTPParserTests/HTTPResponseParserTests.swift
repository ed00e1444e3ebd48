import BeredskapHTTPParser
import Testing

@Suite struct HTTPResponseParserTests {
    static let withLength = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}")

    @Test func readsAContentLengthResponse() {
        let outcome = parseResponse([Self.withLength])
        #expect(outcome.heads == [HTTPResponseHead(status: 200, headers: ["Content-Type": "application/json", "Content-Length": "11"])])
        #expect(outcome.body == bytes("{\"ok\":true}"))
        #expect(outcome.ends == 1)
        #expect(outcome.failure == nil)
    }

    @Test func everySplitPointYieldsTheSameResponse() {
        let reference = parseResponse([Self.withLength])
        for split in 0...Self.withLength.count {
            let outcome = parseResponse([Array(Self.withLength[..<split]), Array(Self.withLength[split...])])
            #expect(outcome.heads == reference.heads, "split at \(split)")
            #expect(outcome.body == reference.body, "split at \(split)")
            #expect(outcome.ends == 1)
        }
        let byteByByte = parseResponse(Self.withLength.map { [$0] })
        #expect(byteByByte.body == reference.body)
        #expect(byteByByte.ends == 1)
    }

    @Test func streamsChunkedBodiesAsTheyArrive() {
        var parser = HTTPResponseParser()
        parser.append(bytes("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"))
        guard case .head(let head) = parser.next() else {
            Issue.record("expected the head")
            return
        }
        #expect(head.status == 200)
        #expect(parser.next() == .needMoreData)
        #expect(parser.isMidMessage)

        parser.append(bytes("a\r\n{\"seq\":1}\n"))
        // Data is handed out before the chunk's CRLF arrives.
        #expect(parser.next() == .body(bytes("{\"seq\":1}\n")))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("\r\n"))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("15\r\n{\"type\":"))
        // Part of a chunk is handed out before the rest of the chunk arrives.
        #expect(parser.next() == .body(bytes("{\"type\":")))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("\"heartbeat\"}\n\r\n"))
        #expect(parser.next() == .body(bytes("\"heartbeat\"}\n")))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("0\r\n\r\n"))
        #expect(parser.next() == .end)
        #expect(parser.next() == .needMoreData)
        #expect(!parser.isMidMessage)
    }

    @Test func chunkedResponsesSurviveAnySplit() {
        let message = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
        for split in 0...message.count {
            let outcome = parseResponse([Array(message[..<split]), Array(message[split...])])
            #expect(outcome.body == bytes("hello world"), "split at \(split)")
            #expect(outcome.ends == 1)
            #expect(outcome.failure == nil)
        }
        #expect(parseResponse(message.map { [$0] }).body == bytes("hello world"))
    }

    @Test func skipsInterimResponses() {
        let outcome = parseResponse([bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX: y\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")])
        #expect(outcome.heads.map(\.status) == [201])
        #expect(outcome.body == bytes("ok"))
        #expect(outcome.ends == 1)
    }

    @Test func readsUntilCloseWithoutFraming() {
        var parser = HTTPResponseParser()
        parser.append(bytes("HTTP/1.0 200 OK\r\n\r\nsome"))
        guard case .head = parser.next() else {
            Issue.record("expected the head")
            return
        }
        #expect(parser.next() == .body(bytes("some")))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes(" more"))
        #expect(parser.next() == .body(bytes(" more")))
        parser.connectionClosed()
        #expect(parser.next() == .end)
    }

    @Test func bodylessStatusesHaveNoBody() {
        let outcome = parseResponse([bytes("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")])
        #expect(outcome.heads.map(\.status) == [204, 304, 200])
        #expect(outcome.body.isEmpty)
        #expect(outcome.ends == 3)
    }

    @Test func readsSeveralResponsesOnOneConnection() {
        let outcome = parseResponse([Self.withLength + Self.withLength + bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx")])
        #expect(outcome.heads.map(\.status) == [200, 200, 404])
        #expect(outcome.ends == 3)
    }

    @Test func truncationIsAFailure() {
        #expect(parseResponse([bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")], close: true).failure
            == "connection closed in the middle of a response")
        #expect(parseResponse([bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")], close: true).failure
            == "connection closed in the middle of a response")
        #expect(parseResponse([bytes("HTTP/1.1 200 OK\r\nContent-")], close: true).failure
            == "connection closed in the middle of a response")
        #expect(parseResponse([bytes("HTTP/1.1 2")], close: true).failure == "connection closed in the middle of a response")
        #expect(parseResponse([], close: true).failure == "connection closed before a response arrived")
    }

    @Test(arguments: [
        "HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/1.1\r\n\r\n", "http/1.1 200 OK\r\n\r\n", "HTTP/1.1 200 O\u{1}K\r\n\r\n", "HTTP/1.1 099 x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\nx", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ])
    func rejectsMalformedResponses(_ text: String) {
        let outcome = parseResponse([bytes(text)])
        #expect(outcome.failure != nil)
        #expect(outcome.ends == 0)
    }

    @Test func acceptsAStatusLineWithoutReason() {
        #expect(parseResponse([bytes("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n")]).heads.map(\.status) == [200])
        #expect(parseResponse([bytes("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n")]).heads.map(\.status) == [200])
    }

    @Test func headerLimitsApply() {
        var parser = HTTPResponseParser(maxHeaderBytes: 64)
        parser.append(bytes("HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "v", count: 100)))
        #expect(parser.next() == .failure("response header line is too long"))
        #expect(parser.next() == .failure("response header line is too long"))
        #expect(!parser.isMidMessage)
    }

    @Test func isMidMessageTracksTheMessage() {
        var parser = HTTPResponseParser()
        #expect(!parser.isMidMessage)
        parser.append(bytes("HTTP/1.1 200"))
        #expect(parser.isMidMessage)
        #expect(parser.next() == .needMoreData)
        parser.append(bytes(" OK\r\nContent-Length: 1\r\n\r\n"))
        guard case .head = parser.next() else {
            Issue.record("expected the head")
            return
        }
        #expect(parser.isMidMessage)
        parser.append(bytes("x"))
        #expect(parser.next() == .body(bytes("x")))
        #expect(parser.next() == .end)
        #expect(!parser.isMidMessage)
    }
}
