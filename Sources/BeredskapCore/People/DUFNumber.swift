/// A person's DUF number: the 12-digit number UDI gives everyone it registers, and the one
/// identifier every agency (UDI, IMDi, the districts, the reception) shares for a person.
///
/// What is checked, and why only that: exactly 12 ASCII digits once spaces are removed
/// (people and letters write it grouped, `2016 12345678`), and the first four digits a year
/// from 1900 through 2100 — the number begins with the year of registration, so a number
/// outside that range is a typing slip (a dropped or swapped digit at the front). UDI
/// publishes no checksum, so none is checked: a made-up one would reject real numbers.
public struct DUFNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 12 digits, without spaces: the form stored, compared and sent.
    public let digits: String

    /// The years a registration year may be.
    static let plausibleYears = 1900...2100

    /// Parses a number as a person types it; nil unless it is 12 digits starting with a
    /// plausible year.
    public init?(parsing text: String) {
        let bytes = text.utf8.filter { $0 != UInt8(ascii: " ") }
        guard bytes.count == 12, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        let year = bytes.prefix(4).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard Self.plausibleYears.contains(year) else { return nil }
        digits = String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { digits }
}

extension DUFNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let number = DUFNumber(parsing: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a DUF number: 12 digits starting with the registration year, such as 201612345678")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
