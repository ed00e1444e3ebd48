import BeredskapTestSupport
import BeredskapHTTPParser
import Testing

/// Deterministic mutation fuzzing (fixed seeds, so any failure reproduces; `FuzzBudget` for a
/// longer run or another seed). Properties:
/// the parsers never trap or loop, always settle on "need more data" or a failure, and reach
/// the same result whether the input arrives whole or in random pieces.
@Suite struct FuzzTests {
    static let requestCorpus: [[UInt8]] = [
        request(),
        request("GET /v1/log?since=2026-11-22&subject=facility%2Frefstad HTTP/1.1", ["Accept: */*", "Connection: keep-alive, Upgrade"]),
        request("POST /v1/reports HTTP/1.1", ["Content-Type: application/json", "Content-Length: 13"], body: "{\"count\":42}\n"),
        request("PUT /v1/x HTTP/1.1", ["Transfer-Encoding: chunked", "Expect: 100-continue"], body: "4;e=1\r\nabcd\r\n2\r\nef\r\n0\r\nX-T: 1\r\n\r\n"),
        request("GET /a%C3%B8?q=a+b HTTP/1.0", ["Connection: keep-alive"]),
        "\r\n" + request("DELETE /v1/y HTTP/1.1", ["Content-Length: 0"]) + request("GET /z HTTP/1.1"),
        "POST /p HTTP/1.1\nHost: h\nContent-Length: 2\n\nok",
    ].map(bytes)

    static let responseCorpus: [[UInt8]] = [
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab\n\r\n1;x\r\nc\r\n0\r\nT: 1\r\n\r\n",
        "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.0 200 OK\r\n\r\nuntil close",
    ].map(bytes)

    static let interestingBytes: [UInt8] = [0x0D, 0x0A, 0x00, 0x20, 0x09, 0x3A, 0x3B, 0x25, 0x2C, 0x30, 0x66, 0x7F, 0x80, 0xC3, 0xFF, 0x2F, 0x3F]

    static func mutate(_ input: [UInt8], corpus: [[UInt8]], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            let special = interestingBytes.randomElement(using: &rng) ?? 0
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
            case 1 where !bytes.isEmpty: bytes[position] = special
            case 2: bytes.insert(special, at: position)
            case 3 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &rng)))
            case 4 where !bytes.isEmpty:
                let slice = bytes[position..<min(bytes.count, position + Int.random(in: 1...32, using: &rng))]
                bytes.insert(contentsOf: Array(slice), at: position)
            case 5: bytes = Array(bytes.prefix(position))
            default: bytes += corpus.randomElement(using: &rng) ?? []
            }
        }
        return bytes
    }

    static func randomPieces(_ input: [UInt8], using rng: inout SplitMix64) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        while start < input.count {
            let size = Int.random(in: 1...17, using: &rng)
            pieces.append(Array(input[start..<min(start + size, input.count)]))
            start += size
        }
        return pieces
    }

    @Test(arguments: [HTTPLimits(), HTTPLimits(maxRequestLineBytes: 24, maxHeaderLineBytes: 20, maxHeaderBytes: 48, maxHeaderCount: 3, maxBodyBytes: 5)])
    func requestParserSurvivesMutatedInput(limits: HTTPLimits) {
        var rng = SplitMix64(seed: FuzzBudget.seed(0xBE4E_D5CA))
        var failures = 0
        var requests = 0
        let inputs = FuzzBudget.inputs(default: 60_000)
        for iteration in 0..<inputs {
            let base = Self.requestCorpus[iteration % Self.requestCorpus.count]
            let input = Self.mutate(base, corpus: Self.requestCorpus, using: &rng)

            let whole = parse(input, limits: limits, feeding: .whole)
            var parser = HTTPRequestParser(limits: limits)
            var split = Outcome()
            for piece in Self.randomPieces(input, using: &rng) where split.failure == nil {
                parser.append(piece)
                drain(&parser, into: &split)
            }
            if input.isEmpty { drain(&parser, into: &split) }

            #expect(split.failure != nil || split.needsMoreData, "input \(iteration) did not settle")
            #expect(whole.requests == split.requests, "input \(iteration): whole and split disagree on requests")
            #expect(whole.failure == split.failure, "input \(iteration): whole and split disagree on failure")
            #expect(parser.bufferedByteCount <= input.count)
            for request in split.requests {
                #expect(request.body.count <= limits.maxBodyBytes)
                #expect(request.head.headers.count <= limits.maxHeaderCount)
            }
            if let failure = split.failure {
                #expect(parser.next() == .failure(failure), "failures are terminal")
                #expect([400, 413, 417, 431, 501, 505].contains(failure.statusCode))
                #expect(!failure.message.isEmpty)
                failures += 1
            }
            requests += split.requests.count
        }
        // The mutations must exercise both outcomes, or the test proves little.
        #expect(failures > inputs / 10)
        #expect(requests > inputs / 10)
    }

    @Test func responseParserSurvivesMutatedInput() {
        var rng = SplitMix64(seed: FuzzBudget.seed(0x5EED_0F_0510))
        for iteration in 0..<FuzzBudget.inputs(default: 60_000) {
            let base = Self.responseCorpus[iteration % Self.responseCorpus.count]
            let input = Self.mutate(base, corpus: Self.responseCorpus, using: &rng)
            let whole = parseResponse([input], close: true)
            let split = parseResponse(Self.randomPieces(input, using: &rng), close: true)
            #expect(whole.heads == split.heads, "input \(iteration)")
            #expect(whole.body == split.body, "input \(iteration)")
            #expect(whole.ends == split.ends, "input \(iteration)")
            #expect(whole.failure == split.failure, "input \(iteration)")
        }
    }

    @Test func targetParsingSurvivesRandomStrings() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("/?&=+%2Fa0zZ.-~ #\u{0}\u{1}\t\u{7F}é€:@;,".unicodeScalars)
        for _ in 0..<5_000 {
            var raw = "/"
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                raw.unicodeScalars.append(alphabet.randomElement(using: &rng) ?? "a")
            }
            guard let target = HTTPRequestTarget(parsing: raw) else { continue }
            let decoded = target.pathSegments + target.queryItems.flatMap { [$0.name, $0.value] }
            #expect(decoded.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
            #expect(target.raw == raw)
        }
    }
}
