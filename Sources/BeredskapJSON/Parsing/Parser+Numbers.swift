// Number literals: RFC 8259 numbers, plus JSON5's sign, hex, bare decimal points,
// Infinity and NaN.

extension Parser {
    /// Integers without fraction or exponent that fit in `Int64` become `.integer`; all
    /// other numbers become `.double`. A literal beyond `Double`'s range is an error rather
    /// than a silent infinity.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let sign = input[position]
        let negative = sign == .minus
        if sign == .minus || sign == .plus {
            position += 1
        }
        let hasSign = position > start
        if json5, let special = try parseJSON5SpecialNumber(negative: negative) {
            return special
        }

        let integerStart = position
        var magnitude: UInt64 = 0
        var overflowed = false
        if position < input.count && input[position] == .digitZero {
            position += 1
            if position < input.count && input[position].isDigit {
                throw error("leading zeros are not allowed", at: integerStart)
            }
        } else {
            while position < input.count, input[position].isDigit {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(input[position] - .digitZero))
                magnitude = sum
                overflowed = overflowed || overflow1 || overflow2
                position += 1
            }
        }
        let hasIntegerDigits = position > integerStart
        if !hasIntegerDigits && !(json5 && position < input.count && input[position] == .period) {
            let what = hasSign ? "after '\(Character(Unicode.Scalar(sign)))'" : "at the start of a number"
            throw error("expected a digit \(what), found \(describe(at: position))")
        }

        var isInteger = true
        if position < input.count && input[position] == .period {
            isInteger = false
            position += 1
            let fractionStart = position
            skipDigits()
            let fractionOptional = json5 && hasIntegerDigits
            if position == fractionStart && !fractionOptional {
                throw error("expected a digit after the decimal point, found \(describe(at: position))")
            }
        }
        if position < input.count && (input[position] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < input.count && (input[position] == .plus || input[position] == .minus) {
                position += 1
            }
            let exponentStart = position
            skipDigits()
            if position == exponentStart {
                throw error("expected a digit in the exponent, found \(describe(at: position))")
            }
        }

        if isInteger && !overflowed, let integer = Self.signed(magnitude, negative: negative) {
            return .integer(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number is too large", at: start)
        }
        return .double(value)
    }

    private mutating func skipDigits() {
        while position < input.count && input[position].isDigit {
            position += 1
        }
    }

    /// `Infinity`, `NaN` and hex integers (`0x1F`), after any sign; nil for anything else.
    private mutating func parseJSON5SpecialNumber(negative: Bool) throws(JSONSyntaxError) -> JSONValue? {
        guard position < input.count else {
            return nil
        }
        switch input[position] {
        case UInt8(ascii: "I"):
            try expectWord("Infinity")
            return .double(negative ? -.infinity : .infinity)
        case UInt8(ascii: "N"):
            try expectWord("NaN")
            return .double(.nan)
        case .digitZero where position + 1 < input.count && (input[position + 1] | 0x20) == UInt8(ascii: "x"):
            position += 2
            return try parseHexInteger(negative: negative)
        default:
            return nil
        }
    }

    /// Hex digits after `0x`. Values beyond `Int64` become (rounded) doubles, as large
    /// decimal integers do.
    private mutating func parseHexInteger(negative: Bool) throws(JSONSyntaxError) -> JSONValue {
        let digitsStart = position
        var magnitude: UInt64 = 0
        var approximate: Double = 0
        var overflowed = false
        while position < input.count, let digit = input[position].hexDigitValue {
            overflowed = overflowed || magnitude > UInt64.max >> 4
            magnitude = magnitude &<< 4 | UInt64(digit)
            approximate = approximate * 16 + Double(digit)
            position += 1
        }
        guard position > digitsStart else {
            throw error("expected a hex digit after '0x', found \(describe(at: position))")
        }
        if !overflowed, let integer = Self.signed(magnitude, negative: negative) {
            return .integer(integer)
        }
        guard approximate.isFinite else {
            throw error("number is too large", at: digitsStart)
        }
        return .double(negative ? -approximate : approximate)
    }

    /// Applies the sign to a magnitude, or nil when the result does not fit in `Int64`.
    private static func signed(_ magnitude: UInt64, negative: Bool) -> Int64? {
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
