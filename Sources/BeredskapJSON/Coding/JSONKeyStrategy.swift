/// How Swift property names map to JSON member names.
///
/// Why snake_case by default: the API and configuration files use `snake_case`
/// (`expansion_capacity`, `event_seq`) while Swift uses `camelCase`; converting in one
/// place keeps every type's `CodingKeys` free of hand-written spellings.
///
/// The `convertSnakeCase` rule, Swift → JSON, is deliberately mechanical so that it can
/// be inverted exactly:
/// - every uppercase ASCII letter becomes `_` plus its lowercase form, except at the very
///   start or right after an `_` (`expansionCapacity` → `expansion_capacity`,
///   `uptimeS` → `uptime_s`);
/// - a run of digits that follows a letter gets an `_` before it
///   (`minor15To17` → `minor_15_to_17`, `ipv4` → `ipv_4`);
/// - everything else is copied.
///
/// Acronyms are not special: `userID` becomes `user_i_d`, so name such properties
/// `userId`. Raw values of explicit `CodingKeys` are converted too; a raw value that is
/// already lowercase snake_case passes through unchanged unless it has a digit right after
/// a letter (`"utf8"` → `"utf_8"`). A type that needs an exact JSON name the rule cannot
/// produce should be decoded with `useDefaultKeys`.
///
/// JSON → Swift (used for `allKeys`) removes an `_` that precedes a lowercase letter
/// (uppercasing it) or a digit that follows a letter; leading and repeated underscores are
/// kept. Lookups of declared keys convert the Swift name, so only exact snake_case
/// spellings match: `"eventSeq"` in JSON is not `eventSeq`.
public enum JSONKeyStrategy: Sendable {
    case useDefaultKeys
    case convertSnakeCase

    /// The JSON member name for a Swift coding key.
    public func jsonKey(for swiftKey: String) -> String {
        switch self {
        case .useDefaultKeys: swiftKey
        case .convertSnakeCase: Self.snakeCased(swiftKey)
        }
    }

    /// The Swift coding key for a JSON member name (the inverse of `jsonKey(for:)`).
    public func swiftKey(for jsonKey: String) -> String {
        switch self {
        case .useDefaultKeys: jsonKey
        case .convertSnakeCase: Self.camelCased(jsonKey)
        }
    }

    private static let underscore = UInt8(ascii: "_")

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isLowercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// Whether `snakeCased(name)` differs from `name` (checked without allocating).
    static func snakeCaseChanges(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if isUppercase(byte) || (byte.isDigit && previous.isASCIILetter) {
                return true
            }
            previous = byte
        }
        return false
    }

    static func snakeCased(_ name: String) -> String {
        guard snakeCaseChanges(name) else {
            return name
        }
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count + 4)
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if isUppercase(byte) {
                if !output.isEmpty && previous != underscore {
                    output.append(underscore)
                }
                output.append(byte | 0x20)
            } else {
                if byte.isDigit && previous.isASCIILetter {
                    output.append(underscore)
                }
                output.append(byte)
            }
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func camelCased(_ name: String) -> String {
        guard name.utf8.contains(underscore) else {
            return name
        }
        let input = Array(name.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var position = 0
        while position < input.count {
            let byte = input[position]
            if byte == underscore, position + 1 < input.count, let last = output.last, last != underscore {
                let next = input[position + 1]
                if isLowercase(next) {
                    output.append(next & ~0x20)
                    position += 2
                    continue
                }
                if next.isDigit && last.isASCIILetter {
                    output.append(next)
                    position += 2
                    continue
                }
            }
            output.append(byte)
            position += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
