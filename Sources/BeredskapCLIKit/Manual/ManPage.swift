/// A manual page as data, rendered as roff with the man(7) macros (`.TH`, `.SH`, `.SS`, `.PP`,
/// `.TP`, `.RS`/`.RE`, `.nf`/`.fi`), which `man`, groff and mandoc all read.
///
/// Pages are built from the command specs (see `CommandManual`) and the programs' own values,
/// so they cannot drift from what the programs accept; only `render` knows roff, and it escapes
/// every piece of text (`Roff`).
public struct ManPage: Sendable {
    public enum Block: Sendable, Equatable {
        /// Running text, filled by the formatter.
        case paragraph(String)
        /// Lines kept as written (examples), indented.
        case example([String])
        /// A term and its description (`.TP`): an option, a variable, a file, an exit code.
        case item(Term, String)
        /// A subsection heading (`.SS`), e.g. one command.
        case subsection(String)
    }

    /// What an item describes, shown in bold, with an optional italic value: `--format md|html|json`.
    public struct Term: Sendable, Equatable {
        public var name: String
        public var value: String?
        /// Whether `name` is an option or command, whose every `-` is a minus (`--state-dir`).
        public var literal: Bool

        public init(_ name: String, value: String? = nil, literal: Bool = true) {
            self.name = name
            self.value = value
            self.literal = literal
        }
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var blocks: [Block]

        public init(_ title: String, _ blocks: [Block]) {
            self.title = title
            self.blocks = blocks
        }
    }

    public var name: String
    public var section: String
    public var date: String
    /// The program and version the page describes: `beredskap 1.4.0`.
    public var source: String
    public var manual: String
    /// The NAME line's description.
    public var summary: String
    /// One line per way of calling the program: the program, then its words as a term list.
    public var synopsis: [[Term]]
    public var sections: [Section]

    public init(
        name: String, section: String, date: String, source: String, manual: String, summary: String, synopsis: [[Term]],
        sections: [Section]
    ) {
        self.name = name
        self.section = section
        self.date = date
        self.source = source
        self.manual = manual
        self.summary = summary
        self.synopsis = synopsis
        self.sections = sections
    }

    public func render() -> String {
        var lines = [
            ".TH \(Roff.argument(name.uppercased())) \(section) \(Roff.argument(date)) \(Roff.argument(source)) \(Roff.argument(manual))",
            ".SH NAME",
            "\(Roff.escape(name, everyMinus: true)) \\- \(Roff.escape(summary))",
            ".SH SYNOPSIS",
        ]
        for (index, words) in synopsis.enumerated() {
            if index > 0 { lines.append(".br") }
            lines.append(words.map(Self.inline).joined(separator: " "))
        }
        for section in sections {
            lines.append(".SH \(Roff.argument(section.title.uppercased()))")
            lines += section.blocks.flatMap(Self.lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `\fB--name\fR \fIVALUE\fR`: a term on one line.
    static func inline(_ term: Term) -> String {
        var text = "\\fB" + Roff.escape(term.name, everyMinus: term.literal) + "\\fR"
        if let value = term.value { text += " \\fI" + Roff.escape(value) + "\\fR" }
        return text
    }

    private static func lines(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let text):
            return [".PP", Roff.escape(text)]
        case .example(let lines):
            return [".PP", ".RS 4", ".nf"] + lines.map { Roff.escape($0.drop { $0 == " " }.description) } + [".fi", ".RE"]
        case .item(let term, let text):
            return [".TP", inline(term), Roff.escape(text)]
        case .subsection(let title):
            return [".SS \(Roff.argument(title))"]
        }
    }

    /// Help text as blocks: paragraphs separated by blank lines, and runs of indented lines
    /// (examples) kept as written, as `HelpFormatter` shows them.
    public static func blocks(fromHelp text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var example: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !example.isEmpty { blocks.append(.example(example)) }
            paragraph = []
            example = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
            } else if line.first == " " || line.first == "\t" {
                if !paragraph.isEmpty { flush() }
                example.append(String(line))
            } else {
                if !example.isEmpty { flush() }
                paragraph.append(String(line))
            }
        }
        flush()
        return blocks
    }
}
