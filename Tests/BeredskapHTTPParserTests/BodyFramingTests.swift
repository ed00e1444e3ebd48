import BeredskapHTTPParser
import Testing

@Suite struct ContentLengthTests {
    @Test(arguments: Feeding.allCases)
    func readsExactlyContentLengthBytes(_ feeding: Feeding) throws {
        let outcome = parse(request("PUT /x HTTP/1.1", ["Content-Length: 5"], body: "hello"), feeding: feeding)
        #expect(try #require(outcome.onlyRequest).body == bytes("hello"))
    }

    @Test func zeroAndAbsentMeanNoBody() throws {
        #expect(try #require(parse(request("POST / HTTP/1.1", ["Content-Length: 0"])).onlyRequest).body.isEmpty)
        #expect(try #require(parse(request("POST / HTTP/1.1")).onlyRequest).body.isEmpty)
        #expect(try #require(parse(request("POST / HTTP/1.1", ["Content-Length: 007"], body: "1234567")).onlyRequest).body.count == 7)
    }

    @Test func waitsForTheWholeBody() {
        var parser = HTTPRequestParser()
        parser.append(bytes(request("POST / HTTP/1.1", ["Content-Length: 4"], body: "abc")))
        #expect(parser.next() == .needMoreData)
        #expect(parser.hasPartialRequest)
        parser.append(bytes("d"))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == bytes("abcd"))
    }

    @Test(arguments: ["abc", "12a", "-1", "+5", "0x10", "1e3", "", "1 2", "1.0", "٣"])
    func rejectsValuesThatAreNotDigits(_ value: String) {
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: \(value)"]))
            == .malformed("Content-Length is not a decimal number"))
    }

    @Test func treatsAnOverflowingValueAsTooLarge() {
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 99999999999999999999999999"]))
            == .bodyTooLarge(declared: nil))
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 9223372036854775808"]))
            == .bodyTooLarge(declared: nil))
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 9223372036854775807"]))
            == .bodyTooLarge(declared: Int.max))
    }

    @Test func rejectsDuplicatesEvenWithEqualValues() {
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 5", "Content-Length: 5"], body: "hello"))
            == .duplicateContentLength)
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 5", "content-length: 6"], body: "hello"))
            == .duplicateContentLength)
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 5, 5"], body: "hello")) == .duplicateContentLength)
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 5,"], body: "hello")) == .duplicateContentLength)
        #expect(HTTPParseError.duplicateContentLength.statusCode == 400)
    }
}

@Suite struct TransferEncodingTests {
    @Test func rejectsContentLengthWithTransferEncoding() {
        let chunkedBody = "5\r\nhello\r\n0\r\n\r\n"
        #expect(failure(of: request("POST / HTTP/1.1", ["Content-Length: 5", "Transfer-Encoding: chunked"], body: chunkedBody))
            == .conflictingFraming)
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: chunked", "Content-Length: 5"], body: chunkedBody))
            == .conflictingFraming)
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: gzip", "Content-Length: 5"], body: "hello"))
            == .conflictingFraming)
        #expect(HTTPParseError.conflictingFraming.statusCode == 400)
    }

    @Test(arguments: ["gzip", "gzip, chunked", "chunked, chunked", "chunked;q=1", "identity", "", "chunkedx"])
    func rejectsAnythingButExactlyChunked(_ value: String) {
        let error = failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: \(value)"], body: "0\r\n\r\n"))
        #expect(error == .unsupportedTransferEncoding)
        #expect(error?.statusCode == 501)
    }

    @Test func rejectsARepeatedTransferEncodingField() {
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"], body: "0\r\n\r\n"))
            == .unsupportedTransferEncoding)
    }

    @Test(arguments: ["chunked", "Chunked", "CHUNKED", "  chunked  "])
    func acceptsChunkedInAnyCase(_ value: String) throws {
        let input = request("POST / HTTP/1.1", ["Transfer-Encoding: \(value)"], body: "2\r\nok\r\n0\r\n\r\n")
        #expect(try #require(parse(input).onlyRequest).body == bytes("ok"))
    }
}

@Suite struct ChunkedBodyTests {
    private func chunked(_ body: String, feeding: Feeding = .whole) -> Outcome {
        parse(request("POST /x HTTP/1.1", ["Transfer-Encoding: chunked"], body: body), feeding: feeding)
    }

    @Test(arguments: Feeding.allCases)
    func decodesChunks(_ feeding: Feeding) throws {
        let outcome = chunked("5\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\n\r\n", feeding: feeding)
        #expect(try #require(outcome.onlyRequest).body == bytes("hello 0123456789"))
    }

    @Test func acceptsHexInAnyCaseAndLeadingZeros() throws {
        #expect(try #require(chunked("000a\r\n0123456789\r\nB\r\n0123456789a\r\n00\r\n\r\n").onlyRequest).body.count == 21)
    }

    @Test(arguments: Feeding.allCases)
    func ignoresChunkExtensions(_ feeding: Feeding) throws {
        let outcome = chunked("5;name=value\r\nhello\r\n3 ; a ; b=\"q\"\r\nabc\r\n0;last\r\n\r\n", feeding: feeding)
        #expect(try #require(outcome.onlyRequest).body == bytes("helloabc"))
    }

    @Test(arguments: Feeding.allCases)
    func parsesAndDropsTrailers(_ feeding: Feeding) throws {
        let outcome = chunked("2\r\nok\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n", feeding: feeding)
        let request = try #require(outcome.onlyRequest)
        #expect(request.body == bytes("ok"))
        #expect(!request.head.headers.contains("X-Checksum"))
    }

    @Test func acceptsBareLFInChunkedFraming() throws {
        #expect(try #require(chunked("2\nok\n0\n\n").onlyRequest).body == bytes("ok"))
    }

    @Test(arguments: ["x\r\n", "\r\n", "-1\r\n", " 5\r\nhello\r\n", "+5\r\n", "5 x\r\n", "0x5\r\n", "5\u{0}\r\n", "5;\u{1}\r\n"])
    func rejectsBadChunkSizes(_ sizeLine: String) {
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: sizeLine + "0\r\n\r\n"))
            == .malformed("invalid chunk size"))
    }

    @Test func rejectsAChunkSizeThatOverflows() {
        #expect(chunked("ffffffffffffffffff\r\n").failure == .malformed("invalid chunk size"))
        // Fits in an Int, but is still over the body limit.
        #expect(chunked("7fffffffffffffff\r\n").failure == .bodyTooLarge(declared: nil))
    }

    @Test func boundsTheChunkSizeLine() {
        let extensions = ";" + String(repeating: "e", count: 5000)
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "1" + extensions + "\r\nx\r\n0\r\n\r\n"))
            == .malformed("chunk size line is too long"))
    }

    @Test(arguments: ["5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\r0\r\n\r\n", "2\r\nabc\r\n0\r\n\r\n", "5\r\nhello0\r\n\r\n"])
    func rejectsChunkDataWithoutCRLF(_ body: String) {
        #expect(failure(of: request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: body))
            == .malformed("chunk data is not followed by CRLF"))
    }

    @Test func rejectsMalformedTrailers() {
        #expect(chunked("0\r\nBad Name: x\r\n\r\n").failure == .malformed("header name contains a space"))
        #expect(chunked("0\r\nX: a\u{0}\r\n\r\n").failure == .malformed("header value contains a NUL byte"))
    }

    @Test func waitsForTheLastChunkAndTrailers() {
        var parser = HTTPRequestParser()
        parser.append(bytes(request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "2\r\nok\r\n0\r\n")))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("X: 1\r\n"))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("\r\n"))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == bytes("ok"))
    }
}
