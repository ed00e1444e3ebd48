import BeredskapAPI
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BeredskapDaemon
@testable import BeredskapHTTP

/// Generated requests for every route, through the real router and handlers in process (no
/// socket: it adds nothing here), against a daemon with facilities, persons and an alert in it:
/// no crash, no hang, and every answer either a success or an error of the contract —
/// `{"error":{"code","message"}}` with the code's own status — never `internal`.
///
/// Deterministic: the inputs come from a fixed seed. `FuzzBudget` scales the count (the
/// default fits CI's budget; `BEREDSKAP_FUZZ_INPUTS=1000000` is the long run, README
/// "Fuzzing") and shifts the seed. A failing input is printed as a Swift
/// literal: add it to `regressions`, which run first, every time.
@Suite(.serialized) struct RouteFuzzTests {
    static let defaultInputs = 30_000
    static let answerTimeout = 10.0

    /// Inputs run before the generated ones, every time: each input the fuzz ever finds
    /// failing goes here, beside hand-written edge cases. The 1,000,000-input run found the
    /// first: a quota year near Int64.min trapped in `abs(year − date.year)` on the writer
    /// thread (settlement records, and the same check in settlement cases).
    static let regressions: [FuzzInput] = [
        FuzzInput(
            method: "POST", target: "/v1/settlement/records",
            body: Array(#"{"district":"alna","date":"2026-11-01","count":1,"mode":"ordinary","year":-9223372036854775808}"#.utf8),
            caller: 0),
        FuzzInput(
            method: "POST", target: "/v1/settlement/cases",
            body: Array(
                #"{"district":"alna","mode":"ordinary","household_size":1,"unaccompanied_minors":0,"requested_on":"2026-11-02","year":-9223372036854775808}"#
                    .utf8),
            caller: 0),
        // A birth year at Int64.max: decoded, then refused, not trapped.
        FuzzInput(method: "POST", target: "/v1/persons", body: Array(#"{"birth":{"year":9223372036854775807}}"#.utf8), caller: 0),
        FuzzInput(method: "GET", target: "/v1/arrivals?from=%zz&bucket=-5", body: [], caller: 0),
        FuzzInput(method: "PATCH", target: "/v1/persons/1", body: Array(#"{"force":null,"status":"settled"}"#.utf8), caller: 2),
    ]

    static let callers = [People.root, People.viewer, People.caseworker, People.operatorByGroup, People.admin, People.stranger]

    static var inputs: Int { FuzzBudget.inputs(default: defaultInputs) }

    static var seed: UInt64 { FuzzBudget.seed(0xBE4E_D5CA_2026) }

    @Test func everyRouteAnswersEveryGeneratedRequestWithinTheContract() throws {
        let harness = try DaemonHarness()
        try Self.populate(harness)
        let fuzz = InProcessAPI(harness)
        var failures: [String] = []
        var statuses: [Int: Int] = [:]
        func check(_ input: FuzzInput) {
            let (status, body) = fuzz.send(input)
            statuses[status, default: 0] += 1
            if let problem = Self.problem(status: status, body: body, input: input) { failures.append("\(problem)\n  \(input)") }
        }
        for input in Self.regressions { check(input) }
        var fuzzer = RouteFuzzer(seed: Self.seed)
        let started = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<Self.inputs where failures.count < 20 {
            check(fuzzer.next(callers: Self.callers.count))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print("route fuzz: \(Self.inputs) inputs in \(String(format: "%.1f", seconds)) s; statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(failures.isEmpty, "\(failures.count) failing input(s):\n\(failures.joined(separator: "\n"))")
        // The inputs must reach past validation too, or the fuzz proves little.
        #expect(statuses.filter { (200..<300).contains($0.key) }.values.reduce(0, +) > Self.inputs / 50, "\(statuses)")
        #expect(statuses[400, default: 0] > Self.inputs / 10, "\(statuses)")
        let status = try Session(harness).send("GET", "/v1/health")
        #expect(status.status == 200, "the daemon still serves")
    }

    /// What is wrong with an answer, or nil.
    static func problem(status: Int, body: [UInt8], input: FuzzInput) -> String? {
        if status == 0 { return "no answer within \(answerTimeout) s" }
        if (200..<400).contains(status) { return nil }
        guard let json = try? JSONParser.parse(String(decoding: body, as: UTF8.self)),
            let code = json["error"]?["code"]?.stringValue, let known = APIErrorCode(rawValue: code),
            json["error"]?["message"]?.stringValue?.isEmpty == false
        else { return "HTTP \(status) without an error of the contract: \(String(decoding: body.prefix(300), as: UTF8.self))" }
        if known == .internal { return "internal error: \(String(decoding: body.prefix(300), as: UTF8.self))" }
        if known.status != status { return "code \(code) with HTTP \(status), the contract says \(known.status)" }
        return nil
    }

    /// Facilities, persons, an alert and a run to find, so that ids hit something.
    static func populate(_ harness: DaemonHarness) throws {
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        #expect(try (200..<300).contains(root.putFacility("ila", ["name": "Ila", "kind": "ordinary", "capacity": 50]).status))
        #expect(try root.arrive("refstad", 150).status == 201)
        let caseworker = try Session(harness, as: People.caseworker)
        _ = try PersonAPITests.register(caseworker)
        _ = try PersonAPITests.register(caseworker, PersonAPITests.body(["duf": "202600004712", "facility": "refstad"]))
        #expect(try root.post("/v1/log", ["text": "Fuzz"]).status == 201)
    }
}

/// The API handler driven without a socket: a request is parsed from bytes as the server
/// would, handed to `APIHandler.handle`, and its answer taken from a loop that only records.
final class InProcessAPI: Sendable {
    private let handler: APIHandler
    private let identities: FakeIdentityResolver
    private let loop = RecordingLoop()

    init(_ harness: DaemonHarness) {
        let services = harness.daemon.services
        handler = APIHandler(router: Router(routes: APIRoutes.all(services)), services: services)
        identities = harness.identities
    }

    /// The status and body (0 and nothing when no answer came in time).
    func send(_ input: FuzzInput) -> (Int, [UInt8]) {
        let headers: HTTPHeaders = input.body.isEmpty ? ["Host": "beredskap"] : ["Host": "beredskap", "Content-Type": "application/json"]
        var parser = HTTPRequestParser()
        parser.append(HTTPRequestEncoder.encode(method: input.method, target: input.target, headers: headers, body: input.body))
        guard case .request(let request) = parser.next() else {
            // The target or method the encoder wrote is not HTTP: the server answers that, not the router.
            return (400, Array(#"{"error":{"code":"bad_request","message":"unparsable"}}"#.utf8))
        }
        identities.set(RouteFuzzTests.callers[input.caller])
        let session = handler.openSession(peer: PeerCredentials(pid: 1, uid: 0, gid: 0))
        let answer = loop.expect()
        handler.handle(request, session: session, exchange: HTTPExchange(loop: loop, connectionID: 1, exchangeID: answer, receivedAtNanoseconds: 0))
        return loop.wait(answer, timeout: RouteFuzzTests.answerTimeout)
    }
}

/// A connection loop that runs tasks at once and keeps each answer by exchange id.
final class RecordingLoop: ConnectionLoop {
    private let answers = Mutex<[UInt64: (Int, [UInt8])]>([:])
    private let next = Atomic<UInt64>(1)
    private let arrived = DispatchSemaphore(value: 0)

    var isCurrentThread: Bool { false }

    func execute(_ task: @escaping @Sendable () -> Void) { task() }

    func deliver(_ response: HTTPResponse, connection: UInt64, exchange: UInt64) {
        answers.withLock { $0[exchange] = (response.head.status, response.body) }
        arrived.signal()
    }

    func beginStream(_ stream: HTTPResponseStream, head: HTTPResponseHead, connection: UInt64, exchange: UInt64) {
        answers.withLock { $0[exchange] = (head.status, []) }
        arrived.signal()
    }

    func writeStream(_ bytes: [UInt8], stream: HTTPResponseStream, final: Bool) {}

    func expect() -> UInt64 { next.add(1, ordering: .relaxed).oldValue }

    func wait(_ exchange: UInt64, timeout: Double) -> (Int, [UInt8]) {
        let deadline = DispatchTime.now() + timeout
        while true {
            if let answer = answers.withLock({ $0.removeValue(forKey: exchange) }) { return answer }
            if arrived.wait(timeout: deadline) == .timedOut { return answers.withLock { $0.removeValue(forKey: exchange) } ?? (0, []) }
        }
    }
}
