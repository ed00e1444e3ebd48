import BeredskapCore
/// Renders one command's help page.
///
/// Layout: usage line, summary, discussion, then the sections Commands, Arguments, Options and
/// Global options, each a two-column list whose descriptions start at one column for the whole
/// page, and a pointer to subcommand help. Everything is measured with `displayWidth` and
/// wrapped to `width`, so Norwegian text lines up exactly like English.
struct HelpFormatter {
    let root: CommandSpec
    let globals: [OptionSpec]
    let language: Language
    let width: Int

    /// Indentation of list entries, and the gap between a label and its description.
    static let indent = 2
    static let gap = 2
    /// Labels wider than this put their description on the next line instead of pushing the
    /// description column far to the right for every entry.
    static let maximumLabelWidth = 28
    /// The narrowest description column kept even on a very narrow terminal.
    static let minimumDescriptionWidth = 10

    private struct Row {
        var label: String
        var text: String
    }

    private struct Section {
        var title: Text
        var rows: [Row]
    }

    func render(_ command: CommandSpec, path: [String]) -> String {
        let name = ([root.name] + path).joined(separator: " ")
        var blocks: [[String]] = [usage(command, name: name)]
        let summary = wordWrap(command.summary(language), width: width)
        if !summary.isEmpty { blocks.append(summary) }
        if let discussion = command.discussion {
            let lines = paragraphs(discussion(language))
            if !lines.isEmpty { blocks.append(lines) }
        }
        let sections = self.sections(command, isRoot: path.isEmpty).filter { !$0.rows.isEmpty }
        let labelWidth = min(
            sections.flatMap(\.rows).map { displayWidth($0.label) }.max() ?? 0,
            Self.maximumLabelWidth)
        for section in sections {
            blocks.append(["\(section.title(language)):"] + section.rows.flatMap { lines(for: $0, labelWidth: labelWidth) })
        }
        if !command.subcommands.isEmpty {
            let hint = Text(
                "See '\(name) <command> --help' for more about a command.",
                nb: "Se «\(name) <kommando> --help» for mer om en kommando.")
            blocks.append(wordWrap(hint(language), width: width))
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    // MARK: - Usage

    /// `Usage: beredskap log add [options] <text> [<more>...]`, continuation lines aligned
    /// under the first word after "Usage: ".
    private func usage(_ command: CommandSpec, name: String) -> [String] {
        var words = [name, Text("[options]", nb: "[valg]")(language)]
        if !command.subcommands.isEmpty {
            let placeholder = Text("<command>", nb: "<kommando>")(language)
            words.append(command.isRunnable ? "[\(placeholder)]" : placeholder)
        }
        for argument in command.arguments {
            words.append(argument.optional ? "[\(argument.placeholder)]" : argument.placeholder)
        }
        let prefix = Text("Usage: ", nb: "Bruk: ")(language)
        let hanging = displayWidth(prefix)
        let wrapped = wordWrap(words.joined(separator: " "), width: width - hanging)
        return wrapped.enumerated().map { index, line in (index == 0 ? prefix : spaces(hanging)) + line }
    }

    // MARK: - Discussion

    /// Blank lines separate paragraphs, which are re-wrapped; lines starting with a space or
    /// tab (examples) are kept as written.
    private func paragraphs(_ text: String) -> [String] {
        var output: [String] = []
        var paragraph: [String] = []
        func flush() {
            output += wordWrap(paragraph.joined(separator: " "), width: width)
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                if output.last.map({ !$0.isEmpty }) ?? false { output.append("") }
            } else if line.first == " " || line.first == "\t" {
                flush()
                output.append(String(line))
            } else {
                paragraph.append(String(line))
            }
        }
        flush()
        while output.last?.isEmpty ?? false { output.removeLast() }
        return output
    }

    // MARK: - Sections

    private func sections(_ command: CommandSpec, isRoot: Bool) -> [Section] {
        let help = OptionSpec.flag("help", short: "h", help: Text("Show this help.", nb: "Vis denne hjelpen."))
        let version = OptionSpec.flag("version", help: Text("Show the version.", nb: "Vis versjonen."))
        return [
            Section(
                title: Text("Commands", nb: "Kommandoer"),
                rows: command.subcommands.map { Row(label: $0.name, text: $0.summary(language)) }),
            Section(
                title: Text("Arguments", nb: "Argumenter"),
                rows: command.arguments.map { Row(label: $0.placeholder, text: $0.help(language)) }),
            Section(title: Text("Options", nb: "Valg"), rows: command.options.map(row)),
            Section(
                title: Text("Global options", nb: "Globale valg"),
                rows: (globals + [help] + (isRoot ? [version] : [])).map(row)),
        ]
    }

    /// `-s, --subject SUBJECT`; options without a short name are indented so long names line up.
    private func row(_ option: OptionSpec) -> Row {
        let short = option.short.map { "-\($0), " } ?? spaces(4)
        let value = option.valueName.map { " \($0)" } ?? ""
        let repeatable = option.repeatable ? Text(" (repeatable)", nb: " (kan gjentas)")(language) : ""
        return Row(label: "\(short)--\(option.name)\(value)", text: option.help(language) + repeatable)
    }

    /// A row as lines: the label, then the wrapped description from the shared column (on the
    /// label's line when the label fits, else below it).
    private func lines(for row: Row, labelWidth: Int) -> [String] {
        let column = Self.indent + labelWidth + Self.gap
        let text = wordWrap(row.text, width: max(width - column, Self.minimumDescriptionWidth))
        let label = spaces(Self.indent) + row.label
        let labelFits = displayWidth(row.label) <= labelWidth
        guard let first = text.first, labelFits else {
            return [label] + text.map { spaces(column) + $0 }
        }
        let padding = spaces(labelWidth - displayWidth(row.label) + Self.gap)
        return [label + padding + first] + text.dropFirst().map { spaces(column) + $0 }
    }
}
