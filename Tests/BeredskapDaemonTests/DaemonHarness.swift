import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import Foundation
import Synchronization

@testable import BeredskapDaemon

/// Reports whichever identity the test says, whatever the kernel says.
final class FakeIdentityResolver: IdentityResolver {
    private let current = Mutex(People.root)

    func resolve(_ peer: PeerCredentials) -> Identity { current.withLock { $0 } }
    func set(_ identity: Identity) { current.withLock { $0 = identity } }
}

/// A real daemon in a temporary directory, in this process, with a fake identity resolver.
final class DaemonHarness {
    let directory: String
    let daemon: RunningDaemon
    let identities = FakeIdentityResolver()
    let clock: ManualWallClock

    /// - Parameter routes: served beside the API's own.
    init(routes: [Route] = [], configure: (inout DaemonConfiguration) -> Void = { _ in }) throws {
        directory = "/tmp/bd-\(UUID().uuidString.prefix(8))"
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        configuration.http.eventLoops = 2
        configuration.shutdown.gracePeriod = .seconds(2)
        // No action cards unless a test brings its own: the shipped ones would start runs
        // (and send notifications) in tests about something else.
        configuration.playbooks.directory = directory + "/playbooks"
        configure(&configuration)
        clock = ManualWallClock(Timestamp(rfc3339: "2026-11-22T09:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0))
        DaemonLog.setQuiet(true)
        daemon = try RunningDaemon(
            configuration: configuration, configurationFile: nil, environment: [:], clock: clock,
            identityResolver: identities, additionalRoutes: routes)
    }

    deinit {
        daemon.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var socketPath: String { daemon.socketPath }

    /// Opens a connection as `identity` (identity is fixed when the connection is accepted).
    func connect(as identity: Identity = People.root) throws -> RawClient {
        identities.set(identity)
        let client = try RawClient(path: socketPath)
        // The session is opened when the loop registers the socket: make a request to be sure.
        return client
    }
}

/// Raw HTTP over the socket: what any script could send.
final class RawClient {
    let connection: UnixSocketConnection

    init(path: String) throws {
        connection = try UnixSocketConnection(path: path)
    }

    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]

        var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
        var text: String { String(decoding: body, as: UTF8.self) }
        var errorCode: String? { json["error"]?["code"]?.stringValue }
    }

    func request(
        _ method: String, _ target: String, json: String? = nil, headers: [(String, String)] = []
    ) throws -> Response {
        var fields: HTTPHeaders = ["Host": "beredskap"]
        if json != nil { fields.add("Content-Type", "application/json") }
        for (name, value) in headers { fields.add(name, value) }
        try connection.send(
            HTTPRequestEncoder.encode(method: method, target: target, headers: fields, body: Array((json ?? "").utf8)),
            timeout: 10)
        return try readResponse()
    }

    func send(raw: String) throws { try connection.send(Array(raw.utf8), timeout: 10) }

    func readResponse() throws -> Response {
        var response = Response(status: 0, headers: [:], body: [])
        while true {
            switch try connection.nextEvent(timeout: 10) {
            case .head(let head):
                response.status = head.status
                response.headers = head.headers
            case .body(let bytes): response.body += bytes
            case .end: return response
            default: continue
            }
        }
    }
}
