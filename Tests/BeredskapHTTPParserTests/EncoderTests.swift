import BeredskapHTTPParser
import Testing

@Suite struct HTTPResponseEncoderTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func encodesStatusHeadersAndBodyWithContentLength() {
        let head = HTTPResponseHead(status: 200, headers: ["Content-Type": "application/json", "Content-Length": "999"])
        #expect(text(HTTPResponseEncoder.encode(head, body: bytes("{}")))
            == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test func bodylessStatusesGetNoContentLengthAndNoBody() {
        #expect(text(HTTPResponseEncoder.encode(HTTPResponseHead(status: 204, headers: ["Content-Length": "3"]), body: bytes("abc")))
            == "HTTP/1.1 204 No Content\r\n\r\n")
        #expect(text(HTTPResponseEncoder.encode(HTTPResponseHead(status: 404), body: []))
            == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func chunkedHeadReplacesContentLength() {
        let head = HTTPResponseHead(status: 200, headers: ["Content-Length": "5", "Content-Type": "application/x-ndjson"])
        #expect(text(HTTPResponseEncoder.encodeChunkedHead(head))
            == "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
    }

    @Test func encodesChunks() {
        #expect(text(HTTPResponseEncoder.encodeChunk(bytes("hello"))) == "5\r\nhello\r\n")
        #expect(text(HTTPResponseEncoder.encodeChunk([UInt8](repeating: 0x41, count: 26))) == "1a\r\n" + String(repeating: "A", count: 26) + "\r\n")
        #expect(HTTPResponseEncoder.encodeChunk([]).isEmpty)
        #expect(text(HTTPResponseEncoder.lastChunk) == "0\r\n\r\n")
        #expect(text(HTTPResponseEncoder.continueResponse) == "HTTP/1.1 100 Continue\r\n\r\n")
    }

    @Test func neutralisesHeaderInjection() {
        let head = HTTPResponseHead(status: 200, headers: HTTPHeaders([
            ("X-Ok", "a\r\nSet-Cookie: evil"), ("Bad Name", "x"), ("X-Nul", "a\u{0}b"),
        ]))
        let encoded = text(HTTPResponseEncoder.encode(head, body: []))
        #expect(encoded == "HTTP/1.1 200 OK\r\nX-Ok: a  Set-Cookie: evil\r\nX-Nul: a b\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func reasonPhrases() {
        let expected: [Int: String] = [
            100: "Continue", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 400: "Bad Request",
            403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
            413: "Content Too Large", 415: "Unsupported Media Type", 417: "Expectation Failed",
            422: "Unprocessable Content", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
            501: "Not Implemented", 503: "Service Unavailable", 505: "HTTP Version Not Supported",
            299: "Unknown", 418: "Unknown",
        ]
        for (status, phrase) in expected {
            #expect(HTTPResponseHead(status: status).reasonPhrase == phrase)
        }
        #expect(text(HTTPResponseEncoder.encode(HTTPResponseHead(status: 42), body: [])).hasPrefix("HTTP/1.1 500 "))
    }

    @Test func responsesRoundTripThroughTheResponseParser() {
        let head = HTTPResponseHead(status: 201, headers: ["Content-Type": "application/json", "Beredskap-Version": "1.0"])
        let fixed = parseResponse([HTTPResponseEncoder.encode(head, body: bytes("{\"id\":1}"))])
        #expect(fixed.heads.map(\.status) == [201])
        #expect(fixed.heads.first?.headers["beredskap-version"] == "1.0")
        #expect(fixed.body == bytes("{\"id\":1}"))

        let streamed = HTTPResponseEncoder.encodeChunkedHead(head) + HTTPResponseEncoder.encodeChunk(bytes("a\n"))
            + HTTPResponseEncoder.encodeChunk([]) + HTTPResponseEncoder.encodeChunk(bytes("b\n")) + HTTPResponseEncoder.lastChunk
        let outcome = parseResponse([streamed])
        #expect(outcome.body == bytes("a\nb\n"))
        #expect(outcome.ends == 1)
    }
}

@Suite struct HTTPRequestEncoderTests {
    @Test func addsHostAndContentLength() {
        let encoded = HTTPRequestEncoder.encode(method: "POST", target: "/v1/alerts", headers: ["Content-Type": "application/json"], body: bytes("{}"))
        #expect(String(decoding: encoded, as: UTF8.self)
            == "POST /v1/alerts HTTP/1.1\r\nContent-Type: application/json\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test func contentLengthOnlyWhenNeeded() {
        let get = String(decoding: HTTPRequestEncoder.encode(method: "GET", target: "/", headers: ["Host": "b"], body: []), as: UTF8.self)
        #expect(get == "GET / HTTP/1.1\r\nHost: b\r\n\r\n")
        for method in ["POST", "PUT", "PATCH"] {
            let encoded = String(decoding: HTTPRequestEncoder.encode(method: method, target: "/", headers: [:], body: []), as: UTF8.self)
            #expect(encoded.contains("\r\nContent-Length: 0\r\n"))
        }
        let delete = String(decoding: HTTPRequestEncoder.encode(method: "DELETE", target: "/", headers: [:], body: bytes("x")), as: UTF8.self)
        #expect(delete.contains("\r\nContent-Length: 1\r\n"))
    }

    @Test func requestsRoundTripThroughTheRequestParser() throws {
        let encoded = HTTPRequestEncoder.encode(
            method: "PUT",
            target: "/v1/facilities/refstad?note=a b",
            headers: ["Idempotency-Key": "k-1", "X-Sted": "Tøyen"],
            body: bytes("{\"capacity\":120}")
        )
        let request = try #require(parse(encoded).onlyRequest)
        #expect(request.head.method == "PUT")
        #expect(request.head.target.pathSegments == ["v1", "facilities", "refstad"])
        #expect(request.head.target.queryValue("note") == "a b")
        #expect(request.head.headers["idempotency-key"] == "k-1")
        #expect(request.head.headers["x-sted"] == "Tøyen")
        #expect(request.body == bytes("{\"capacity\":120}"))
        #expect(request.head.keepAlive)
    }
}
