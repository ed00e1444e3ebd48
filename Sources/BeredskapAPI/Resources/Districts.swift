import BeredskapCore
import Foundation

/// `PUT /v1/districts/{id}`: the whole district; reference data left out is cleared.
public struct DistrictBody: Sendable, Codable, Equatable {
    public var number: Int
    public var name: String
    /// Population on 1 January, by year (`"2016": 51444`).
    public var population: [String: Int]?
    /// Percent, by year (`"2015": 34.3`).
    public var immigrantShare: [String: Double]?
    /// Refugees settled per 1000 inhabitants, by year (`"2014": 0.9`).
    public var refugeesPer1000: [String: Double]?
    public var contact: DistrictContact?
    public var minorsService: MinorsService?
    public var municipalHousingUnits: Int?

    public init(
        number: Int, name: String, population: [String: Int]? = nil, immigrantShare: [String: Double]? = nil,
        refugeesPer1000: [String: Double]? = nil, contact: DistrictContact? = nil, minorsService: MinorsService? = nil,
        municipalHousingUnits: Int? = nil
    ) {
        self.number = number
        self.name = name
        self.population = population
        self.immigrantShare = immigrantShare
        self.refugeesPer1000 = refugeesPer1000
        self.contact = contact
        self.minorsService = minorsService
        self.municipalHousingUnits = municipalHousingUnits
    }

    /// The body that stores `district` as it is.
    public init(_ district: District) {
        self.init(
            number: district.number, name: district.name, population: district.population,
            immigrantShare: district.immigrantShare, refugeesPer1000: district.refugeesPer1000, contact: district.contact,
            minorsService: district.minorsService, municipalHousingUnits: district.municipalHousingUnits)
    }
}

/// `GET /v1/districts`.
public struct DistrictList: Sendable, Codable, Equatable {
    public var districts: [District]

    public init(districts: [District]) { self.districts = districts }
}

/// A district after `PUT`: its fields, `changed` and `event_seq` (flat).
public struct DistrictChanged: FlatChange, Equatable {
    public var district: District
    public var changed: Bool
    public var eventSeq: Int64

    public init(district: District, changed: Bool, eventSeq: Int64) {
        self.district = district
        self.changed = changed
        self.eventSeq = eventSeq
    }

    public init(resource: District, changed: Bool, eventSeq: Int64) { self.init(district: resource, changed: changed, eventSeq: eventSeq) }

    public var resource: District { district }
}

/// The answer to a `PUT` of reference data: the resource's own fields with `changed` (false
/// when the PUT changed nothing and appended no event) and `event_seq` beside them, in one
/// flat object, so a script reads `.changed` and `.name` alike.
public protocol FlatChange: Sendable, Codable {
    associatedtype Resource: Codable
    var resource: Resource { get }
    var changed: Bool { get }
    var eventSeq: Int64 { get }
    init(resource: Resource, changed: Bool, eventSeq: Int64)
}

private enum FlatChangeKeys: String, CodingKey { case changed, eventSeq }

extension FlatChange {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FlatChangeKeys.self)
        self.init(
            resource: try Resource(from: decoder), changed: try container.decode(Bool.self, forKey: .changed),
            eventSeq: try container.decode(Int64.self, forKey: .eventSeq))
    }

    public func encode(to encoder: any Encoder) throws {
        try resource.encode(to: encoder)
        var container = encoder.container(keyedBy: FlatChangeKeys.self)
        try container.encode(changed, forKey: .changed)
        try container.encode(eventSeq, forKey: .eventSeq)
    }
}

extension DistrictBody {
    /// The district this body declares, with names and contact details trimmed: what the daemon
    /// stores, and what `beredskap seed` compares with the district it has before sending.
    public func district(id: String) -> District {
        func clean(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespaces)
            return trimmed?.isEmpty == true ? nil : trimmed
        }
        return District(
            id: id, number: number, name: name.trimmingCharacters(in: .whitespaces),
            population: population ?? [:], immigrantShare: immigrantShare ?? [:], refugeesPer1000: refugeesPer1000 ?? [:],
            contact: contact.map { DistrictContact(name: $0.name.trimmingCharacters(in: .whitespaces), email: clean($0.email), phone: clean($0.phone)) },
            minorsService: minorsService, municipalHousingUnits: municipalHousingUnits)
    }
}
