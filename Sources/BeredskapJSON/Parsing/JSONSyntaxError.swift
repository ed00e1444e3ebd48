/// A document that is not well-formed JSON (or JSON5), with the place it went wrong.
///
/// Why line and column: Foundation's JSON5 errors carry none, and a person fixing a config
/// file needs to know where to look. They are computed only when an error is thrown, so
/// the success path pays nothing for them.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars from the start of the
/// line (a tab counts as one). Lines end at LF, CR or CRLF. `offset` is the 0-based byte
/// offset into the UTF-8 input (a leading byte-order mark included).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int
    /// What was wrong, e.g. "expected ',' or '}' after an object member".
    public var message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    /// "line 3, column 5: expected ',' or '}' after an object member"
    public var description: String {
        "line \(line), column \(column): \(message)"
    }

    /// Locates `offset` within `input`.
    init(message: String, offset: Int, in input: UnsafeBufferPointer<UInt8>) {
        let end = min(max(offset, 0), input.count)
        var line = 1
        var column = 1
        var position = UTF8Validation.startsWithByteOrderMark(input) ? 3 : 0
        while position < end {
            let byte = input[position]
            if byte == .lineFeed || (byte == .carriageReturn && !(position + 1 < input.count && input[position + 1] == .lineFeed)) {
                line += 1
                column = 1
            } else if byte != .carriageReturn && !UTF8.isContinuation(byte) {
                column += 1
            }
            position += 1
        }
        self.init(line: line, column: column, offset: offset, message: message)
    }
}
