/// Serialises a start line and header fields for the encoders.
///
/// The encoders cannot fail, so this is where a bad name or value from calling code is made
/// harmless: a field whose name is not a token is dropped, and CR, LF, NUL and other controls in
/// a value become spaces. Otherwise a value built from user input could end the head early and
/// inject fields or a whole second response (response splitting).
struct MessageHeadWriter {
    private(set) var bytes: [UInt8] = []

    init(startLine: String) {
        bytes.append(contentsOf: startLine.utf8)
        bytes.append(contentsOf: ASCII.crlf)
    }

    mutating func write(_ headers: HTTPHeaders) {
        for (name, value) in headers where name.utf8.isToken {
            bytes.append(contentsOf: name.utf8)
            bytes.append(ASCII.colon)
            bytes.append(ASCII.space)
            bytes.append(contentsOf: value.utf8.map { $0.isForbiddenControl ? ASCII.space : $0 }.trimmingHorizontalSpace())
            bytes.append(contentsOf: ASCII.crlf)
        }
    }

    /// Ends the head and appends the body.
    mutating func finish(body: [UInt8] = []) -> [UInt8] {
        bytes.append(contentsOf: ASCII.crlf)
        bytes.append(contentsOf: body)
        return bytes
    }
}
