import BeredskapHTTPParser
import Testing

@Suite struct HostTests {
    @Test func http11NeedsExactlyOneHost() {
        let reason = HTTPParseError.malformed("an HTTP/1.1 request needs exactly one Host header")
        #expect(failure(of: "GET / HTTP/1.1\r\n\r\n") == reason)
        #expect(failure(of: "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n") == reason)
        #expect(parse("GET / HTTP/1.1\r\nHOST: a\r\n\r\n").onlyRequest != nil)
        #expect(parse("GET / HTTP/1.1\r\nHost:\r\n\r\n").onlyRequest != nil)
    }

    @Test func http10MayOmitHostButNotRepeatIt() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n").onlyRequest != nil)
        #expect(failure(of: "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n")?.statusCode == 400)
    }
}

@Suite struct KeepAliveTests {
    private func keepAlive(_ version: String, _ fields: [String]) throws -> Bool {
        try #require(parse(request("GET / \(version)", fields)).onlyRequest).head.keepAlive
    }

    @Test func http11PersistsUnlessClosed() throws {
        #expect(try keepAlive("HTTP/1.1", []))
        #expect(try !keepAlive("HTTP/1.1", ["Connection: close"]))
        #expect(try !keepAlive("HTTP/1.1", ["Connection: Close"]))
        #expect(try !keepAlive("HTTP/1.1", ["Connection: keep-alive, close"]))
        #expect(try !keepAlive("HTTP/1.1", ["Connection: Upgrade", "Connection: close"]))
        #expect(try keepAlive("HTTP/1.1", ["Connection: keep-alive, Upgrade"]))
        #expect(try keepAlive("HTTP/1.1", ["Connection: closed"]))
    }

    @Test func http10PersistsOnlyWhenAsked() throws {
        #expect(try !keepAlive("HTTP/1.0", []))
        #expect(try keepAlive("HTTP/1.0", ["Connection: keep-alive"]))
        #expect(try keepAlive("HTTP/1.0", ["Connection: Keep-Alive"]))
        #expect(try keepAlive("HTTP/1.0", ["Connection: keep-alive, Upgrade"]))
        #expect(try keepAlive("HTTP/1.0", ["Connection: Upgrade ,\tkeep-alive"]))
        #expect(try !keepAlive("HTTP/1.0", ["Connection: keep-alive, close"]))
        #expect(try !keepAlive("HTTP/1.0", ["Connection: keep-alives"]))
    }

    @Test func chunkedHTTP10NeverPersists() throws {
        let input = request("POST / HTTP/1.0", ["Connection: keep-alive", "Transfer-Encoding: chunked"], body: "2\r\nok\r\n0\r\n\r\n")
        let request = try #require(parse(input).onlyRequest)
        #expect(request.body == bytes("ok"))
        #expect(!request.head.keepAlive)
    }
}

@Suite struct ExpectContinueTests {
    @Test func announcesContinueOnceThenDeliversTheRequest() {
        var parser = HTTPRequestParser()
        parser.append(bytes(request("PUT /x HTTP/1.1", ["Expect: 100-continue", "Content-Length: 4"])))
        guard case .expectContinue(let head) = parser.next() else {
            Issue.record("expected expectContinue")
            return
        }
        #expect(head.expectsContinue)
        #expect(head.target.pathSegments == ["x"])
        #expect(parser.next() == .needMoreData)
        for byte in bytes("body") {
            #expect(parser.next() == .needMoreData)
            parser.append([byte])
        }
        guard case .request(let request) = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == bytes("body"))
        #expect(request.head.expectsContinue)
    }

    @Test(arguments: Feeding.allCases)
    func byteByByteFeedingAnnouncesExactlyOnce(_ feeding: Feeding) {
        let input = request("PUT /x HTTP/1.1", ["Expect: 100-Continue", "Content-Length: 4"], body: "body")
        let outcome = parse(input, feeding: feeding)
        #expect(outcome.requests.count == 1)
        // Fed whole, the body is already there: nothing to announce.
        #expect(outcome.continues.count == (feeding == .whole ? 0 : 1))
    }

    @Test func announcesForChunkedBodies() {
        var parser = HTTPRequestParser()
        parser.append(bytes(request("POST /x HTTP/1.1", ["Expect: 100-continue", "Transfer-Encoding: chunked"])))
        guard case .expectContinue = parser.next() else {
            Issue.record("expected expectContinue")
            return
        }
        parser.append(bytes("2\r\nok\r\n0\r\n\r\n"))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == bytes("ok"))
    }

    @Test func noAnnouncementWithoutABody() {
        let outcome = parse(request("POST /x HTTP/1.1", ["Expect: 100-continue", "Content-Length: 0"]))
        #expect(outcome.continues.isEmpty)
        #expect(outcome.requests.count == 1)
        #expect(outcome.requests.first?.head.expectsContinue == true)
    }

    @Test func limitsAreCheckedBeforeTheAnnouncement() {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBodyBytes: 10))
        parser.append(bytes(request("PUT /x HTTP/1.1", ["Expect: 100-continue", "Content-Length: 11"])))
        #expect(parser.next() == .failure(.bodyTooLarge(declared: 11)))
    }

    @Test func http10ExpectationIsIgnored() {
        let outcome = parse(request("PUT /x HTTP/1.0", ["Expect: 100-continue", "Content-Length: 2"]), feeding: .whole)
        #expect(outcome.continues.isEmpty)
        #expect(outcome.needsMoreData)
    }

    @Test(arguments: ["foo", "100-continue, foo", "200-ok", "100-continue;x=1"])
    func otherExpectationsAre417(_ value: String) {
        let error = failure(of: request("PUT /x HTTP/1.1", ["Expect: \(value)", "Content-Length: 2"], body: "ok"))
        #expect(error == .unsupportedExpectation)
        #expect(error?.statusCode == 417)
    }
}
