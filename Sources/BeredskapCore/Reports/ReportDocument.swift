/// A report as a document in one language: a title, facts (label and value), and sections of
/// facts, figures and tables — rendered as Markdown or as one HTML page from the same value.
///
/// Why a document between the figures and the formats: what a report says (its sentences,
/// its table rows, in bokmål or English) is decided once, and the two renderings cannot
/// drift apart; the situation report (issue 15) writes its own document and gets both.
public struct ReportDocument: Sendable {
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        /// A class for the HTML rendering (`late`, `missed`, `met`).
        public var emphasis: String?

        public init(_ label: String, _ value: String, emphasis: String? = nil) {
            self.label = label
            self.value = value
            self.emphasis = emphasis
        }
    }

    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
        /// Columns aligned right (numbers).
        public var numeric: Set<Int>

        public init(header: [String], rows: [[String]], numeric: Set<Int> = []) {
            self.header = header
            self.rows = rows
            self.numeric = numeric
        }
    }

    /// An inline SVG chart with its caption; the HTML shows it, Markdown shows the tables.
    public struct Figure: Sendable, Equatable {
        public var svg: String
        public var caption: String

        public init(svg: String, caption: String) {
            self.svg = svg
            self.caption = caption
        }
    }

    public struct Section: Sendable, Equatable {
        public var heading: String
        public var text: [String]
        public var facts: [Fact]
        public var figures: [Figure]
        public var tables: [Table]

        public init(_ heading: String, text: [String] = [], facts: [Fact] = [], figures: [Figure] = [], tables: [Table] = []) {
            self.heading = heading
            self.text = text
            self.facts = facts
            self.figures = figures
            self.tables = tables
        }
    }

    public var language: Language
    public var title: String
    public var facts: [Fact]
    public var sections: [Section]

    public init(language: Language, title: String, facts: [Fact], sections: [Section]) {
        self.language = language
        self.title = title
        self.facts = facts
        self.sections = sections
    }

    // MARK: - Markdown

    public var markdown: String {
        var lines = ["# \(Self.markdownEscaped(title))", ""]
        lines += Self.markdown(facts)
        for section in sections {
            lines += ["## \(Self.markdownEscaped(section.heading))", ""]
            for paragraph in section.text { lines += [Self.markdownEscaped(paragraph), ""] }
            lines += Self.markdown(section.facts)
            for table in section.tables { lines += Self.markdown(table) }
        }
        return lines.joined(separator: "\n")
    }

    private static func markdown(_ facts: [Fact]) -> [String] {
        guard !facts.isEmpty else { return [] }
        return facts.map { "- **\(markdownEscaped($0.label)):** \(markdownEscaped($0.value))" } + [""]
    }

    private static func markdown(_ table: Table) -> [String] {
        let row = { (cells: [String]) in "| " + cells.map(markdownEscaped).joined(separator: " | ") + " |" }
        let rule = "|" + table.header.indices.map { table.numeric.contains($0) ? " ---: |" : " --- |" }.joined()
        return [row(table.header), rule] + table.rows.map(row) + [""]
    }

    /// Text that Markdown would read as markup, with the markup characters escaped (`|` in
    /// tables, `*`, backticks, brackets, `<`); intraword `_` is left as it is, as in rule ids.
    static func markdownEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\|*`[]<".contains(character) { escaped.append("\\") }
            escaped.append(character == "\n" ? " " : character)
        }
        return escaped
    }

    // MARK: - HTML

    public var html: String {
        var body = [HTMLText.element("h1", title)]
        body.append(Self.html(facts, class: "meta"))
        for section in sections {
            body.append("<section>")
            body.append(HTMLText.element("h2", section.heading))
            body += section.text.map { HTMLText.element("p", $0) }
            body.append(Self.html(section.facts, class: nil))
            for figure in section.figures {
                body.append("<figure>\(figure.svg)<figcaption>\(HTMLText.escape(figure.caption))</figcaption></figure>")
            }
            body += section.tables.map { HTMLText.table(header: $0.header, rows: $0.rows, numeric: $0.numeric) }
            body.append("</section>")
        }
        return HTMLPage(language: language, title: title, body: body.filter { !$0.isEmpty }.joined(separator: "\n")).html
    }

    private static func html(_ facts: [Fact], class name: String?) -> String {
        guard !facts.isEmpty else { return "" }
        let rows = facts.map { fact in
            "<tr><th>\(HTMLText.escape(fact.label))</th>" + HTMLText.element("td", fact.value, class: fact.emphasis) + "</tr>"
        }
        let attribute = name.map { " class=\"\($0)\"" } ?? ""
        return "<table\(attribute)><tbody>\(rows.joined())</tbody></table>"
    }
}
