import BeredskapCore

/// `PUT /v1/districts/{id}`.
public struct DistrictBody: Sendable, Codable, Equatable {
    public var number: Int
    public var name: String
    /// Population on 1 January, by year (`"2016": 51444`).
    public var population: [String: Int]?

    public init(number: Int, name: String, population: [String: Int]? = nil) {
        self.number = number
        self.name = name
        self.population = population
    }
}

/// `GET /v1/districts`.
public struct DistrictList: Sendable, Codable, Equatable {
    public var districts: [District]

    public init(districts: [District]) { self.districts = districts }
}

/// A district after `PUT`: its fields, `changed` and `event_seq` (flat).
public struct DistrictChanged: Sendable, Codable, Equatable {
    public var district: District
    public var changed: Bool
    public var eventSeq: Int64

    public init(district: District, changed: Bool, eventSeq: Int64) {
        self.district = district
        self.changed = changed
        self.eventSeq = eventSeq
    }

    private enum CodingKeys: String, CodingKey { case changed, eventSeq }

    public init(from decoder: any Decoder) throws {
        district = try District(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changed = try container.decode(Bool.self, forKey: .changed)
        eventSeq = try container.decode(Int64.self, forKey: .eventSeq)
    }

    public func encode(to encoder: any Encoder) throws {
        try district.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changed, forKey: .changed)
        try container.encode(eventSeq, forKey: .eventSeq)
    }
}
