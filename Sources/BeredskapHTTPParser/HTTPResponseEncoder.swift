/// Encodes responses as HTTP/1.1 bytes.
///
/// The encoder owns the framing headers (Content-Length, Transfer-Encoding) so that a handler can
/// never send a body whose framing disagrees with its headers: given values are replaced.
public enum HTTPResponseEncoder {
    /// Status line, headers and body, with Content-Length set to the body's size (replacing any
    /// given one). For 1xx, 204 and 304, which cannot have a body, no Content-Length is written
    /// and the body is dropped rather than corrupting the framing of the next response.
    public static func encode(_ head: HTTPResponseHead, body: [UInt8]) -> [UInt8] {
        var headers = head.headers
        headers.remove("Transfer-Encoding")
        if head.statusForbidsBody {
            headers.remove("Content-Length")
        } else {
            headers.replaceOrAdd("Content-Length", String(body.count))
        }
        var writer = MessageHeadWriter(startLine: statusLine(head))
        writer.write(headers)
        return writer.finish(body: head.statusForbidsBody ? [] : body)
    }

    /// Status line and headers with `Transfer-Encoding: chunked` (removing any Content-Length),
    /// for streamed bodies; follow with `encodeChunk` parts and `lastChunk`.
    public static func encodeChunkedHead(_ head: HTTPResponseHead) -> [UInt8] {
        var headers = head.headers
        headers.remove("Content-Length")
        if head.statusForbidsBody {
            headers.remove("Transfer-Encoding")
        } else {
            headers.replaceOrAdd("Transfer-Encoding", "chunked")
        }
        var writer = MessageHeadWriter(startLine: statusLine(head))
        writer.write(headers)
        return writer.finish()
    }

    /// One chunk. Empty input gives empty output: a zero-size chunk would end the body by accident.
    public static func encodeChunk(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        var chunk = Array(String(bytes.count, radix: 16).utf8)
        chunk.reserveCapacity(chunk.count + bytes.count + 4)
        chunk.append(contentsOf: ASCII.crlf)
        chunk.append(contentsOf: bytes)
        chunk.append(contentsOf: ASCII.crlf)
        return chunk
    }

    /// The terminating zero-size chunk with an empty trailer section.
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The interim response for a request with `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// A status outside 100...999 cannot be written as three digits; it is reported as 500.
    private static func statusLine(_ head: HTTPResponseHead) -> String {
        var head = head
        if !(100...999).contains(head.status) { head.status = 500 }
        return "HTTP/1.1 \(head.status) \(head.reasonPhrase)"
    }
}
