import BeredskapHTTPParser
import Testing

@Suite struct RequestLineTests {
    @Test(arguments: Feeding.allCases)
    func parsesASimpleRequest(_ feeding: Feeding) throws {
        let outcome = parse("GET /v1/health?verbose=1 HTTP/1.1\r\nHost: beredskap\r\nAccept: */*\r\n\r\n", feeding: feeding)
        let request = try #require(outcome.onlyRequest)
        #expect(request.head.method == "GET")
        #expect(request.head.target.pathSegments == ["v1", "health"])
        #expect(request.head.target.queryValue("verbose") == "1")
        #expect(request.head.version == .http1_1)
        #expect(request.head.headers["host"] == "beredskap")
        #expect(request.head.headers.count == 2)
        #expect(request.body.isEmpty)
        #expect(outcome.needsMoreData)
    }

    @Test func methodsAreCaseSensitiveTokens() throws {
        #expect(try #require(parse(request("get / HTTP/1.1")).onlyRequest).head.method == "get")
        #expect(try #require(parse(request("M-SEARCH / HTTP/1.1")).onlyRequest).head.method == "M-SEARCH")
    }

    @Test func acceptsBareLFLineEndings() throws {
        let request = try #require(parse("POST /x HTTP/1.1\nHost: h\nContent-Length: 2\n\nok").onlyRequest)
        #expect(request.body == bytes("ok"))
    }

    @Test(arguments: Feeding.allCases)
    func ignoresEmptyLinesBeforeTheRequestLine(_ feeding: Feeding) throws {
        let outcome = parse("\r\n\n\r\n" + request(), feeding: feeding)
        #expect(outcome.onlyRequest != nil)
    }

    @Test(arguments: [
        "GET  / HTTP/1.1", "GET /  HTTP/1.1", " GET / HTTP/1.1", "GET / HTTP/1.1 ", "GET /",
        "GET", "GET / HTTP/1.1 extra", "GET\t/ HTTP/1.1", "GET /\tHTTP/1.1",
    ])
    func rejectsWrongSpacing(_ line: String) {
        #expect(failure(of: line + "\r\nHost: h\r\n\r\n")
            == .malformed("request line must be method, target and version separated by single spaces"))
    }

    @Test(arguments: ["G(T", "GE T", "\"GET\"", "GÉT", "G@T", "G,T", "G;T", "[GET]", "G/T"])
    func rejectsMethodsThatAreNotTokens(_ method: String) {
        let error = failure(of: request("\(method) / HTTP/1.1"))
        #expect(error != nil)
        #expect(error?.statusCode == 400)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0", "HTTP/9.9"])
    func rejectsOtherVersionsWith505(_ version: String) {
        let error = failure(of: "GET / \(version)\r\nHost: h\r\n\r\n")
        #expect(error == .unsupportedVersion)
        #expect(error?.statusCode == 505)
    }

    @Test func answersAnHTTP2PrefaceWith505() {
        #expect(failure(of: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") == .unsupportedVersion)
    }

    @Test(arguments: ["http/1.1", "HTTP/1.10", "HTTP/1", "HTTP/11", "HTTP/1.1x", "HTTP/a.b", "HTTP/1,1", "HTTPS/1.1"])
    func rejectsMalformedVersions(_ version: String) {
        #expect(failure(of: "GET / \(version)\r\nHost: h\r\n\r\n") == .malformed("invalid HTTP version"))
    }

    @Test(arguments: ["*", "http://beredskap/v1", "v1", "/a%zz", "/%00", "/a%C3%28", "/a#b", "/é"])
    func rejectsTargetsThatAreNotOriginForm(_ target: String) {
        #expect(failure(of: request("GET \(target) HTTP/1.1")) == .malformed("request target is not a valid origin-form path"))
    }

    @Test func rejectsBareCRInTheRequestLine() {
        #expect(failure(of: "GET / HTTP/1.1\rHost: h\r\n\r\n") == .malformed("bare CR in request line"))
        #expect(failure(of: "GET /\r HTTP/1.1\r\nHost: h\r\n\r\n") == .malformed("bare CR in request line"))
        #expect(failure(of: "\rGET / HTTP/1.1\r\nHost: h\r\n\r\n") == .malformed("bare CR in request line"))
    }

    @Test func rejectsNULInTheRequestLine() {
        #expect(failure(of: "GET /\u{0} HTTP/1.1\r\nHost: h\r\n\r\n")?.statusCode == 400)
        #expect(failure(of: "G\u{0}T / HTTP/1.1\r\nHost: h\r\n\r\n") == .malformed("method is not a valid token"))
    }
}
