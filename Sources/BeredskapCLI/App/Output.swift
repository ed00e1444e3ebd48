import BeredskapCore
import BeredskapJSON
import Foundation

/// How a command prints: the language, colour, the chosen format, and local time.
public final class Output {
    public enum Format: Sendable, Equatable { case human, json, csv }

    /// The width used when the output is not a terminal: wide enough never to truncate.
    public static let unlimitedWidth = 1 << 20

    public let language: Language
    public let style: TextStyle
    public let format: Format
    public let width: Int
    let calendar: LocalCalendar
    private let write: (String) -> Void
    private let writeError: (String) -> Void

    public init(
        language: Language, style: TextStyle, format: Format, width: Int, timeZone: TimeZone = .current,
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.language = language
        self.style = style
        self.format = format
        self.width = width
        calendar = LocalCalendar(timeZone: timeZone)
        self.write = write
        self.writeError = writeError
    }

    public func line(_ text: String) { write(text + "\n") }
    public func raw(_ text: String) { write(text) }
    public func error(_ text: String) { writeError(text + "\n") }

    public func line(_ text: Text) { line(text(language)) }

    /// Bytes from the daemon, printed as they are (with a newline).
    public func json(_ bytes: [UInt8]) { line(String(decoding: bytes, as: UTF8.self)) }

    /// Any value as pretty JSON.
    public func json(_ value: some Encodable) {
        if let bytes = try? JSONValueEncoder().encodeBytes(value, pretty: true) { json(bytes) }
    }

    public func time(_ instant: Timestamp) -> String { calendar.dateTimeText(instant) }

    public func table(_ table: Table) { line(table.render(style: style)) }

    public func csv(header: [String], rows: [[String]]) { raw(CSV.render(header: header, rows: rows)) }
}
