/// A string-valued enum whose decoding errors list the accepted values.
///
/// Why: the standard library's `RawRepresentable` decoding fails with "Cannot initialize
/// Level from invalid String value extreme", which means nothing to the person who wrote
/// the config file. Conforming — `enum Level: String, JSONStringEnum { case normal, … }` —
/// is enough to get `expected one of: normal, elevated, high, crisis` instead; this
/// protocol's `init(from:)` is more specific than the standard library's, so it wins
/// without any code in the enum.
public protocol JSONStringEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension JSONStringEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            throw DecodingError.valueNotFound(
                Self.self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "must not be null"))
        }
        guard let raw = try? container.decode(String.self), let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.expectedValues)
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// "expected one of: normal, elevated, high, crisis"
    public static var expectedValues: String {
        "expected one of: " + allCases.map(\.rawValue).joined(separator: ", ")
    }
}
