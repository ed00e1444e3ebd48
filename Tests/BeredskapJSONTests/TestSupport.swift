import BeredskapTestSupport
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

