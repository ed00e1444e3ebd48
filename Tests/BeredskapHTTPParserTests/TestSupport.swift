@testable import BeredskapHTTPParser
import BeredskapTestSupport
import Testing

/// How a test feeds its input: all at once, or one byte per `append` (the worst split).
enum Feeding: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case whole
    case byteByByte
    var testDescription: String { rawValue }
}

/// Everything a parser said about an input, with the events that carry no data folded away.
struct Outcome {
    var requests: [HTTPRequest] = []
    var continues: [HTTPRequestHead] = []
    var failure: HTTPParseError?
    /// True when the parser ended waiting for more bytes (rather than failing).
    var needsMoreData = false

    var onlyRequest: HTTPRequest? { requests.count == 1 && failure == nil ? requests[0] : nil }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Pulls events until the parser waits or fails. The iteration cap turns a parser that loops
/// forever into a test failure instead of a hung test run.
func drain(_ parser: inout HTTPRequestParser, into outcome: inout Outcome, cap: Int = 100_000) {
    for _ in 0..<cap {
        switch parser.next() {
        case .needMoreData:
            outcome.needsMoreData = true
            return
        case .expectContinue(let head):
            outcome.continues.append(head)
        case .request(let request):
            outcome.requests.append(request)
        case .failure(let error):
            outcome.failure = error
            outcome.needsMoreData = false
            return
        }
    }
    Issue.record("parser produced more than \(cap) events without waiting or failing")
}

func parse(_ input: [UInt8], limits: HTTPLimits = HTTPLimits(), feeding: Feeding = .whole) -> Outcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = Outcome()
    switch feeding {
    case .whole:
        parser.append(input)
        drain(&parser, into: &outcome)
    case .byteByByte:
        for byte in input where outcome.failure == nil {
            parser.append([byte])
            drain(&parser, into: &outcome)
        }
        if input.isEmpty { drain(&parser, into: &outcome) }
    }
    return outcome
}

func parse(_ input: String, limits: HTTPLimits = HTTPLimits(), feeding: Feeding = .whole) -> Outcome {
    parse(bytes(input), limits: limits, feeding: feeding)
}

/// The failure for an input, asserting that whole and byte-by-byte feeding agree on it.
func failure(of input: [UInt8], limits: HTTPLimits = HTTPLimits()) -> HTTPParseError? {
    let whole = parse(input, limits: limits, feeding: .whole).failure
    let split = parse(input, limits: limits, feeding: .byteByByte).failure
    #expect(whole == split, "whole and byte-by-byte feeding disagree")
    return whole
}

func failure(of input: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseError? {
    failure(of: bytes(input), limits: limits)
}

/// A one-request input: the request line, `Host: h` (for 1.1) and the given field lines.
func request(_ requestLine: String = "GET / HTTP/1.1", _ fields: [String] = [], body: String = "") -> String {
    let host = requestLine.hasSuffix("HTTP/1.1") ? ["Host: h"] : []
    return ([requestLine] + host + fields).map { $0 + "\r\n" }.joined() + "\r\n" + body
}


/// Everything a response parser said, bodies concatenated.
struct ResponseOutcome: Equatable {
    var heads: [HTTPResponseHead] = []
    var body: [UInt8] = []
    var bodyParts = 0
    var ends = 0
    var failure: String?
}

func drain(_ parser: inout HTTPResponseParser, into outcome: inout ResponseOutcome, cap: Int = 100_000) {
    for _ in 0..<cap {
        switch parser.next() {
        case .needMoreData: return
        case .head(let head): outcome.heads.append(head)
        case .body(let part):
            #expect(!part.isEmpty, "body parts are never empty")
            outcome.body += part
            outcome.bodyParts += 1
        case .end: outcome.ends += 1
        case .failure(let reason):
            outcome.failure = reason
            return
        }
    }
    Issue.record("response parser produced more than \(cap) events without waiting or failing")
}

func parseResponse(_ pieces: [[UInt8]], close: Bool = false) -> ResponseOutcome {
    var parser = HTTPResponseParser()
    var outcome = ResponseOutcome()
    for piece in pieces where outcome.failure == nil {
        parser.append(piece)
        drain(&parser, into: &outcome)
    }
    if close && outcome.failure == nil {
        parser.connectionClosed()
        drain(&parser, into: &outcome)
    }
    return outcome
}
