/// A plain-text table for terminal output (`beredskap facilities`, `beredskap alerts`).
///
/// Columns are aligned by display width, so "Østensjø" and "Grünerløkka" line up whether the
/// daemon sent precomposed or decomposed letters. Cells are sanitised (newlines, tabs and other
/// control characters become spaces) because operator-entered text must neither break the layout
/// nor smuggle escape sequences into the terminal.
public struct Table: Sendable {
    public enum Alignment: Sendable {
        case left, right
    }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// Cells (and the title) wider than this are cut with "…".
        public var maxWidth: Int?

        public init(_ title: String, alignment: Alignment = .left, maxWidth: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public let columns: [Column]
    public private(set) var rows: [[String]] = []

    /// Columns between cells.
    static let separator = "  "

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row. Missing cells are empty; cells beyond the last column are ignored.
    /// False for key/value blocks, where column titles would only repeat what the rows say.
    public var showsHeader = true

    public mutating func addRow(_ cells: [String]) {
        let fitted = cells.prefix(columns.count) + Array(repeating: "", count: max(columns.count - cells.count, 0))
        rows.append(Array(fitted))
    }

    /// The header (bold when styled, left out when `showsHeader` is false) and the rows, one
    /// line each, joined by "\n" without a final newline. Lines carry no trailing spaces.
    public func render(style: TextStyle) -> String {
        let header = showsHeader ? [columns.enumerated().map { cell($1.title, column: $0) }] : []
        let body = rows.map { row in row.enumerated().map { cell($1, column: $0) } }
        let widths = columns.indices.map { index in
            (header + body).map { displayWidth($0[index]) }.max() ?? 0
        }
        let headerLines = header.map { line($0, widths: widths, style: { style.bold($0) }) }
        return (headerLines + body.map { line($0, widths: widths, style: { $0 }) }).joined(separator: "\n")
    }

    /// The text as displayed in `column`: sanitised, then truncated.
    private func cell(_ text: String, column: Int) -> String {
        let clean = String(text.map { $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : $0 })
        guard let limit = columns[column].maxWidth else { return clean }
        return truncated(clean, toDisplayWidth: limit)
    }

    private func line(_ cells: [String], widths: [Int], style: (String) -> String) -> String {
        let padded = cells.enumerated().map { index, text in
            let padding = spaces(widths[index] - displayWidth(text))
            switch columns[index].alignment {
            case .left: return style(text) + padding
            case .right: return padding + style(text)
            }
        }
        var result = padded.joined(separator: Self.separator)
        while result.last == " " { result.removeLast() }
        return result
    }
}
