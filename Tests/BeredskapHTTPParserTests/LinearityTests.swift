@testable import BeredskapHTTPParser
import Testing

/// Work must be linear in the bytes received however they are split. Checked by counting the
/// bytes the line search examines (never by timing): a parser that rescans the buffered line on
/// every append examines O(n²) bytes when fed one byte at a time.
@Suite struct LinearityTests {
    private static let roomy = HTTPLimits(maxHeaderCount: 1_000)

    private static let largeHead: [UInt8] = {
        let fields = (0..<100).map { "X-Field-\($0): " + String(repeating: "v", count: 600) }
        return bytes(request("GET / HTTP/1.1", fields))
    }()

    private func examined(_ input: [UInt8], pieceSize: Int, limits: HTTPLimits = roomy) -> (Int, Outcome) {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = Outcome()
        for start in stride(from: 0, to: input.count, by: pieceSize) {
            parser.append(Array(input[start..<min(start + pieceSize, input.count)]))
            drain(&parser, into: &outcome)
        }
        return (parser.examinedByteCount, outcome)
    }

    @Test(arguments: [1, 7, 4096])
    func aSixtyKilobyteHeadIsExaminedOnce(pieceSize: Int) {
        let input = Self.largeHead
        #expect(input.count > 60_000)
        let (count, outcome) = examined(input, pieceSize: pieceSize)
        #expect(outcome.requests.count == 1)
        // Each byte once, plus at most a few bytes of look-ahead per line.
        #expect(count <= input.count + 2 * 110, "examined \(count) bytes of \(input.count)")
    }

    @Test func aLongRequestLineIsExaminedOnce() {
        let input = bytes(request("GET /" + String(repeating: "p", count: 8_000) + " HTTP/1.1"))
        let (count, outcome) = examined(input, pieceSize: 1)
        #expect(outcome.requests.count == 1)
        #expect(count <= input.count + 4)
    }

    @Test func chunkedBodiesAreExaminedOnce() {
        let chunks = String(repeating: "3;ext=1\r\nabc\r\n", count: 2_000) + "0\r\n\r\n"
        let input = bytes(request("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], body: chunks))
        let (count, outcome) = examined(input, pieceSize: 1)
        #expect(outcome.requests.first?.body.count == 6_000)
        #expect(count <= input.count)
    }

    @Test func anOverlongLineStopsBeingExaminedAtTheLimit() {
        // The search never looks past limit + CRLF, whatever is buffered.
        let input = bytes("GET /" + String(repeating: "x", count: 1_000_000))
        let (count, outcome) = examined(input, pieceSize: input.count)
        #expect(outcome.failure == .requestLineTooLong)
        #expect(count <= HTTPLimits.defaultMaxRequestLineBytes + 2)
    }

    @Test func aLargeResponseHeadIsExaminedOnce() {
        // The same field lines (and closing empty line) under a status line.
        let fields = Self.largeHead.drop { $0 != ASCII.lf }.dropFirst()
        let head = bytes("HTTP/1.1 200 OK\r\n") + fields
        var parser = HTTPResponseParser()
        var outcome = ResponseOutcome()
        for byte in head {
            parser.append([byte])
            drain(&parser, into: &outcome)
        }
        #expect(outcome.heads.count == 1)
        #expect(outcome.failure == nil)
        #expect(parser.examinedByteCount <= head.count + 2 * 110)
    }
}
