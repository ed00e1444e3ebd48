import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Foundation

/// How a command prints: the language, colour, the chosen format, and local time.
///
/// Times for people are shown in the daemon's configured zone, not the machine's: an operator
/// on a laptop set to UTC and the coordination group reading the daemon's message must see the
/// same "08:20 CET". The zone is found when first needed (see `init`).
public final class Output {
    public enum Format: Sendable, Equatable { case human, json, csv }

    /// The width used when the output is not a terminal: wide enough never to truncate.
    public static let unlimitedWidth = 1 << 20

    public let language: Language
    public let style: TextStyle
    public let format: Format
    public let width: Int
    private let zoneSource: () -> String?
    private var resolvedCalendar: LocalCalendar?
    private let write: (String) -> Void
    private let writeError: (String) -> Void

    /// `zone` names the time zone when first needed: the CLI asks the daemon (from the
    /// `Beredskap-Time-Zone` of a response, or `GET /v1`); nil falls back to
    /// `LocalCalendar.defaultZoneIdentifier`, the daemon's default.
    public init(
        language: Language, style: TextStyle, format: Format, width: Int, zone: @escaping () -> String? = { nil },
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.language = language
        self.style = style
        self.format = format
        self.width = width
        zoneSource = zone
        self.write = write
        self.writeError = writeError
    }

    /// The same output with times in the zone `zone` names: for a command that talks to a
    /// daemon of its own (`beredskap demo`).
    func zoned(by zone: @escaping () -> String?) -> Output {
        Output(language: language, style: style, format: format, width: width, zone: zone, write: write, writeError: writeError)
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

    /// The calendar of the daemon's zone, found once.
    public var calendar: LocalCalendar {
        if let resolvedCalendar { return resolvedCalendar }
        let calendar = zoneSource().flatMap(LocalCalendar.init(identifier:))
            ?? LocalCalendar(identifier: LocalCalendar.defaultZoneIdentifier)
            ?? LocalCalendar(timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
        resolvedCalendar = calendar
        return calendar
    }

    /// An instant for people: local time in the daemon's zone, the zone marked.
    public func time(_ instant: Timestamp) -> String { calendar.dateTimeText(instant) }

    public func table(_ table: Table) { line(table.render(style: style)) }

    public func csv(header: [String], rows: [[String]]) { raw(CSV.render(header: header, rows: rows)) }
}
