import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// One connection as one person, with JSON in and out: what a script would do with curl.
struct Session {
    let client: RawClient

    init(socket: String, identities: FakeIdentityResolver, as identity: Identity) throws {
        identities.set(identity)
        client = try RawClient(path: socket)
        // The identity is fixed when the daemon accepts the connection: one request makes sure
        // that happened before anyone else connects as somebody else.
        _ = try client.request("GET", "/v1/health")
    }

    init(_ harness: DaemonHarness, as identity: Identity = People.root) throws {
        try self.init(socket: harness.socketPath, identities: harness.identities, as: identity)
    }

    @discardableResult
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil) throws -> RawClient.Response {
        try client.request(method, path, json: body?.serializedString())
    }

    @discardableResult
    func put(_ path: String, _ body: JSONValue) throws -> RawClient.Response { try send("PUT", path, body) }

    @discardableResult
    func patch(_ path: String, _ body: JSONValue) throws -> RawClient.Response { try send("PATCH", path, body) }

    @discardableResult
    func post(_ path: String, _ body: JSONValue) throws -> RawClient.Response { try send("POST", path, body) }

    func get(_ path: String) throws -> JSONValue { try send("GET", path).json }

    /// `PUT /v1/facilities/{id}` with the fixture's definition changed by `changes`.
    @discardableResult
    func putFacility(_ id: String, _ changes: JSONValue = [:]) throws -> RawClient.Response {
        try put("/v1/facilities/\(id)", Fixture.facility(changes))
    }

    @discardableResult
    func arrive(_ facility: String, _ count: Int64, _ extra: JSONValue = [:]) throws -> RawClient.Response {
        try post("/v1/arrivals", Fixture.merged(["facility": .string(facility), "count": .integer(count), "category": "adult"], extra))
    }

    @discardableResult
    func depart(_ facility: String, _ count: Int64, _ extra: JSONValue = [:]) throws -> RawClient.Response {
        try post("/v1/departures", Fixture.merged(["facility": .string(facility), "count": .integer(count), "reason": "settled"], extra))
    }

    /// A head count; `force` confirms a count above the facility's places.
    @discardableResult
    func headCount(_ facility: String, _ occupied: Int64, at: JSONValue? = nil, force: Bool = false) throws -> RawClient.Response {
        var body: JSONValue = ["occupied": .integer(occupied)]
        if let at { body = Fixture.merged(body, ["at": at]) }
        if force { body = Fixture.merged(body, ["force": true]) }
        return try post("/v1/facilities/\(facility)/occupancy", body)
    }

    func facility(_ id: String) throws -> JSONValue { try get("/v1/facilities/\(id)") }

    /// Events whose type starts with `type`, oldest first.
    func events(_ type: String) throws -> [JSONValue] {
        try get("/v1/events?type=\(type)&limit=1000")["events"]?.arrayValue ?? []
    }

    func lastEventSeq() throws -> Int64? { try get("/v1/status")["last_event_seq"]?.intValue }

    func surgeLevel() -> String? { (try? get("/v1/surge"))?["level"]?.stringValue }

    /// Returns once every write queued before it is committed: the writer runs commands in
    /// order, and a surge level change is queued before the commit that caused it is answered.
    func settle() throws {
        #expect(try post("/v1/log", ["text": "Kontrollpunkt"]).status == 201)
    }

    /// Waits for the surge level that a commit queued (it is written after that commit).
    func waitForSurgeLevel(_ level: String) -> Bool { waitUntil { surgeLevel() == level } }
}

/// Request bodies: complete and valid, so each test names only what it is about.
enum Fixture {
    /// `base` with `changes` applied: a value replaces or adds a field, `null` removes it.
    static func merged(_ base: JSONValue, _ changes: JSONValue) -> JSONValue {
        var object = base.objectValue ?? JSONObject()
        for (key, value) in changes.objectValue ?? JSONObject() { object[key] = value.isNull ? nil : value }
        return .object(object)
    }

    /// An open transit facility with 200 places in Bjerke.
    static func facility(_ changes: JSONValue = [:]) -> JSONValue {
        merged(
            [
                "name": "Refstad transittmottak", "kind": "transit", "status": "open", "operator": "Hero Norge",
                "district": "bjerke", "authority": "UDI", "capacity": 200,
            ], changes)
    }

    static let override: JSONValue = ["reason": "Regjeringens beslutning om midlertidig utvidelse"]
}

extension RawClient.Response {
    var details: JSONValue? { json["error"]?["details"] }
    var field: String? { details?["field"]?.stringValue }
    var message: String? { json["error"]?["message"]?.stringValue }
}

/// Checks an error answer: the status, the code and, when given, the field it names.
func expectError(
    _ response: RawClient.Response, _ status: Int, _ code: String, field: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.errorCode == code, sourceLocation: sourceLocation)
    if let field { #expect(response.field == field, "\(response.text)", sourceLocation: sourceLocation) }
}

extension DaemonHarness {
    /// The manual clock's time plus `minutes`, as an `at` field.
    func time(minutes: Int64) -> JSONValue { .string(clock.now().adding(milliseconds: minutes * 60_000).rfc3339) }

    func advance(hours: Int64) { clock.advance(seconds: hours * 3600) }
}

/// A daemon that can be stopped and started again on the same state directory.
///
/// The harness's own daemon owns the harness's directory until the harness goes away, so
/// this one runs in a subdirectory of it, with the harness's configuration, clock and
/// identities; the harness removes everything when it goes.
final class RestartableDaemon {
    let harness: DaemonHarness
    private let configuration: DaemonConfiguration
    private(set) var daemon: RunningDaemon?

    init(configure: (inout DaemonConfiguration) -> Void = { _ in }) throws {
        var captured = DaemonConfiguration()
        harness = try DaemonHarness { configuration in
            configure(&configuration)
            captured = configuration
        }
        captured.state.directory = (harness.directory as NSString).appendingPathComponent("restarted")
        configuration = captured
        try start()
    }

    deinit { stop() }

    func start() throws {
        daemon = try RunningDaemon(
            configuration: configuration, configurationFile: nil, environment: [:], clock: harness.clock,
            identityResolver: harness.identities)
    }

    func stop() {
        daemon?.stop()
        daemon = nil
    }

    func restart() throws {
        stop()
        try start()
    }

    func session(as identity: Identity = People.root) throws -> Session {
        try Session(socket: configuration.socketPath, identities: harness.identities, as: identity)
    }
}
