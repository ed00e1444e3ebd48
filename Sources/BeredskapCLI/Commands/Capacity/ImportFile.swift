import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Foundation

/// One thing wrong with an import file, where the operator's editor shows it.
///
/// Why lines and not rows: the person fixing the file has a spreadsheet or an editor open, and
/// both count physical lines (a quoted field may span several); a row index would send them to
/// the wrong place.
struct ImportProblem: Sendable, Equatable {
    var line: Int
    /// The column (`count`), or nil for a problem with the line as a whole.
    var field: String?
    var message: Text

    init(line: Int, field: String?, _ message: Text) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// `line 4, count: expected …` / `linje 4, count: forventet …`.
    var text: Text {
        let place = field.map { Text("line \(line), \($0): ", nb: "linje \(line), \($0): ") }
            ?? Text("line \(line): ", nb: "linje \(line): ")
        return place + message
    }
}

/// Every problem found in a file; nothing is sent while there is one.
struct ImportFailure: Error, Sendable, Equatable {
    var problems: [ImportProblem]
}

/// The rows of an import file that passed the checks, each with the line it came from (to
/// map the daemon's row numbers back), and the separator found.
struct ImportRows<Row: Sendable>: Sendable {
    var rows: [Row]
    var lines: [Int]
    var separator: Character
}

/// Reads arrival and head-count files as spreadsheets write them and checks every line before
/// anything is sent.
///
/// The daemon checks again and imports all rows or none, but a local pass reports every bad
/// line at once (the daemon would too, but only for what it can see after decoding) and works
/// with `--dry-run` before the daemon is even running. Column names are the JSON field names,
/// so the same vocabulary serves the API, `--json` and the files.
enum ImportFile {
    static let arrivalColumns = ["facility", "count", "category", "at", "note"]
    static let arrivalRequired = ["facility", "count", "category"]
    static let occupancyColumns = ["facility", "occupied", "at"]
    static let occupancyRequired = ["facility", "occupied"]

    static func arrivals(_ text: String, calendar: LocalCalendar) throws(ImportFailure) -> ImportRows<ArrivalBody> {
        try parse(text, columns: arrivalColumns, required: arrivalRequired) { reader in
            let facility = reader.required("facility")
            let count = reader.count("count", in: 1...FlowCommands.maximumPeople)
            let category = reader.choice("category", ArrivalCategory.self)
            let at = reader.instant("at", calendar: calendar)
            guard let facility, let count, let category else { return nil }
            return ArrivalBody(facility: facility, count: count, category: category, at: at, note: reader.optional("note"))
        }
    }

    static func occupancy(_ text: String, calendar: LocalCalendar) throws(ImportFailure) -> ImportRows<OccupancyImportRow> {
        try parse(text, columns: occupancyColumns, required: occupancyRequired) { reader in
            let facility = reader.required("facility")
            let occupied = reader.count("occupied", in: 0...FacilityDefinition.maximumPlaces)
            let at = reader.instant("at", calendar: calendar)
            guard let facility, let occupied else { return nil }
            return OccupancyImportRow(facility: facility, occupied: occupied, at: at)
        }
    }

    /// Reads the file's bytes as UTF-8; a file in another encoding (Excel's "CSV (semicolon
    /// separated)" is Windows-1252) is refused with every affected line, because guessing
    /// would turn "Østensjø" into something else silently.
    static func text(_ bytes: [UInt8]) throws(ImportFailure) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let lossy = String(decoding: bytes, as: UTF8.self)
        let lines = lossy.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("\u{FFFD}") }.map { $0.offset + 1 }
        throw ImportFailure(problems: lines.map { line in
            ImportProblem(line: line, field: nil, Text(
                "not valid UTF-8; save the file as \"CSV UTF-8\"", nb: "ikke gyldig UTF-8; lagre filen som «CSV UTF-8»"))
        })
    }

    /// The header, then every row through `makeRow`, which reads fields through a
    /// `RowReader` that records each problem; a row with problems is not kept.
    static func parse<Row: Sendable>(
        _ text: String, columns: [String], required: [String], makeRow: (inout RowReader) -> Row?
    ) throws(ImportFailure) -> ImportRows<Row> {
        let table: (separator: Character, header: [String], rows: [(line: Int, fields: [String])])
        do {
            table = try CSVReader.parse(text)
        } catch {
            throw ImportFailure(problems: [ImportProblem(line: error.line, field: nil, detail(of: error))])
        }
        let headerLine = firstContentLine(text)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems = headerProblems(header, columns: columns, required: required, line: headerLine)
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        guard !table.rows.isEmpty else {
            throw ImportFailure(problems: [ImportProblem(line: headerLine, field: nil, Text(
                "no rows after the header", nb: "ingen rader etter overskriftslinjen"))])
        }
        var result = ImportRows<Row>(rows: [], lines: [], separator: table.separator)
        for (line, fields) in table.rows {
            var reader = RowReader(line: line, fields: Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first }))
            let row = makeRow(&reader)
            problems += reader.problems
            if let row, reader.problems.isEmpty {
                result.rows.append(row)
                result.lines.append(line)
            }
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return result
    }

    static func headerProblems(_ header: [String], columns: [String], required: [String], line: Int) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: Set<String> = []
        let expected = columns.joined(separator: ", ")
        for name in header {
            if !columns.contains(name) {
                problems.append(ImportProblem(line: line, field: name, Text(
                    "unknown column (expected: \(expected))", nb: "ukjent kolonne (forventet: \(expected))")))
            } else if !seen.insert(name).inserted {
                problems.append(ImportProblem(line: line, field: name, Text("column given twice", nb: "kolonnen er gitt to ganger")))
            }
        }
        for name in required where !header.contains(name) {
            problems.append(ImportProblem(line: line, field: name, Text(
                "required column is missing from the header", nb: "påkrevd kolonne mangler i overskriftslinjen")))
        }
        return problems
    }

    /// The physical line of the header: blank lines before it are skipped by `CSVReader`.
    static func firstContentLine(_ text: String) -> Int {
        var line = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous != "\r" { line += 1 }
            } else if scalar == "\r" {
                line += 1
            } else if scalar != "\u{FEFF}" {
                break
            }
            previous = scalar
        }
        return line
    }

    /// `CSVError.message` without its `line N: ` prefix, as the problem carries the line itself.
    static func detail(of error: CSVError) -> Text {
        let message = error.message
        let prefix = Text("line \(error.line): ", nb: "linje \(error.line): ")
        func strip(_ text: String, _ prefix: String) -> String { text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text }
        return Text(strip(message.en, prefix.en), nb: strip(message.nb, prefix.nb))
    }

    /// The daemon's refusal of an import mapped to file lines: `details.problems[].row` counts
    /// the rows sent from 1, and `lines` says where each came from. Nil when the error is not
    /// about rows (then it is shown as any other error) or names a row that was not sent.
    static func problems(from body: APIErrorBody, lines: [Int]) -> [ImportProblem]? {
        func line(ofRow row: Int) -> Int? { lines.indices.contains(row - 1) ? lines[row - 1] : nil }
        let details = body.error.details
        if let items = details["problems"]?.arrayValue, !items.isEmpty {
            var mapped: [ImportProblem] = []
            for item in items {
                guard let row = item["row"]?.intValue, let line = line(ofRow: Int(row)) else { return nil }
                let message = item["message"]?.stringValue ?? body.error.message
                let norwegian = item["message_nb"]?.stringValue ?? message
                mapped.append(ImportProblem(line: line, field: item["field"]?.stringValue, Text(message, nb: norwegian)))
            }
            return mapped
        }
        // A single problem named only by its path: `rows[2].count` (rows counted from 0).
        guard let field = details["field"]?.stringValue, field.hasPrefix("rows["),
            let close = field.firstIndex(of: "]"), let index = Int(field[field.index(field.startIndex, offsetBy: 5)..<close]),
            let line = line(ofRow: index + 1)
        else { return nil }
        let rest = field[field.index(after: close)...]
        let name = rest.hasPrefix(".") ? String(rest.dropFirst()) : nil
        return [ImportProblem(line: line, field: name, Text(body.error.message, nb: body.error.message))]
    }
}

/// The fields of one line by column name, collecting a problem for each bad value so that a
/// line with three mistakes reports all three.
struct RowReader {
    let line: Int
    let fields: [String: String]
    private(set) var problems: [ImportProblem] = []

    init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
    }

    /// The trimmed value, nil when the column is absent or the cell empty.
    func optional(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    mutating func required(_ name: String) -> String? {
        guard let value = optional(name) else {
            problems.append(ImportProblem(line: line, field: name, Text("must not be empty", nb: "kan ikke være tom")))
            return nil
        }
        return value
    }

    mutating func count(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = required(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            return invalid(name, text, Text(
                "a whole number from \(range.lowerBound) to \(range.upperBound)",
                nb: "et heltall fra \(range.lowerBound) til \(range.upperBound)"))
        }
        return value
    }

    mutating func choice<Value: JSONStringEnum>(_ name: String, _ type: Value.Type) -> Value? {
        guard let text = required(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            let list = Value.allCases.map(\.rawValue).joined(separator: ", ")
            return invalid(name, text, Text("one of: \(list)", nb: "én av: \(list)"))
        }
        return value
    }

    /// A required date `YYYY-MM-DD` (a settlement's).
    mutating func date(_ name: String) -> CalendarDate? {
        guard let text = required(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            return invalid(name, text, Text("a date such as 2016-09-01", nb: "en dato som 2016-09-01"))
        }
        return date
    }

    /// An optional time: local, a date, or RFC 3339 (see `TimeInput`).
    mutating func instant(_ name: String, calendar: LocalCalendar) -> Timestamp? {
        guard let text = optional(name) else { return nil }
        guard let instant = TimeInput.parse(text, calendar: calendar) else { return invalid(name, text, TimeInput.expected) }
        return instant
    }

    mutating func invalid<T>(_ name: String, _ text: String, _ expected: Text) -> T? {
        problems.append(ImportProblem(line: line, field: name, Text(
            "expected \(expected.en), got '\(text)'", nb: "forventet \(expected.nb), fikk «\(text)»")))
        return nil
    }
}
