/// On the wire a birth is `{"date": "2012-03-04"}` when the day is known, or
/// `{"year": 2012, "estimated": true}` when only an estimated year is: the flag is spelled
/// out so that nobody reads an estimate as a fact.
extension PersonBirth: Codable {
    private enum CodingKeys: String, CodingKey { case date, year, estimated }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let date = try container.decodeIfPresent(CalendarDate.self, forKey: .date)
        let year = try container.decodeIfPresent(Int.self, forKey: .year)
        let estimated = try container.decodeIfPresent(Bool.self, forKey: .estimated)
        switch (date, year) {
        case (let date?, nil) where estimated != true:
            self = .date(date)
        case (nil, let year?) where estimated != false:
            self = .estimatedYear(year)
        case (nil, _?):
            throw DecodingError.dataCorruptedError(
                forKey: .estimated, in: container, debugDescription: "a year alone is an estimate: give the date when it is known")
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .date, in: container, debugDescription: "give either the date or an estimated year")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .date(let date): try container.encode(date, forKey: .date)
        case .estimatedYear(let year): try container.encode(year, forKey: .year)
        }
        try container.encode(estimated, forKey: .estimated)
    }
}
