/// A parsed JSON document, or one about to be written.
///
/// Why integers and doubles are separate cases: event sequence numbers, counts and ids
/// must survive a round trip exactly, which a single `Double` cannot promise past 2^53.
/// The parser yields `.integer` for literals without fraction or exponent that fit in
/// `Int64`, and `.double` for everything else.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, or a double that is exactly integral and within `Int64`.
    public var intValue: Int64? {
        switch self {
        case .integer(let value): value
        case .double(let value): Self.exactInteger(value)
        default: nil
        }
    }

    /// Any number as a `Double` (large integers may round).
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// `Int64(exactly:)` without its libm dependency (`trunc`), which this target does not
    /// link: in range, the truncating conversion is one instruction.
    private static func exactInteger(_ value: Double) -> Int64? {
        guard value >= -0x1p63 && value < 0x1p63 else {
            return nil
        }
        let integer = Int64(value)
        return Double(integer) == value ? integer : nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { value } else { nil }
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The member `key` when this is an object that has it; nil otherwise.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }
}
