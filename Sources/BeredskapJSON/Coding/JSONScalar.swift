/// The Swift types that map to a single JSON scalar, with their conversions in one place.
///
/// Why: keyed, unkeyed and single-value containers each need the same fourteen
/// conversions (and the same error wording); routing them through one protocol keeps the
/// wording consistent and the containers to one line per overload.
protocol JSONScalar: Codable {
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> Self
    func box() throws(ScalarMismatch) -> JSONValue
}

/// Why a scalar conversion failed, without a location; the container adds the path.
struct ScalarMismatch: Error {
    let problem: String

    static let null = ScalarMismatch(problem: "must not be null")

    static func expected(_ expectation: String, got value: JSONValue) -> ScalarMismatch {
        value.isNull ? .null : ScalarMismatch(problem: expectation)
    }
}

extension Bool: JSONScalar {
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> Bool {
        guard case .bool(let flag) = value else {
            throw .expected("expected true or false", got: value)
        }
        return flag
    }

    func box() -> JSONValue { .bool(self) }
}

extension String: JSONScalar {
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> String {
        guard case .string(let string) = value else {
            throw .expected("expected a string", got: value)
        }
        return string
    }

    func box() -> JSONValue { .string(self) }
}

extension Double: JSONScalar {
    /// Integers are accepted: `5` is a fine value for a `Double` field.
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> Double {
        switch value {
        case .double(let double): return double
        case .integer(let integer): return Double(integer)
        default: throw .expected("expected a number", got: value)
        }
    }

    /// Refuses NaN and infinities: JSON cannot hold them, and writing `null` would lose the
    /// value silently.
    func box() throws(ScalarMismatch) -> JSONValue {
        guard isFinite else {
            throw ScalarMismatch(problem: "cannot encode \(self): JSON has no NaN or infinity")
        }
        return .double(self)
    }
}

extension Float: JSONScalar {
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> Float {
        let double = try Double.unbox(value)
        let float = Float(double)
        guard float.isFinite || !double.isFinite else {
            throw ScalarMismatch(problem: "expected a number between \(-Float.greatestFiniteMagnitude) and \(Float.greatestFiniteMagnitude)")
        }
        return float
    }

    /// Goes through the shortest decimal form so `Float(0.1)` is written `0.1`, not
    /// `0.10000000149011612`.
    func box() throws(ScalarMismatch) -> JSONValue {
        try (Double("\(self)") ?? Double(self)).box()
    }
}

/// Integer fields need a JSON integer literal: `1.5`, `1.0` and `1e3` are all refused,
/// because a fraction or exponent in an integer field is far more likely a mistake than
/// intent. JSON integers are `Int64`, so `UInt64` and `UInt` hold at most `Int64.max`.
extension JSONScalar where Self: FixedWidthInteger {
    static func unbox(_ value: JSONValue) throws(ScalarMismatch) -> Self {
        switch value {
        case .integer(let integer):
            guard let converted = Self(exactly: integer) else {
                throw rangeMismatch
            }
            return converted
        case .double(let double) where double.magnitude >= 0x1p63:
            // Every double this large is integral: a whole number, just out of range.
            throw rangeMismatch
        default:
            throw .expected("expected an integer", got: value)
        }
    }

    func box() throws(ScalarMismatch) -> JSONValue {
        guard let integer = Int64(exactly: self) else {
            throw ScalarMismatch(problem: "cannot encode \(self): JSON integers must fit in Int64")
        }
        return .integer(integer)
    }

    private static var rangeMismatch: ScalarMismatch {
        ScalarMismatch(problem: "expected an integer between \(Int64(clamping: Self.min)) and \(Int64(clamping: Self.max))")
    }
}

extension Int: JSONScalar {}
extension Int8: JSONScalar {}
extension Int16: JSONScalar {}
extension Int32: JSONScalar {}
extension Int64: JSONScalar {}
extension UInt: JSONScalar {}
extension UInt8: JSONScalar {}
extension UInt16: JSONScalar {}
extension UInt32: JSONScalar {}
extension UInt64: JSONScalar {}
