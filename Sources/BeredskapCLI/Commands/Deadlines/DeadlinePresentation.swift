import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How the deadlines are shown to people: one line per person and rule, or the overdue counts
/// as a table of rules by districts.
enum DeadlinePresentation {
    static let columns: [ListColumn] = [
        .number("PERSON", nb: "PERSON"), ListColumn("DEADLINE", nb: "FRIST"), ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("DUE", nb: "FORFALL"), ListColumn("DISTRICT", nb: "BYDEL"),
    ]

    static let csvHeader = ["person", "rule", "state", "due_date", "district"]

    static func list(_ list: DeadlineList, _ output: Output) {
        let csv = { (csvHeader, list.deadlines.map { [String($0.person), $0.rule, $0.state.rawValue, $0.dueDate?.description ?? "", $0.district ?? ""] }) }
        if output.printedForScripts(list, csv: csv) { return }
        guard !list.deadlines.isEmpty else {
            return output.line(Text("No deadlines overdue or due soon (\(list.date)).", nb: "Ingen frister overskredet eller nær (\(list.date))."))
        }
        let language = output.language
        output.table(columns, rows: list.deadlines.map { entry in
            let state = PersonPresentation.state(entry.state)(language)
            return [
                "#\(entry.person)", DeadlineRule.name(of: entry.rule)(language),
                entry.state == .overdue ? output.style.red(state) : output.style.yellow(state), entry.dueDate?.description ?? "",
                entry.district ?? "–",
            ]
        })
        if let next = list.next {
            output.line(Text("More: beredskap deadlines --after \(next) …", nb: "Flere: beredskap deadlines --after \(next) …"))
        }
    }

    static let summaryCSVHeader = ["rule", "district", "due", "due_soon", "overdue", "met", "met_late"]

    /// Rules down, districts across (those with anyone the rules concern), each cell the overdue
    /// count — bold red on a terminal where there are any — and the total per rule.
    static func summary(_ summary: DeadlineSummary, _ output: Output) {
        let csv = {
            (summaryCSVHeader, summary.rows.map { row in
                [row.rule, row.district ?? "", String(row.due), String(row.dueSoon), String(row.overdue), String(row.met), String(row.metLate)]
            })
        }
        if output.printedForScripts(summary, csv: csv) { return }
        let language = output.language
        let none = Text("none", nb: "ingen")(language)
        var districts: [String?] = []
        for row in summary.rows where !districts.contains(row.district) { districts.append(row.district) }
        districts.sort { ($0 ?? "~") < ($1 ?? "~") }
        var table = Table(columns: [Table.Column(Text("OVERDUE", nb: "OVER FRISTEN")(language))]
            + districts.map { Table.Column($0 ?? none, alignment: .right) }
            + [Table.Column(Text("TOTAL", nb: "TOTALT")(language), alignment: .right)])
        var names: [String] = []
        for rule in summary.rules {
            let rows = summary.rows.filter { $0.rule == rule }
            guard !rows.isEmpty else { continue }
            let cells = districts.map { district in rows.first { $0.district == district }.map { String($0.overdue) } ?? "–" }
            let name = DeadlineRule.name(of: rule)(language)
            names.append(name)
            table.addRow([name] + cells + [String(rows.reduce(0) { $0 + $1.overdue })])
        }
        guard !table.rows.isEmpty else {
            return output.line(Text("No one the deadline rules concern (\(summary.date)).", nb: "Ingen som fristreglene gjelder (\(summary.date))."))
        }
        output.line(Text("Overdue per rule and district, \(summary.date):", nb: "Over fristen per regel og bydel, \(summary.date):"))
        let lines = table.render(style: output.style).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        output.line(([lines[0]] + zip(names, lines.dropFirst()).map { highlighted($1, after: $0, output.style) }).joined(separator: "\n"))
    }

    /// A rendered row with each count above zero bold and red. The table keeps escape sequences
    /// out of its cells (they would break the alignment), so the counts are styled after it is
    /// laid out: after the rule's name, every word of the line is one count.
    private static func highlighted(_ line: String, after name: String, _ style: TextStyle) -> String {
        guard style.enabled, line.hasPrefix(name) else { return line }
        var result = name
        var word = ""
        func flush() {
            if let count = Int(word), count > 0 { result += style.bold(style.red(word)) } else { result += word }
            word = ""
        }
        for character in line.dropFirst(name.count) {
            if character == " " {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }
}
