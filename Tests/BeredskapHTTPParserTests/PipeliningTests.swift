@testable import BeredskapHTTPParser
import Testing

@Suite struct PipeliningTests {
    static let three =
        request("POST /one HTTP/1.1", ["Content-Length: 3"], body: "abc")
        + request("POST /two HTTP/1.1", ["Transfer-Encoding: chunked"], body: "2\r\nde\r\n1\r\nf\r\n0\r\n\r\n")
        + request("GET /three?x=1 HTTP/1.1")

    @Test func threeRequestsInOneAppendComeOutInOrder() {
        var parser = HTTPRequestParser()
        parser.append(bytes(Self.three))
        var paths: [[String]] = []
        var bodies: [[UInt8]] = []
        for _ in 0..<3 {
            guard case .request(let request) = parser.next() else {
                Issue.record("expected a request")
                return
            }
            paths.append(request.head.target.pathSegments)
            bodies.append(request.body)
        }
        #expect(paths == [["one"], ["two"], ["three"]])
        #expect(bodies == [bytes("abc"), bytes("def"), []])
        #expect(parser.next() == .needMoreData)
        #expect(parser.next() == .needMoreData)
        #expect(parser.bufferedByteCount == 0)
        #expect(!parser.hasPartialRequest)
    }

    @Test func everySplitPointYieldsTheSameRequests() throws {
        let input = bytes(Self.three)
        let reference = parse(input).requests
        try #require(reference.count == 3)
        for split in 0...input.count {
            var parser = HTTPRequestParser()
            var outcome = Outcome()
            parser.append(Array(input[..<split]))
            drain(&parser, into: &outcome)
            parser.append(Array(input[split...]))
            drain(&parser, into: &outcome)
            #expect(outcome.requests == reference, "split at \(split)")
            #expect(outcome.failure == nil)
        }
        #expect(parse(input, feeding: .byteByByte).requests == reference)
    }

    @Test func everyThreeWaySplitOfARequestWithABodyYieldsTheSameRequest() throws {
        let input = bytes(request("PATCH /v1/x HTTP/1.1", ["Content-Type: application/json", "Content-Length: 11"], body: "{\"a\":\"b c\"}"))
        let reference = try #require(parse(input).onlyRequest)
        for first in stride(from: 0, through: input.count, by: 3) {
            for second in first...input.count {
                var parser = HTTPRequestParser()
                var outcome = Outcome()
                for piece in [input[..<first], input[first..<second], input[second...]] {
                    piece.withUnsafeBytes { parser.append($0) }
                    drain(&parser, into: &outcome)
                }
                #expect(outcome.onlyRequest == reference, "split at \(first), \(second)")
            }
        }
    }

    @Test func bufferedByteCountCoversTheRequestInProgress() {
        var parser = HTTPRequestParser()
        let first = bytes(request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "3\r\nabc\r\n"))
        parser.append(first)
        #expect(parser.next() == .needMoreData)
        #expect(parser.bufferedByteCount == first.count)
        parser.append(bytes("0\r\n\r\nGET"))
        guard case .request = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(parser.bufferedByteCount == 3)
        #expect(parser.hasPartialRequest)
    }

    @Test func hasPartialRequestIgnoresEmptyLines() {
        var parser = HTTPRequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(bytes("\r\n\r"))
        #expect(!parser.hasPartialRequest)
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("\n"))
        #expect(!parser.hasPartialRequest)
        #expect(parser.next() == .needMoreData)
        #expect(!parser.hasPartialRequest)
        parser.append(bytes("G"))
        #expect(parser.hasPartialRequest)
        parser.append(bytes(String(request().dropFirst())))
        guard case .request = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(!parser.hasPartialRequest)
        parser.append(bytes("\r\n"))
        #expect(!parser.hasPartialRequest)
    }

    @Test func aFailureIsTerminal() {
        var parser = HTTPRequestParser()
        parser.append(bytes(request("GET / HTTP/1.1") + "BAD LINE\r\n\r\n" + request("GET / HTTP/1.1")))
        guard case .request = parser.next() else {
            Issue.record("expected the first request")
            return
        }
        let failure = parser.next()
        guard case .failure = failure else {
            Issue.record("expected a failure")
            return
        }
        #expect(parser.next() == failure)
        parser.append(bytes(request()))
        #expect(parser.next() == failure)
        #expect(parser.bufferedByteCount == 0)
        #expect(parser.storageByteCount == 0)
        #expect(!parser.hasPartialRequest)
    }

    @Test func memoryStaysBoundedAcrossALongKeepAliveConnection() {
        var parser = HTTPRequestParser()
        let one = bytes(request("POST /v1/report HTTP/1.1", ["Content-Length: 100"], body: String(repeating: "x", count: 100)))
        let stream = Array(repeatElement(one, count: 3_000).joined())
        // Odd-sized reads, so a partial request is nearly always left in the buffer and it never
        // simply empties: only compaction keeps it small.
        let readSize = 137
        var outcome = Outcome()
        var largest = 0
        for start in stride(from: 0, to: stream.count, by: readSize) {
            parser.append(Array(stream[start..<min(start + readSize, stream.count)]))
            drain(&parser, into: &outcome)
            largest = max(largest, parser.storageByteCount)
        }
        #expect(outcome.requests.count == 3_000)
        #expect(outcome.failure == nil)
        #expect(largest <= InputBuffer.compactionThreshold * 2 + one.count + readSize)
    }
}
