import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How minors, one minor's case and the costs are shown to people.
enum MinorPresentation {
    static let listColumns: [ListColumn] = [
        .number("PERSON", nb: "PERSON"), ListColumn("DISTRICT", nb: "BYDEL"), .number("AGE", nb: "ALDER"),
        ListColumn("TURNS 18", nb: "FYLLER 18"), ListColumn("PLACEMENT", nb: "TILTAK"), ListColumn("SERVICE", nb: "TJENESTE"),
    ]

    static let listCSVHeader = ["person", "district", "age", "turns_18", "placement", "service"]

    static func list(_ list: MinorList, _ output: Output) {
        let csv = {
            (listCSVHeader, list.minors.map { minor in
                [String(minor.person), minor.district ?? "", String(minor.age), minor.turns18.description, minor.placement?.rawValue ?? "",
                 minor.service.rawValue]
            })
        }
        if output.printedForScripts(list, csv: csv) { return }
        guard !list.minors.isEmpty else {
            return output.line(Text(
                "No unaccompanied persons under 25 (\(list.date)).", nb: "Ingen enslige mindreårige under 25 år (\(list.date))."))
        }
        let language = output.language
        output.table(listColumns, rows: list.minors.map { minor in
            ["#\(minor.person)", minor.district ?? "–", String(minor.age), minor.turns18.description,
             minor.placement?.name(language) ?? "–", minor.service.name(language)]
        })
    }

    static func show(_ shown: MinorCase, _ output: Output) {
        let language = output.language
        var rows: [(Text, String)] = [
            (Text("Person", nb: "Person"), "#\(shown.person)"),
            (Text("Turns 18", nb: "Fyller 18"), shown.turns18.description),
            (Text("Representative", nb: "Representant"),
             shown.representative.map { Text("\($0.name), from \($0.appointed)", nb: "\($0.name), fra \($0.appointed)")(language) } ?? "–"),
            (Text("Choice at 18", nb: "Valg ved 18"),
             shown.aftercare.map { "\($0.choice.name(language)) (\($0.date))" } ?? Text("not yet", nb: "ikke ennå")(language)),
            (Text("Follow-up ends", nb: "Oppfølging slutter"), shown.followUpEnds.description),
        ]
        if shown.aftercare == nil { rows.removeLast() }
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(language), value]) }
        output.table(table)
        guard !shown.placements.isEmpty else { return output.line(Text("No placements.", nb: "Ingen tiltak.")) }
        output.line("")
        output.table(
            [ListColumn("FROM", nb: "FRA"), ListColumn("TO", nb: "TIL"), ListColumn("PLACEMENT", nb: "TILTAK"),
             ListColumn("SERVICE", nb: "TJENESTE"), ListColumn("DISTRICT", nb: "BYDEL"), .number("NOK/YEAR", nb: "KR/ÅR"),
             ListColumn("NOTE", nb: "NOTAT", maxWidth: 40)],
            rows: shown.placements.map { placement in
                [placement.from.description, placement.to.description, placement.type.name(language), placement.service.name(language),
                 placement.district ?? "–", money(placement.annualCost), placement.note ?? ""]
            })
    }

    static let costsCSVHeader = ["district", "type", "placements", "cost"]

    static func costs(_ costs: MinorCosts, _ output: Output) {
        let csv = {
            (costsCSVHeader, costs.rows.map { [$0.district ?? "", $0.type.rawValue, String($0.placements), String($0.cost)] })
        }
        if output.printedForScripts(costs, csv: csv) { return }
        guard !costs.rows.isEmpty else { return output.line(Text("No placements in \(costs.year).", nb: "Ingen tiltak i \(costs.year).")) }
        let language = output.language
        output.line(Text("Placements and cost in \(costs.year) (NOK):", nb: "Tiltak og kostnad i \(costs.year) (kroner):"))
        output.table(
            [ListColumn("DISTRICT", nb: "BYDEL"), ListColumn("PLACEMENT", nb: "TILTAK"), .number("PLACEMENTS", nb: "ANTALL"),
             .number("COST", nb: "KOSTNAD")],
            rows: costs.rows.map { row in
                [row.district ?? Text("none", nb: "ingen")(language), row.type.name(language), String(row.placements), money(row.cost)]
            } + [[Text("TOTAL", nb: "TOTALT")(language), "", String(costs.placements), money(costs.cost)]])
    }

    /// Whole kroner in groups of three: `1 300 000` (a space, as both languages read it in Oslo).
    static func money(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        return amount < 0 ? "-" + grouped : grouped
    }
}
