import BeredskapCore
import BeredskapJSON
import Foundation

// Decoding with defaults: a missing key keeps the default shown in Config/beredskap.json5;
// a present key must be valid. Range problems are thrown as DecodingErrors at the key, so
// the message names the exact field (`http.max_connections: expected an integer between …`).

extension KeyedDecodingContainer {
    /// A non-empty directory path (`state.directory`, `playbooks.directory`).
    func directory(_ key: Key, default fallback: String) throws -> String {
        let directory = try value(key, default: fallback)
        if directory.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be empty")
        }
        return directory
    }

    /// The value at `key`, or `fallback` when the key is absent.
    func value<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        contains(key) ? try decode(T.self, forKey: key) : fallback
    }

    /// An integer at `key` within `range`, or `fallback` when absent.
    func integer(_ key: Key, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        let number = try value(key, default: fallback)
        guard range.contains(number) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "expected an integer between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    /// A fixed duration at `key` of at least `minimum`, or `fallback` when absent.
    func duration(_ key: Key, default fallback: FixedDuration, atLeast minimum: FixedDuration, why: String = "")
        throws -> FixedDuration
    {
        let duration = try value(key, default: fallback)
        guard duration >= minimum else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "must be at least \(minimum)\(why)")
        }
        return duration
    }

    /// A list of non-empty names (users, groups).
    func names(_ key: Key) throws -> [String] {
        let names = try value(key, default: [String]())
        if names.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "names must not be empty")
        }
        return names
    }
}

extension DaemonConfiguration: Decodable {
    /// The daemon's own sections; each feature's follow (`Features.configurationSections`).
    private enum CodingKeys: String, CodingKey { case state, socket, timeZone, http, store, events, shutdown, access }

    public init(from decoder: any Decoder) throws {
        let defaults = DaemonConfiguration()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.value(.state, default: defaults.state)
        socket = try container.value(.socket, default: defaults.socket)
        timeZone = try container.value(.timeZone, default: defaults.timeZone)
        guard TimeZone(identifier: timeZone) != nil else {
            throw DecodingError.dataCorruptedError(
                forKey: .timeZone, in: container,
                debugDescription: "unknown time zone (expected an IANA name such as Europe/Oslo)")
        }
        http = try container.value(.http, default: defaults.http)
        store = try container.value(.store, default: defaults.store)
        events = try container.value(.events, default: defaults.events)
        shutdown = try container.value(.shutdown, default: defaults.shutdown)
        access = try container.value(.access, default: defaults.access)
        // A second container on the same object: an unknown key is still one no container
        // asked for, and the error lists the daemon's sections, then the features'.
        let features = try decoder.container(keyedBy: AnyKey.self)
        for section in Features.configurationSections { try section.read(features, &self) }
    }
}

extension DaemonConfiguration.State: Decodable {
    private enum CodingKeys: String, CodingKey { case directory }

    public init(from decoder: any Decoder) throws {
        directory = try decoder.container(keyedBy: CodingKeys.self).directory(.directory, default: Self().directory)
    }
}

extension DaemonConfiguration.Socket: Decodable {
    private enum CodingKeys: String, CodingKey { case path, mode, group }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        if path?.isEmpty == true {
            throw DecodingError.dataCorruptedError(
                forKey: .path, in: container, debugDescription: "must not be empty (use null for the default)")
        }
        if let modeText = try container.decodeIfPresent(String.self, forKey: .mode) {
            guard modeText.count <= 4, let parsed = UInt32(modeText, radix: 8), parsed <= 0o777 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .mode, in: container, debugDescription: "expected an octal mode such as \"0660\"")
            }
            mode = parsed
        }
        group = try container.decodeIfPresent(String.self, forKey: .group)
        if group?.isEmpty == true {
            throw DecodingError.dataCorruptedError(
                forKey: .group, in: container, debugDescription: "must not be empty (use null for the default)")
        }
    }
}

extension DaemonConfiguration.HTTP: Decodable {
    private enum CodingKeys: String, CodingKey {
        case maxRequestLineBytes, maxHeaderLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, maxConnections
        case requestTimeout, idleTimeout, writeTimeout, eventLoops, readWorkers
    }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxRequestLineBytes = try container.integer(.maxRequestLineBytes, default: defaults.maxRequestLineBytes, in: 256...1 << 20)
        maxHeaderLineBytes = try container.integer(.maxHeaderLineBytes, default: defaults.maxHeaderLineBytes, in: 256...1 << 20)
        maxHeaderBytes = try container.integer(.maxHeaderBytes, default: defaults.maxHeaderBytes, in: 1024...16 << 20)
        maxHeaderCount = try container.integer(.maxHeaderCount, default: defaults.maxHeaderCount, in: 8...10_000)
        maxBodyBytes = try container.integer(.maxBodyBytes, default: defaults.maxBodyBytes, in: 1024...256 << 20)
        maxConnections = try container.integer(.maxConnections, default: defaults.maxConnections, in: 1...65_536)
        let second = FixedDuration.seconds(1)
        requestTimeout = try container.duration(.requestTimeout, default: defaults.requestTimeout, atLeast: second)
        idleTimeout = try container.duration(.idleTimeout, default: defaults.idleTimeout, atLeast: second)
        writeTimeout = try container.duration(.writeTimeout, default: defaults.writeTimeout, atLeast: second)
        eventLoops = try container.integer(.eventLoops, default: defaults.eventLoops, in: 0...256)
        readWorkers = try container.integer(.readWorkers, default: defaults.readWorkers, in: 1...64)
    }
}

extension DaemonConfiguration.Store: Decodable {
    private enum CodingKeys: String, CodingKey { case busyTimeout, idempotencyRetention }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        busyTimeout = try container.duration(.busyTimeout, default: defaults.busyTimeout, atLeast: FixedDuration(milliseconds: 100))
        idempotencyRetention = try container.duration(
            .idempotencyRetention, default: defaults.idempotencyRetention, atLeast: .seconds(24 * 3600),
            why: " (the API promises to keep idempotency keys 24 hours)")
    }
}

extension DaemonConfiguration.Events: Decodable {
    private enum CodingKeys: String, CodingKey { case heartbeatInterval }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        heartbeatInterval = try container.duration(
            .heartbeatInterval, default: Self().heartbeatInterval, atLeast: FixedDuration(milliseconds: 100))
    }
}

extension DaemonConfiguration.Shutdown: Decodable {
    private enum CodingKeys: String, CodingKey { case gracePeriod }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gracePeriod = try container.duration(.gracePeriod, default: Self().gracePeriod, atLeast: FixedDuration(milliseconds: 0))
    }
}

extension DaemonConfiguration.Access: Decodable {
    private enum CodingKeys: String, CodingKey { case roles }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roles = try container.value(.roles, default: [:])
    }
}

extension DaemonConfiguration.Role: Decodable {
    private enum CodingKeys: String, CodingKey { case permissions, users, groups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        permissions = try container.value(.permissions, default: [])
        users = try container.names(.users)
        groups = try container.names(.groups)
    }
}
