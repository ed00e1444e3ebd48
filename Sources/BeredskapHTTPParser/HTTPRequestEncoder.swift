/// Encodes HTTP/1.1 requests, for the CLI client and tests.
///
/// Like the response encoder it owns the framing: Content-Length is set from the body (always
/// for POST, PUT and PATCH, so an empty body is explicit rather than "until close" to a
/// strict server), Transfer-Encoding is removed, and a Host is added when missing because
/// HTTP/1.1 requires one and the daemon rejects requests without it.
public struct HTTPRequestEncoder {
    /// The Host sent when the caller gives none; over a Unix socket the name carries no meaning.
    public static let defaultHost = "localhost"

    /// The method should be a token; other characters are dropped. Target bytes that cannot
    /// appear on the wire (space, controls, non-ASCII) are percent-encoded; an already valid
    /// target is unchanged.
    public static func encode(method: String, target: String, headers: HTTPHeaders, body: [UInt8]) -> [UInt8] {
        let method = String(decoding: method.utf8.filter(\.isTokenChar), as: UTF8.self)
        var headers = headers
        if !headers.contains("Host") { headers.add("Host", defaultHost) }
        headers.remove("Transfer-Encoding")
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            headers.replaceOrAdd("Content-Length", String(body.count))
        } else {
            headers.remove("Content-Length")
        }
        var writer = MessageHeadWriter(startLine: "\(method) \(wireTarget(target)) HTTP/1.1")
        writer.write(headers)
        return writer.finish(body: body)
    }

    private static func wireTarget(_ target: String) -> String {
        var encoded = ""
        for byte in target.utf8 {
            if byte.isVisibleASCII {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded.isEmpty ? "/" : encoded
    }
}
