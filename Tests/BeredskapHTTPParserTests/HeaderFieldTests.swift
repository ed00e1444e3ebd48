import BeredskapHTTPParser
import Testing

@Suite struct HeaderFieldTests {
    private func field(_ line: String) -> HTTPParseError? {
        failure(of: request("GET / HTTP/1.1", [line]))
    }

    @Test func rejectsWhitespaceBeforeTheColon() {
        #expect(field("X-Name : v") == .malformed("header name contains a space"))
        #expect(field("X-Name\t: v") == .malformed("header name contains a tab"))
        #expect(field("X Name: v") == .malformed("header name contains a space"))
    }

    @Test func rejectsObsoleteLineFolding() {
        #expect(field("X-A: one\r\n two") == .malformed("obsolete line folding is not allowed"))
        #expect(field("X-A: one\r\n\ttwo") == .malformed("obsolete line folding is not allowed"))
        // A folded line directly after the request line.
        #expect(failure(of: "GET / HTTP/1.1\r\n Host: h\r\n\r\n") == .malformed("obsolete line folding is not allowed"))
    }

    @Test func rejectsBadNames() {
        #expect(field(": v") == .malformed("header name is empty"))
        #expect(field("NoColon") == .malformed("header line has no colon"))
        #expect(field("X(y): v") == .malformed("header name contains an invalid character"))
        #expect(field("Grønn: v") == .malformed("header name contains an invalid character"))
        #expect(field("X\u{0}: v") == .malformed("header name contains an invalid character"))
    }

    @Test func rejectsBareCRAnywhereInTheFieldSection() {
        #expect(field("X-A: a\rb") == .malformed("bare CR in header section"))
        #expect(field("X-A\r: b") == .malformed("bare CR in header section"))
        #expect(field("X-A: b\r") == .malformed("bare CR in header section"))
        #expect(failure(of: "GET / HTTP/1.1\r\nHost: h\r\n\r\r\n") == .malformed("bare CR in header section"))
    }

    @Test func rejectsNULAndControlsInValues() {
        #expect(field("X-A: a\u{0}b") == .malformed("header value contains a NUL byte"))
        #expect(field("X-A: a\u{1}b") == .malformed("header value contains a control character"))
        #expect(field("X-A: a\u{7F}") == .malformed("header value contains a control character"))
        #expect(field("X-A: \u{1B}[31m") == .malformed("header value contains a control character"))
    }

    @Test func trimsOptionalWhitespaceAndKeepsInnerWhitespace() throws {
        let request = try #require(parse(request("GET / HTTP/1.1", ["X-A: \t a \t b \t", "X-Empty:", "X-Spaces:   "])).onlyRequest)
        #expect(request.head.headers["x-a"] == "a \t b")
        #expect(request.head.headers["x-empty"] == "")
        #expect(request.head.headers["x-spaces"] == "")
    }

    @Test func keepsUTF8ValuesAndRejectsInvalidUTF8() throws {
        let ok = try #require(parse(request("GET / HTTP/1.1", ["X-Sted: Grønland – Tøyen"])).onlyRequest)
        #expect(ok.head.headers["x-sted"] == "Grønland – Tøyen")

        var invalid = bytes("GET / HTTP/1.1\r\nHost: h\r\nX-A: ")
        invalid += [0xC3, 0x28]
        invalid += bytes("\r\n\r\n")
        #expect(failure(of: invalid) == .malformed("header value is not valid UTF-8"))
    }

    @Test func keepsRepeatedFieldsInOrder() throws {
        let request = try #require(parse(request("GET / HTTP/1.1", ["Accept: a", "X: 1", "accept: b"])).onlyRequest)
        #expect(request.head.headers.values(for: "Accept") == ["a", "b"])
        #expect(request.head.headers.map(\.name) == ["Host", "Accept", "X", "accept"])
    }
}
