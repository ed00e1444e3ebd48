import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// `settlement history` for people and scripts: the table, a bar for each request and
/// decision, and the years the council decided fewer than asked.
enum SettlementHistory {
    static let csvHeader = [
        "year", "imdi_request", "imdi_request_minors", "council_decision", "council_decision_minors", "difference", "note",
    ]

    static func csvRow(_ year: SettlementYearResource) -> [String] {
        [
            String(year.year), optional(year.imdiRequest), optional(year.imdiRequestMinors), optional(year.councilDecision),
            optional(year.councilDecisionMinors), optional(year.difference), year.note ?? "",
        ]
    }

    private static func optional(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// The years the council decided fewer than IMDi asked for.
    static func decidedFewer(_ years: [SettlementYearResource]) -> [Int] {
        years.filter { ($0.difference ?? 0) < 0 }.map(\.year)
    }

    static func print(_ list: SettlementYearList, _ output: Output) {
        guard !output.printedForScripts(list, csv: { (csvHeader, list.years.map(csvRow)) }) else { return }
        guard !list.years.isEmpty else {
            return output.line(Text(
                "No settlement years yet; 'beredskap seed Config/oslo' loads 2004–2021.",
                nb: "Ingen bosettingsår ennå; «beredskap seed Config/oslo» laster inn 2004–2021."))
        }
        let style = output.style
        let rowStyles: [(String) -> String] = list.years.map { year in
            (year.difference ?? 0) < 0 ? { style.yellow($0) } : { $0 }
        }
        let rows: [[String]] = list.years.map { year in
            [
                String(year.year), SettlementFormat.count(year.imdiRequest, minors: year.imdiRequestMinors, output.language),
                SettlementFormat.count(year.councilDecision, minors: year.councilDecisionMinors, output.language),
                SettlementFormat.signed(year.difference), year.note ?? "",
            ]
        }
        output.table(
            [
                ListColumn("YEAR", nb: "ÅR"), .number("REQUEST", nb: "ANMODNING"), .number("DECISION", nb: "VEDTAK"),
                .number("DIFFERENCE", nb: "DIFFERANSE"), ListColumn("NOTE", nb: "MERKNAD", maxWidth: 40),
            ],
            rows: rows, rowStyles: rowStyles)
        output.line("")
        let request = Text("request", nb: "anmodning")(output.language)
        let decision = Text("decision", nb: "vedtak")(output.language)
        let bars = list.years.flatMap { year -> [Chart.Bar] in
            [
                year.imdiRequest.map { Chart.Bar(label: "\(year.year) \(request)", value: $0) },
                year.councilDecision.map { Chart.Bar(label: "\(year.year) \(decision)", value: $0) },
            ].compactMap { $0 }
        }
        for line in Chart.bars(bars, width: output.width) { output.line(line) }
        output.line("")
        let fewer = decidedFewer(list.years).map(String.init).joined(separator: ", ")
        output.line(fewer.isEmpty
            ? Text("The council decided as many as asked every year.", nb: "Bystyret vedtok så mange som anmodet hvert år.")
            : Text("Years the council decided fewer than asked: \(fewer).", nb: "År bystyret vedtok færre enn anmodet: \(fewer)."))
    }
}
