import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

/// How capacity figures read at a glance, shared by `facility`, `capacity`, `surge`,
/// `history` and `seed`, so the same fact (87 % full, stale, over the cap) looks the same
/// everywhere.
enum CapacityFormat {
    /// `87 %` (a space before the sign, as Norwegian and SI typography write it); `–` when
    /// there is nothing to divide by (no available places).
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "–" }
        return "\(Int((ratio * 100).rounded())) %"
    }

    /// A number of days with one decimal, in the reader's decimal mark (`2.5` / `2,5`).
    static func decimal(_ value: Double, _ language: Language) -> String {
        let text = String((value * 10).rounded() / 10)
        return language == .nb ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A cell for a value that may be absent.
    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    /// The marks that make a facility stand out in a table. Over capacity and over the cap
    /// are red (people without a place, or a decision that needs an administrator); stale
    /// is yellow (the figures may be wrong, ring them).
    struct Marks {
        var overCapacity = false
        var stale = false
        var overCap = false

        init(overCapacity: Bool = false, stale: Bool = false, overCap: Bool = false) {
            self.overCapacity = overCapacity
            self.stale = stale
            self.overCap = overCap
        }

        init(_ facility: FacilityResource) {
            self.init(overCapacity: facility.overCapacity, stale: facility.stale, overCap: facility.overCap)
        }

        /// `103 % !`: the utilization with `!` when more people are there than places.
        func utilization(_ ratio: Double?) -> String {
            CapacityFormat.percent(ratio) + (overCapacity ? " !" : "")
        }

        /// The words for the notes column, e.g. `over capacity, stale`.
        func notes(_ language: Language) -> String {
            var words: [Text] = []
            if overCapacity { words.append(Text("over capacity", nb: "overbelagt")) }
            if overCap { words.append(Text("over cap", nb: "over taket")) }
            if stale { words.append(Text("stale", nb: "utdatert")) }
            return words.map { $0(language) }.joined(separator: ", ")
        }

        /// How the whole row is coloured (plain when the style is off).
        func rowStyle(_ style: TextStyle) -> (String) -> String {
            if overCapacity || overCap { return style.red }
            if stale { return style.yellow }
            return { $0 }
        }
    }

    static func surgeLevel(_ level: SurgeLevel, _ output: Output) -> String {
        let name = level.name(output.language).uppercased()
        switch level {
        case .normal: return output.style.green(name)
        case .elevated: return output.style.yellow(output.style.bold(name))
        case .high, .crisis: return output.style.red(output.style.bold(name))
        }
    }
}

extension Output {
    /// A table whose rows may each be coloured as a whole. `Table` replaces control characters
    /// in cells (so operator text cannot inject escapes), which also strips colour codes; so
    /// colour is put around each rendered line instead, where it cannot disturb the alignment.
    func table(_ table: Table, rowStyles: [(String) -> String]) {
        let lines = table.render(style: style).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let offset = table.showsHeader ? 1 : 0
        let styled = lines.enumerated().map { index, line in
            let row = index - offset
            return row >= 0 && row < rowStyles.count ? rowStyles[row](line) : line
        }
        self.line(styled.joined(separator: "\n"))
    }

    /// A two-column block of labels and values without a header, as `status` prints.
    func keyValues(_ rows: [(Text, String)]) {
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(language), value]) }
        self.table(table)
    }

    /// A time for people, or `–` when there is none.
    func time(_ instant: Timestamp?) -> String { instant.map { time($0) } ?? "–" }
}

/// One column of a table for people: its title in both languages and how to align it.
struct ListColumn {
    var title: Text
    var alignment: Table.Alignment = .left
    var maxWidth: Int?

    init(_ title: Text, alignment: Table.Alignment = .left, maxWidth: Int? = nil) {
        self.title = title
        self.alignment = alignment
        self.maxWidth = maxWidth
    }

    init(_ en: String, nb: String, alignment: Table.Alignment = .left, maxWidth: Int? = nil) {
        self.init(Text(en, nb: nb), alignment: alignment, maxWidth: maxWidth)
    }

    static func number(_ en: String, nb: String) -> ListColumn {
        ListColumn(en, nb: nb, alignment: .right)
    }
}

extension Output {
    /// For `--json` and `--csv`: prints `value` as JSON, or the CSV `csv` builds, and returns
    /// true; false when a person is reading, so the caller goes on to print for people. One
    /// switch for every command keeps the rule the same everywhere: JSON is the daemon's
    /// answer, CSV uses the JSON field names.
    func printedForScripts(_ value: some Encodable, csv: () -> (header: [String], rows: [[String]])) -> Bool {
        switch format {
        case .json:
            json(value)
        case .csv:
            let table = csv()
            self.csv(header: table.header, rows: table.rows)
        case .human:
            return false
        }
        return true
    }

    /// An aligned table with titles in the reader's language and per-row colours. (JSON and
    /// CSV are printed by the caller: JSON from the daemon's own answer, CSV with the JSON
    /// field names, which need not match the columns people see.)
    func table(_ columns: [ListColumn], rows: [[String]], rowStyles: [(String) -> String] = []) {
        var table = Table(columns: columns.map { Table.Column($0.title(language), alignment: $0.alignment, maxWidth: $0.maxWidth) })
        for row in rows { table.addRow(row) }
        self.table(table, rowStyles: rowStyles)
    }
}

/// Parsing option and argument values for the capacity commands, each failure a usage error
/// that names the option and the accepted values in both languages.
extension ParsedCommand {
    /// `--name` as one of an API enum's values (`--kind transit`).
    func enumValue<Value: JSONStringEnum>(_ name: String, _ type: Value.Type) throws(UsageError) -> Value? {
        try choice(name, among: Value.allCases.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }

    /// `--name` as a date `YYYY-MM-DD`.
    func date(_ name: String) throws(UsageError) -> CalendarDate? {
        guard let text = value(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw .invalidValue(
                option: "--\(name)", value: text, expected: Text("a date such as 2026-11-22", nb: "en dato som 2026-11-22"),
                path: path)
        }
        return date
    }

    /// `--name` as an instant: a local time, a date meaning its local midnight, or RFC 3339
    /// (see `TimeInput`).
    func instant(_ name: String, calendar: LocalCalendar) throws(UsageError) -> Timestamp? {
        guard let text = value(name) else { return nil }
        guard let instant = TimeInput.parse(text, calendar: calendar) else {
            throw .invalidValue(option: "--\(name)", value: text, expected: TimeInput.expected, path: path)
        }
        return instant
    }

    /// The positional `name` as a whole number in `range` (a head count or a number of people).
    func count(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = argument(name) ?? ""
        guard let value = Int(text), range.contains(value) else {
            throw usageError(Text(
                "<\(name)> must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                nb: "<\(name)> må være et heltall fra \(range.lowerBound) til \(range.upperBound), ikke «\(text)»"))
        }
        return value
    }
}

/// Times typed by people or written in spreadsheets, in the daemon's zone (Oslo).
enum TimeInput {
    static let expected = Text(
        "a local time such as '2026-11-22 10:30' or '10:30' (today), a date such as 2026-11-22 (its midnight), "
            + "or RFC 3339 with a zone such as 2026-11-22T09:30:00Z",
        nb: "et lokalt tidspunkt som «2026-11-22 10:30» eller «10:30» (i dag), en dato som 2026-11-22 (midnatt), "
            + "eller RFC 3339 med sone som 2026-11-22T09:30:00Z")

    /// A local date and time, a bare time (today), a bare date (the local midnight that starts
    /// it: a report "for 22 November" lands in that day's bucket and is never in the future),
    /// or RFC 3339 as written. See `LocalCalendar.parseInstant`.
    static func parse(_ text: String, calendar: LocalCalendar, now: Timestamp = SystemWallClock().now()) -> Timestamp? {
        calendar.parseInstant(text, now: now)
    }
}

/// Extra lines after an API error, for the errors where the daemon's message alone does not
/// say what to do next.
enum APIErrorHint {
    static func hint(for body: APIErrorBody) -> Text? {
        if let hint = PlaybookErrorHint.hint(for: body) { return hint }
        if body.knownCode == .conflict, body.error.details["exists"]?.boolValue == true, let id = body.error.details["id"]?.stringValue {
            return Text(
                "Change it with `beredskap facility set \(id) …` (any option of facility add).",
                nb: "Endre det med `beredskap facility set \(id) …` (alle valgene til facility add).")
        }
        guard body.knownCode == .capExceeded else { return nil }
        let details = body.error.details
        let cap = details["cap"]?.intValue.map(String.init) ?? "?"
        let requested = details["requested"]?.intValue.map(String.init) ?? "?"
        let field = details["option"]?.stringValue ?? details["field"]?.stringValue ?? "capacity"
        return Text(
            """
            The cap is \(cap) places per facility; \(field) asked for \(requested).
            An administrator can store it anyway with --cap-override REASON (audited, and the facility_cap alert is critical until it is back within the cap).
            """,
            nb: """
            Taket er \(cap) plasser per mottak; \(field) ba om \(requested).
            En administrator kan lagre det likevel med --cap-override REASON (revideres, og varselet facility_cap er kritisk til det er innenfor taket igjen).
            """)
    }
}
