import BeredskapHTTPParser
import Testing

@Suite struct HTTPRequestTargetTests {
    @Test func splitsPathAndQuery() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/v1/log?since=2026-11-22&subject=facility%2Frefstad"))
        #expect(target.raw == "/v1/log?since=2026-11-22&subject=facility%2Frefstad")
        #expect(target.path == "/v1/log")
        #expect(target.pathSegments == ["v1", "log"])
        #expect(target.queryItems.map(\.name) == ["since", "subject"])
        #expect(target.queryValue("subject") == "facility/refstad")
        #expect(target.queryValue("since") == "2026-11-22")
        #expect(target.queryValue("missing") == nil)
    }

    @Test func rootHasNoSegments() throws {
        #expect(try #require(HTTPRequestTarget(parsing: "/")).pathSegments == [])
        #expect(try #require(HTTPRequestTarget(parsing: "/?a=1")).pathSegments == [])
    }

    @Test func emptySegmentsAreKept() throws {
        #expect(try #require(HTTPRequestTarget(parsing: "/v1/")).pathSegments == ["v1", ""])
        #expect(try #require(HTTPRequestTarget(parsing: "/v1//log")).pathSegments == ["v1", "", "log"])
    }

    @Test func encodedSlashStaysInsideItsSegment() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/v1/facilities/a%2Fb/c"))
        #expect(target.pathSegments == ["v1", "facilities", "a/b", "c"])
        #expect(target.path == "/v1/facilities/a%2Fb/c")
    }

    @Test func plusIsSpaceInTheQueryOnly() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/a+b?q=x+y&p=1%2B1&n+m=v"))
        #expect(target.pathSegments == ["a+b"])
        #expect(target.queryValue("q") == "x y")
        #expect(target.queryValue("p") == "1+1")
        #expect(target.queryValue("n m") == "v")
    }

    @Test func queryItemsKeepOrderAndRepeats() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/x?b=2&a=1&b=3&flag&&=v&e="))
        #expect(target.queryItems.map(\.name) == ["b", "a", "b", "flag", "", "e"])
        #expect(target.queryItems.map(\.value) == ["2", "1", "3", "", "v", ""])
        #expect(target.queryValue("b") == "2")
        #expect(try #require(HTTPRequestTarget(parsing: "/x?")).queryItems.isEmpty)
    }

    @Test func encodedDelimitersInTheQueryAreData() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/x?a=1%262%3D3"))
        #expect(target.queryItems.count == 1)
        #expect(target.queryValue("a") == "1&2=3")
    }

    @Test func decodesUTF8() throws {
        let target = try #require(HTTPRequestTarget(parsing: "/sted/Bj%C3%B8rvika?navn=T%C3%B8yen"))
        #expect(target.pathSegments == ["sted", "Bjørvika"])
        #expect(target.queryValue("navn") == "Tøyen")
    }

    @Test(arguments: [
        "", "v1/log", "http://host/v1", "*", "beredskap:80",
        "/a%zz", "/a%2", "/a%", "/a?x=%g1", "/a?x%=1",
        "/a%00b", "/a?x=%00", "/a%0A", "/a?x=%0D%0A", "/a%7F", "/a%1B",
        "/a%C3%28", "/a%FF", "/a?x=%E2%82",
        "/a b", "/a\tb", "/a\u{0}", "/a#fragment", "/é", "/a\u{7F}",
    ])
    func rejectsAnythingButCleanOriginForm(_ raw: String) {
        #expect(HTTPRequestTarget(parsing: raw) == nil)
    }
}
