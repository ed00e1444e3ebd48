import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How a programme and the results are shown to people. A suppressed share is written
/// "suppressed" ("u.off." in bokmål), never 0 %, and has no bar.
enum IntroPresentation {
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// A share as a cell: the percent, "suppressed", or "–" where the source has none.
    static func cell(_ share: Double?, suppressed: Bool, _ language: Language) -> String {
        if suppressed { return suppressedText(language) }
        return share.map(percent) ?? "–"
    }

    static func suppressedText(_ language: Language) -> String { Text("suppressed", nb: "u.off.")(language) }

    /// One line after a step: the state and the planned end.
    static func summary(_ programme: IntroResource, _ language: Language) -> String {
        if let ended = programme.ended {
            let follow = programme.followUp.map { Text("; one year after: \($0.status.name.en)", nb: "; ett år etter: \($0.status.name.nb)") }
            return Text(
                "Person #\(programme.person)'s programme ended \(ended.date): \(ended.reason.name.en)",
                nb: "Person #\(programme.person) avsluttet programmet \(ended.date): \(ended.reason.name.nb)")(language)
                + (follow?(language) ?? "") + "."
        }
        return Text(
            "Person #\(programme.person)'s programme is \(programme.state.rawValue), planned to end \(programme.plannedEnd).",
            nb: "Person #\(programme.person) sitt program er \(programme.state.name.nb), planlagt slutt \(programme.plannedEnd).")(language)
    }

    static func show(_ programme: IntroResource, _ output: Output) {
        let language = output.language
        var rows: [(Text, String)] = [
            (Text("Person", nb: "Person"), "#\(programme.person)"),
            (Text("District", nb: "Bydel"), programme.district ?? "–"),
            (Text("State", nb: "Tilstand"), programme.state.name(language)),
            (Text("Goal", nb: "Mål"), programme.goal.name(language)),
            (Text("Started", nb: "Startet"), programme.started.description),
            (Text("Months", nb: "Måneder"), String(programme.months) + (programme.extensionMonths.map { " + \($0)" } ?? "")),
            (Text("Days paused", nb: "Dager i avbrudd"), String(programme.pausedDays)),
            (Text("Planned end", nb: "Planlagt slutt"), programme.plannedEnd.description),
        ]
        if programme.voluntary { rows.append((Text("Offered without the right", nb: "Tilbudt uten rett"), Text("yes", nb: "ja")(language))) }
        if let ended = programme.ended {
            rows.append((Text("Ended", nb: "Avsluttet"), "\(ended.date): \(ended.reason.name(language))"))
        }
        if let followUp = programme.followUp {
            rows.append((Text("One year after", nb: "Ett år etter"), "\(followUp.date): \(followUp.status.name(language))"))
        }
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(language), value]) }
        output.table(table)
        if !programme.interruptions.isEmpty {
            output.line("")
            output.table(
                [ListColumn("INTERRUPTED", nb: "AVBRUTT"), ListColumn("RESUMED", nb: "GJENOPPTATT")],
                rows: programme.interruptions.map { [$0.from.description, $0.to?.description ?? "–"] })
        }
        if !programme.notes.isEmpty {
            output.line("")
            output.table(
                [ListColumn("STEP", nb: "STEG"), ListColumn("NOTE", nb: "NOTAT", maxWidth: 60)],
                rows: programme.notes.map { [$0.action.rawValue, $0.note] })
        }
    }

    static let csvHeader = [
        "year", "source", "district", "participants", "share", "suppressed", "below_national", "one_year_after_participants",
        "one_year_after_share", "one_year_after_suppressed", "one_year_after_below_national",
    ]

    static func csvRow(_ results: IntroResultsResource, _ row: IntroResultRow) -> [String] {
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "" }
        let after = row.oneYearAfter
        return [
            String(results.year), results.source.rawValue, row.district, text(row.participants), text(row.share), String(row.suppressed),
            text(row.belowNational), text(after?.participants), text(after?.share), text(after?.suppressed), text(after?.belowNational),
        ]
    }

    static func results(_ results: IntroResultsResource, _ output: Output) {
        let rows = results.districts + [results.city]
        if output.printedForScripts(results, csv: { (csvHeader, rows.map { csvRow(results, $0) }) }) { return }
        let language = output.language
        let style = output.style
        let below = Text("below", nb: "under")(language)
        output.line(results.source == .reference
            ? Text(
                "\(results.year): the strategy's published figures (reference).",
                nb: "\(results.year): strategiens publiserte tall (referanse).")
            : Text("\(results.year): the programmes recorded.", nb: "\(results.year): programmene som er registrert."))
        output.table(
            [
                ListColumn("DISTRICT", nb: "BYDEL"), .number("ENDED", nb: "AVSLUTTET"), .number("RIGHT AFTER", nb: "RETT ETTER"),
                ListColumn("", nb: ""), .number("FOLLOWED", nb: "FULGT OPP"), .number("ONE YEAR AFTER", nb: "ETT ÅR ETTER"),
                ListColumn("", nb: ""),
            ],
            rows: rows.map { row in
                let after = row.oneYearAfter
                return [
                    districtName(row.district), row.participants.map(String.init) ?? "–", cell(row.share, suppressed: row.suppressed, language),
                    row.belowNational == true ? style.yellow(below) : "",
                    after?.participants.map(String.init) ?? "–", after.map { cell($0.share, suppressed: $0.suppressed, language) } ?? "–",
                    after?.belowNational == true ? style.yellow(below) : "",
                ]
            })
        let national = Text("national average", nb: "landsgjennomsnitt")(language)
        let target = Text("national target", nb: "nasjonalt mål")(language)
        chart(
            Text("Right after the programme", nb: "Rett etter programmet")(language),
            rows.map { (districtName($0.district), $0.share, $0.suppressed) }, reference: [(national, results.national.rightAfter), (target, results.target)],
            output)
        if rows.contains(where: { $0.oneYearAfter != nil }) {
            chart(
                Text("One year after", nb: "Ett år etter")(language),
                rows.compactMap { row in row.oneYearAfter.map { (districtName(row.district), $0.share, $0.suppressed) } },
                reference: [(national, results.national.oneYearAfter), (target, results.target)], output)
        }
    }

    /// A district as people name it (`Grünerløkka`, the city `Oslo`); CSV and JSON keep the ids.
    static func districtName(_ id: String) -> String {
        District.oslo.first { $0.id == id }?.name ?? (id == "oslo" ? "Oslo" : id)
    }

    /// Bars in percent, scaled to 100, with the national average and target as bars of their
    /// own to read the districts against; the suppressed are named below, without a bar.
    private static func chart(
        _ title: String, _ shares: [(String, Double?, Bool)], reference: [(String, Double?)], _ output: Output
    ) {
        var bars = shares.compactMap { district, share, suppressed -> Chart.Bar? in
            guard !suppressed, let share else { return nil }
            return Chart.Bar(label: district, value: Int((share * 100).rounded()), note: "%")
        }
        bars += reference.compactMap { label, share in share.map { Chart.Bar(label: label, value: Int(($0 * 100).rounded()), note: "%") } }
        output.line("")
        output.line(title)
        for line in Chart.bars(bars, width: output.width, scale: 100) { output.line(line) }
        let suppressed = shares.filter(\.2).map(\.0)
        if !suppressed.isEmpty {
            output.line(Text(
                "Suppressed (too few participants to publish): \(suppressed.joined(separator: ", "))",
                nb: "U.off. (for få deltakere til å publisere): \(suppressed.joined(separator: ", "))"))
        }
    }
}
