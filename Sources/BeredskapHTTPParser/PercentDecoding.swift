/// Percent-decoding (RFC 3986 §2.1) of one path segment or query component.
///
/// Decoding happens per component *after* splitting, so an encoded delimiter (`%2F`, `%26`, `%3D`)
/// stays data inside its component instead of changing the structure. The result must be UTF-8
/// and free of control characters: a decoded NUL or newline is never a legitimate identifier and
/// would only travel on into logs, SQL parameters or file names.
enum PercentDecoding {
    /// Returns nil for a malformed escape, invalid UTF-8 or a control character.
    /// - Parameter plusIsSpace: `application/x-www-form-urlencoded` rules, used for query strings.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, plusIsSpace: Bool) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case ASCII.percent:
                guard index != bytes.endIndex, let high = bytes[index].hexDigitValue else { return nil }
                index = bytes.index(after: index)
                guard index != bytes.endIndex, let low = bytes[index].hexDigitValue else { return nil }
                index = bytes.index(after: index)
                decoded.append(UInt8(high << 4 | low))
            case ASCII.plus where plusIsSpace:
                decoded.append(ASCII.space)
            default:
                decoded.append(byte)
            }
        }
        guard !decoded.contains(where: { $0 < 0x20 || $0 == ASCII.delete }) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }
}
