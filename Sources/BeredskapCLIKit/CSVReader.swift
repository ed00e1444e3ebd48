/// Reads CSV as spreadsheets export it, for seed data and imports.
///
/// Norwegian Excel writes ";" (the comma is the decimal mark) and a UTF-8 byte order mark, other
/// tools write ","; the reader accepts both without being told. It works on Unicode scalars,
/// not Characters, because "\r\n" is one Character and a quote followed by a combining mark
/// would be too, which would hide the structure.
public enum CSVReader {
    /// Parses `text`: the first non-blank record is the header, each later record a row.
    ///
    /// - The separator is whichever of ";" and "," occurs more often outside quotes in the
    ///   header record (a tie, including a one-column file, means ",").
    /// - A leading byte order mark is dropped; LF, CRLF and CR all end a line; blank lines are
    ///   skipped (a one-column empty field is written `""`, see `CSV`).
    /// - Quoted fields may contain separators, doubled quotes and line breaks; a quote inside an
    ///   unquoted field is kept as a literal character (`12" pipe`).
    /// - Each row carries the physical line on which it starts, and must have as many fields as
    ///   the header.
    public static func parse(
        _ text: String
    ) throws(CSVError) -> (separator: Character, header: [String], rows: [(line: Int, fields: [String])]) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = detectSeparator(scalars)
        var scanner = CSVScanner(scalars: scalars, separator: separator)
        guard let header = try scanner.nextRecord() else { throw CSVError(.empty, line: scanner.line) }
        var rows: [(line: Int, fields: [String])] = []
        while let row = try scanner.nextRecord() {
            guard row.fields.count == header.fields.count else {
                throw CSVError(.wrongFieldCount(expected: header.fields.count, found: row.fields.count), line: row.line)
            }
            rows.append(row)
        }
        return (Character(separator), header.fields, rows)
    }

    /// ";" if the header record has more unquoted semicolons than commas, else ",".
    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var quoted = false
        var semicolons = 0
        var commas = 0
        var seenContent = false
        for scalar in scalars {
            if CSVScanner.isLineBreak(scalar), !quoted {
                if seenContent { break }
                continue
            }
            seenContent = true
            switch scalar {
            case "\"": quoted.toggle()
            case ";" where !quoted: semicolons += 1
            case "," where !quoted: commas += 1
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }
}

/// The record-by-record reader behind `CSVReader`, tracking physical line numbers.
struct CSVScanner {
    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    private var index = 0
    /// The physical line of the next unread scalar (1-based).
    private(set) var line = 1

    init(scalars: [Unicode.Scalar], separator: Unicode.Scalar) {
        self.scalars = scalars
        self.separator = separator
    }

    /// The next record and the line it starts on, or nil at the end of the input.
    mutating func nextRecord() throws(CSVError) -> (line: Int, fields: [String])? {
        while let next = peek(), Self.isLineBreak(next) { advance() }
        guard peek() != nil else { return nil }
        let start = line
        var fields: [String] = []
        while true {
            fields.append(try nextField())
            guard let next = peek() else { break }
            advance()
            if next != separator { break }  // a line break ends the record (an LF after CR is skipped next time)
        }
        return (start, fields)
    }

    private mutating func nextField() throws(CSVError) -> String {
        var value = String.UnicodeScalarView()
        guard peek() == "\"" else {
            while let next = peek(), next != separator, !Self.isLineBreak(next) {
                value.append(next)
                advance()
            }
            return String(value)
        }
        let opening = line
        advance()
        while true {
            guard let next = peek() else { throw CSVError(.unterminatedQuote, line: opening) }
            advance()
            if next == "\"" {
                guard peek() == "\"" else { break }
                advance()
            }
            value.append(next)
        }
        if let next = peek(), next != separator, !Self.isLineBreak(next) {
            throw CSVError(.textAfterClosingQuote, line: line)
        }
        return String(value)
    }

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    /// Moves past one scalar, counting a line for LF and for a CR not followed by LF, so that
    /// CRLF, LF and CR each count as one line break.
    private mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && peek() != "\n") {
            line += 1
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }
}
