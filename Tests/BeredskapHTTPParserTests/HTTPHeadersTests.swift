import BeredskapHTTPParser
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresASCIICaseAndReturnsTheFirstValue() {
        let headers: HTTPHeaders = ["Content-Type": "application/json", "X-Multi": "1"]
        var more = headers
        more.add("x-multi", "2")
        #expect(more["content-type"] == "application/json")
        #expect(more["CONTENT-TYPE"] == "application/json")
        #expect(more["X-MULTI"] == "1")
        #expect(more.values(for: "x-Multi") == ["1", "2"])
        #expect(more["Missing"] == nil)
        #expect(more.values(for: "Missing").isEmpty)
        #expect(more.contains("x-multi"))
        #expect(!more.contains("x-mult"))
        #expect(more.count == 3)
    }

    @Test func namesKeepTheirSpellingAndOrder() {
        let headers = HTTPHeaders([("b-Name", "1"), ("A-name", "2"), ("B-NAME", "3")])
        #expect(headers.map(\.name) == ["b-Name", "A-name", "B-NAME"])
        #expect(headers.map(\.value) == ["1", "2", "3"])
    }

    @Test func replaceOrAddKeepsThePositionAndDropsLaterDuplicates() {
        var headers = HTTPHeaders([("A", "1"), ("Dup", "x"), ("B", "2"), ("dup", "y")])
        headers.replaceOrAdd("DUP", "z")
        #expect(headers.map(\.name) == ["A", "Dup", "B"])
        #expect(headers["dup"] == "z")
        headers.replaceOrAdd("New", "n")
        #expect(headers.map(\.name) == ["A", "Dup", "B", "New"])
    }

    @Test func removeDeletesEveryFieldOfThatName() {
        var headers = HTTPHeaders([("A", "1"), ("b", "2"), ("B", "3")])
        headers.remove("B")
        #expect(headers.count == 1)
        #expect(!headers.contains("b"))
        headers.remove("not-there")
        #expect(headers.count == 1)
    }

    @Test func caseFoldingIsASCIIOnly() {
        // "K" (U+212A KELVIN SIGN) lowercases to "k" in Unicode but must not match "k".
        let headers = HTTPHeaders([("\u{212A}ey", "1")])
        #expect(headers["key"] == nil)
        #expect(headers["\u{212A}EY"] == "1")
    }

    @Test func equalityIsExact() {
        #expect(HTTPHeaders([("A", "1")]) == HTTPHeaders([("A", "1")]))
        #expect(HTTPHeaders([("A", "1")]) != HTTPHeaders([("a", "1")]))
        #expect(HTTPHeaders([("A", "1"), ("B", "2")]) != HTTPHeaders([("B", "2"), ("A", "1")]))
    }
}
