@testable import BeredskapHTTPParser
import Testing

/// Every limit at exactly its value (passes) and one byte over (fails with the right case),
/// fed whole and byte by byte.
@Suite struct LimitsTests {
    static let small = HTTPLimits(
        maxRequestLineBytes: 40,
        maxHeaderLineBytes: 40,
        maxHeaderBytes: 100,
        maxHeaderCount: 5,
        maxBodyBytes: 16
    )

    private func padded(_ prefix: String, to length: Int, suffix: String = "") -> String {
        prefix + String(repeating: "a", count: length - prefix.count - suffix.count) + suffix
    }

    // MARK: request line

    @Test(arguments: Feeding.allCases)
    func requestLineAtTheLimitPasses(_ feeding: Feeding) {
        let line = padded("GET /", to: 40, suffix: " HTTP/1.1")
        #expect(line.utf8.count == 40)
        #expect(parse(request(line), limits: Self.small, feeding: feeding).onlyRequest != nil)
    }

    @Test(arguments: Feeding.allCases)
    func requestLineOneOverFails(_ feeding: Feeding) {
        let line = padded("GET /", to: 41, suffix: " HTTP/1.1")
        #expect(parse(request(line), limits: Self.small, feeding: feeding).failure == .requestLineTooLong)
        #expect(HTTPParseError.requestLineTooLong.statusCode == 431)
    }

    @Test func requestLineFailsBeforeItsEndArrives() {
        var parser = HTTPRequestParser(limits: Self.small)
        parser.append(bytes(String(repeating: "A", count: 40)))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("A"))
        #expect(parser.next() == .failure(.requestLineTooLong))
    }

    @Test func aCRJustPastTheLimitWaitsForItsLF() {
        var parser = HTTPRequestParser(limits: Self.small)
        parser.append(bytes(padded("GET /", to: 40, suffix: " HTTP/1.1") + "\r"))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("X"))
        #expect(parser.next() == .failure(.requestLineTooLong))
    }

    @Test func tenMebibytesWithoutANewlineFailEarlyWithBoundedMemory() {
        var parser = HTTPRequestParser()
        let piece = [UInt8](repeating: UInt8(ascii: "A"), count: 1024)
        var fed = 0
        var result = HTTPParserEvent.needMoreData
        while fed < 10 * 1024 * 1024, result == .needMoreData {
            parser.append(piece)
            fed += piece.count
            #expect(parser.storageByteCount <= HTTPLimits.defaultMaxRequestLineBytes + piece.count)
            result = parser.next()
        }
        #expect(result == .failure(.requestLineTooLong))
        #expect(fed <= HTTPLimits.defaultMaxRequestLineBytes + piece.count)
        #expect(parser.storageByteCount == 0)
    }

    @Test(arguments: Feeding.allCases)
    func emptyLinesCountAgainstTheRequestLineLimit(_ feeding: Feeding) {
        let flood = String(repeating: "\r\n", count: 1000)
        #expect(parse(flood, limits: Self.small, feeding: feeding).failure == .requestLineTooLong)
        // A few are fine, but they share the budget with the request line itself.
        let line = padded("GET /", to: 36, suffix: " HTTP/1.1")
        #expect(parse("\r\n\r\n" + request(line), limits: Self.small, feeding: feeding).onlyRequest != nil)
        #expect(parse("\r\n\r\n\n" + request(line), limits: Self.small, feeding: feeding).failure == .requestLineTooLong)
    }

    // MARK: header lines

    @Test(arguments: Feeding.allCases)
    func headerLineAtTheLimitPasses(_ feeding: Feeding) {
        let field = padded("X-Pad: ", to: 40)
        #expect(parse(request("GET / HTTP/1.1", [field]), limits: Self.small, feeding: feeding).onlyRequest != nil)
    }

    @Test(arguments: Feeding.allCases)
    func headerLineOneOverFails(_ feeding: Feeding) {
        let field = padded("X-Pad: ", to: 41)
        #expect(parse(request("GET / HTTP/1.1", [field]), limits: Self.small, feeding: feeding).failure == .headerLineTooLong)
    }

    @Test func headerLineFailsBeforeItsEndArrives() {
        var parser = HTTPRequestParser(limits: Self.small)
        parser.append(bytes("GET / HTTP/1.1\r\n" + String(repeating: "X", count: 40)))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("X"))
        #expect(parser.next() == .failure(.headerLineTooLong))
    }

    // MARK: all header bytes

    private static let roomyLines = HTTPLimits(maxHeaderLineBytes: 1000, maxHeaderBytes: 100, maxHeaderCount: 5)

    @Test(arguments: Feeding.allCases)
    func headerBytesAtTheLimitPass(_ feeding: Feeding) {
        // "Host: h" is 7 bytes; terminators do not count.
        let field = padded("X-Pad: ", to: 93)
        #expect(parse(request("GET / HTTP/1.1", [field]), limits: Self.roomyLines, feeding: feeding).onlyRequest != nil)
    }

    @Test(arguments: Feeding.allCases)
    func headerBytesOneOverFail(_ feeding: Feeding) {
        let field = padded("X-Pad: ", to: 94)
        #expect(parse(request("GET / HTTP/1.1", [field]), limits: Self.roomyLines, feeding: feeding).failure == .headersTooLarge)
    }

    @Test func headerBytesFailBeforeTheLineEnds() {
        var parser = HTTPRequestParser(limits: Self.roomyLines)
        parser.append(bytes("GET / HTTP/1.1\r\nHost: h\r\n" + padded("X-Pad: ", to: 93)))
        #expect(parser.next() == .needMoreData)
        parser.append(bytes("a"))
        #expect(parser.next() == .failure(.headersTooLarge))
    }

    // MARK: header count

    @Test(arguments: Feeding.allCases)
    func headerCountAtTheLimitPasses(_ feeding: Feeding) {
        let fields = (1...4).map { "X-\($0): v" }
        #expect(parse(request("GET / HTTP/1.1", fields), limits: Self.small, feeding: feeding).onlyRequest != nil)
    }

    @Test(arguments: Feeding.allCases)
    func headerCountOneOverFails(_ feeding: Feeding) {
        let fields = (1...5).map { "X-\($0): v" }
        #expect(parse(request("GET / HTTP/1.1", fields), limits: Self.small, feeding: feeding).failure == .tooManyHeaders)
    }

    // MARK: body

    @Test(arguments: Feeding.allCases)
    func contentLengthAtTheLimitPasses(_ feeding: Feeding) throws {
        let body = String(repeating: "b", count: 16)
        let outcome = parse(request("POST / HTTP/1.1", ["Content-Length: 16"], body: body), limits: Self.small, feeding: feeding)
        #expect(try #require(outcome.onlyRequest).body == bytes(body))
    }

    @Test(arguments: Feeding.allCases)
    func contentLengthOneOverFailsBeforeTheBodyIsRead(_ feeding: Feeding) {
        // No body bytes are sent at all: the answer must not wait for them.
        let outcome = parse(request("POST / HTTP/1.1", ["Content-Length: 17"]), limits: Self.small, feeding: feeding)
        #expect(outcome.failure == .bodyTooLarge(declared: 17))
        #expect(HTTPParseError.bodyTooLarge(declared: 17).statusCode == 413)
    }

    @Test(arguments: Feeding.allCases)
    func chunkedBodyAtTheLimitPasses(_ feeding: Feeding) throws {
        let input = request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "a\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n")
        #expect(try #require(parse(input, limits: Self.small, feeding: feeding).onlyRequest).body == bytes("0123456789abcdef"))
    }

    @Test(arguments: Feeding.allCases)
    func chunkedBodyOneOverFails(_ feeding: Feeding) {
        let input = request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "a\r\n0123456789\r\n7\r\nabcdefg\r\n0\r\n\r\n")
        #expect(parse(input, limits: Self.small, feeding: feeding).failure == .bodyTooLarge(declared: nil))
    }

    @Test func chunkOverTheLimitFailsOnItsSizeLine() {
        var parser = HTTPRequestParser(limits: Self.small)
        parser.append(bytes(request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: "11\r\n")))
        #expect(parser.next() == .failure(.bodyTooLarge(declared: nil)))
    }

    // MARK: trailers

    @Test(arguments: Feeding.allCases)
    func trailersLiveUnderTheHeaderLimits(_ feeding: Feeding) {
        let head = request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"])
        let longTrailer = padded("X-T: ", to: 41)
        #expect(parse(head + "0\r\n\(padded("X-T: ", to: 40))\r\n\r\n", limits: Self.small, feeding: feeding).onlyRequest != nil)
        #expect(parse(head + "0\r\n\(longTrailer)\r\n\r\n", limits: Self.small, feeding: feeding).failure == .headerLineTooLong)
        let trailers = (1...6).map { "X-\($0): v\r\n" }.joined()
        #expect(parse(head + "0\r\n\(trailers)\r\n", limits: Self.small, feeding: feeding).failure == .tooManyHeaders)
    }

    // MARK: configuration

    @Test func defaultsMatchTheAPIContract() {
        let limits = HTTPLimits()
        #expect(limits.maxRequestLineBytes == 8 * 1024)
        #expect(limits.maxHeaderLineBytes == 8 * 1024)
        #expect(limits.maxHeaderBytes == 64 * 1024)
        #expect(limits.maxHeaderCount == 100)
        #expect(limits.maxBodyBytes == 1024 * 1024)
        #expect(HTTPLimits(maxBodyBytes: 5) == HTTPLimits(maxRequestLineBytes: 8 * 1024, maxBodyBytes: 5))
        #expect(HTTPLimits(maxHeaderCount: -3).maxHeaderCount == 0)
    }
}
