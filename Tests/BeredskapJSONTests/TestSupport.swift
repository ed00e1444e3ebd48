import BeredskapJSON

/// The syntax error `text` produces, or nil if it parses.
func syntaxError(_ text: String, _ options: JSONParseOptions = .strict) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), options)
}

func syntaxError(_ bytes: [UInt8], _ options: JSONParseOptions = .strict) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, options: options)
        return nil
    } catch {
        return error
    }
}

/// The field error decoding `json` as `T` produces, or nil if it decodes.
func fieldError<T: Decodable>(
    _ type: T.Type, _ json: String, decoder: JSONValueDecoder = JSONValueDecoder(), options: JSONParseOptions = .strict
) -> JSONFieldError? {
    do {
        _ = try decoder.decode(type, from: Array(json.utf8), options: options)
        return nil
    } catch {
        return error
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so generated cases are the same
/// on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
