import BeredskapAPI
import BeredskapJSON
import BeredskapTestSupport
import Foundation

/// One generated request: what the route fuzz sends, and what a regression case keeps.
struct FuzzInput: Sendable, CustomStringConvertible {
    var method: String
    var target: String
    var body: [UInt8]
    /// The caller: an index into `RouteFuzzer.callers`.
    var caller: Int

    /// As a Swift literal, to paste into `RouteFuzzTests.regressions`.
    var description: String {
        let bytes = body.map { String($0) }.joined(separator: ", ")
        return "FuzzInput(method: \(String(reflecting: method)), target: \(String(reflecting: target)), body: [\(bytes)], caller: \(caller))"
    }
}

/// Generates requests for every route of the contract from a seed: the right method and path
/// with ids that exist, do not exist or are nonsense; the route's query names and unknown
/// ones with odd values; and bodies that are JSON objects built from the API's field names
/// with values of every type (or such JSON mutated into bytes that are not JSON at all).
///
/// Why from the endpoint values: every route the daemon serves is in `Endpoints.all`, so a
/// route added later is fuzzed without anyone listing it here.
struct RouteFuzzer {
    /// Routes left out: a backup writes a file wherever the body says (as root in the tests),
    /// and a followed event stream never ends.
    static let excluded: Set<String> = ["POST /v1/backup"]
    static let ids = [
        "1", "2", "3", "refstad", "ila", "0", "-1", "99999999999999999999", "1.5", "ullern", "alna", "tb_screening",
        "health_exam", "2016", "2026", "quick-drill", "x y", "ø", "..", "%", "a/b", String(repeating: "9", count: 40),
    ]
    static let keys = [
        "facility", "count", "category", "at", "note", "force", "reason", "text", "subject", "name", "kind", "status",
        "capacity", "district", "milestone", "date", "duf", "given_name", "family_name", "birth", "sex", "rows", "scenario",
        "speed", "comment", "expires_at", "matchers", "occupied", "to", "from", "year", "quota", "quotas", "mode", "case",
        "household", "unaccompanied", "vulnerabilities", "languages", "nationality", "operator", "authority", "cap",
        "override", "channel", "rule", "severity", "planned", "unit", "units", "weights", "criteria", "method", "total",
        "arrived_norway", "arrived_city", "settled", "decision", "request", "contact", "email", "phone", "id", "date_from",
    ]
    static let strings = [
        "", " ", "refstad", "ullern", "adult", "family", "transit", "ordinary", "open", "closed", "2026-11-22",
        "2026-11-22T10:00:00Z", "10:00", "2026-02-30", "P90D", "90d", "-1", "1e400", "NaN", "null", "true", "asylumSeeker",
        "resettlement", "settled", "tb_screening", "critical", "alerts", "max", "202600004711", "2026 0000 4711", "Ø\u{0}",
        "\u{202E}", "ØVELSE", String(repeating: "x", count: 600), "../../etc/passwd", "%00", "a\"b", "🙂",
    ]
    static let queryValues = ["", "1", "0", "-5", "abc", "2026-11-22", "true", "false", "refstad", "ullern", "active", "999999999999", "%zz"]

    /// Valid bodies of the routes most requests go to, mutated field by field so that the
    /// fuzz gets past decoding into the checks and the writer.
    static let seeds: [String: JSONObject] = [
        "POST /v1/arrivals": ["facility": "refstad", "count": 1, "category": "adult"],
        "POST /v1/departures": ["facility": "refstad", "count": 1, "reason": "settled"],
        "POST /v1/facilities/{id}/occupancy": ["occupied": 10],
        "PUT /v1/facilities/{id}": [
            "name": "Mottak", "kind": "transit", "status": "open", "operator": "Hero", "district": "bjerke", "authority": "UDI",
            "capacity": 200,
        ],
        "POST /v1/log": ["text": "Fuzz"],
        "POST /v1/persons": [
            "duf": "202600004799", "given_name": "A", "family_name": "B", "birth": ["year": 1990], "sex": "female",
            "category": "asylumSeeker",
        ],
        "PATCH /v1/persons/{id}": ["family_name": "C"],
        "POST /v1/persons/{id}/milestones": ["milestone": "tb_screening"],
        "POST /v1/settlement/records": ["district": "ullern", "date": "2026-11-01", "count": 2, "mode": "ordinary"],
        "POST /v1/alerts/{id}/ack": ["comment": "Sett"],
        "POST /v1/playbooks/{id}/runs": ["reason": "Øvelse"],
    ]

    var rng: SplitMix64
    let endpoints: [EndpointSpec]
    let seeded: [EndpointSpec]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        endpoints = Endpoints.all.filter { !Self.excluded.contains($0.description) }
        seeded = endpoints.filter { Self.seeds[$0.description] != nil }
    }

    mutating func next(callers: Int) -> FuzzInput {
        // Often a route with a seed body: the writes are where the state can be hurt.
        let pool = chance(0.4) ? seeded : endpoints
        let spec = pool[Int.random(in: 0..<pool.count, using: &rng)]
        let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        let method = chance(0.9) ? spec.method.rawValue : methods[Int.random(in: 0..<methods.count, using: &rng)]
        let placeholders = spec.path.pattern.split(separator: "{").count - 1
        let parameters = (0..<placeholders).map { _ in Self.ids[Int.random(in: 0..<Self.ids.count, using: &rng)] }
        var query: [(String, String?)] = []
        for name in spec.query.sorted() where name != "follow" && chance(0.4) {
            query.append((name, Self.queryValues[Int.random(in: 0..<Self.queryValues.count, using: &rng)]))
        }
        if chance(0.05) { query.append(("bogus", "1")) }
        var target = spec.target(parameters, query: query)
        if chance(0.03) { target += ["/", "//", "?", "#x", "%", "/../v1"][Int.random(in: 0..<6, using: &rng)] }
        let hasBody = method != "GET" && method != "DELETE" || chance(0.1)
        // Half the requests from the first caller (root), so that most reach past the permission check.
        let caller = chance(0.5) ? 0 : Int.random(in: 0..<callers, using: &rng)
        return FuzzInput(method: method, target: target, body: hasBody ? body(Self.seeds[spec.description]) : [], caller: caller)
    }

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }

    private mutating func body(_ seed: JSONObject?) -> [UInt8] {
        var built = object(depth: 0)
        if let seed, chance(0.7) {
            built = seed
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let key = chance(0.7) ? seed.keys[Int.random(in: 0..<seed.count, using: &rng)] : Self.keys[Int.random(in: 0..<Self.keys.count, using: &rng)]
                built[key] = chance(0.2) ? nil : value(depth: 1)
            }
        }
        let json = Array(JSONValue.object(built).serializedString().utf8)
        guard chance(0.15) else { return json }
        var bytes = json
        for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.remove(at: position)
            case 2: bytes.insert([UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: ","), 0xFF][Int.random(in: 0..<4, using: &rng)], at: position)
            default: bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }

    private mutating func object(depth: Int) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            object[Self.keys[Int.random(in: 0..<Self.keys.count, using: &rng)]] = value(depth: depth + 1)
        }
        return object
    }

    private mutating func value(depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 6 : 9), using: &rng) {
        case 0: return .null
        case 1: return .bool(chance(0.5))
        case 2: return .integer([0, 1, -1, 2, 42, 200, 1000, 100_001, Int64.max, Int64.min][Int.random(in: 0..<10, using: &rng)])
        case 3: return .double([0.5, -0.0, 1e300, 3.14][Int.random(in: 0..<4, using: &rng)])
        case 4, 5: return .string(Self.strings[Int.random(in: 0..<Self.strings.count, using: &rng)])
        case 6: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(depth: depth + 1) })
        default: return .object(object(depth: depth))
        }
    }
}
