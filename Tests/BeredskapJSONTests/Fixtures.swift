import BeredskapJSON

// Types shaped like the daemon's configuration and API bodies.

enum Level: String, JSONStringEnum {
    case normal, elevated, high, crisis
}

enum Permission: String, JSONStringEnum {
    case read, operate, cases, admin
}

struct Role: Codable, Equatable {
    var groups: [String]
    var permissions: [Permission]
}

struct Access: Codable, Equatable {
    var roles: [String: Role]
}

struct Facility: Codable, Equatable {
    var id: String
    var capacity: Int
    var expansionCapacity: Int?

    init(id: String, capacity: Int, expansionCapacity: Int? = nil) {
        self.id = id
        self.capacity = capacity
        self.expansionCapacity = expansionCapacity
    }

    enum CodingKeys: String, CodingKey {
        case id, capacity, expansionCapacity
    }

    /// Domain validation in `init(from:)`, the way the daemon's config types do it.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        capacity = try container.decode(Int.self, forKey: .capacity)
        expansionCapacity = try container.decodeIfPresent(Int.self, forKey: .expansionCapacity)
        guard capacity <= 1000 else {
            throw container.invalid("must be at most 1000", forKey: .capacity)
        }
        if let expansionCapacity, expansionCapacity < 0 {
            throw DecodingError.dataCorruptedError(forKey: .expansionCapacity, in: container, debugDescription: "must not be negative")
        }
        guard !id.isEmpty else {
            throw JSONFieldError.invalid("must have a non-empty id", at: decoder)
        }
    }
}

struct Config: Codable, Equatable {
    var socket: String
    var surgeLevel: Level
    var access: Access
    var facilities: [Facility]
    var thresholds: [String: Double]?
}

struct Event: Codable, Equatable {
    var eventSeq: Int64
    var type: String
    var data: JSONValue
    var uptimeS: Double?
    var minor15To17: Int?
}

struct AllScalars: Codable, Equatable {
    var bool: Bool
    var string: String
    var double: Double
    var float: Float
    var int: Int
    var int8: Int8
    var int16: Int16
    var int32: Int32
    var int64: Int64
    var uint: UInt
    var uint8: UInt8
    var uint16: UInt16
    var uint32: UInt32
    var uint64: UInt64
}

struct OptionalScalars: Codable, Equatable {
    var bool: Bool?
    var string: String?
    var double: Double?
    var float: Float?
    var int: Int?
    var int8: Int8?
    var int16: Int16?
    var int32: Int32?
    var int64: Int64?
    var uint: UInt?
    var uint8: UInt8?
    var uint16: UInt16?
    var uint32: UInt32?
    var uint64: UInt64?
    var nested: Facility?
}
