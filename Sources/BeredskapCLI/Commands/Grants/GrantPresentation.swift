import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How the grants are shown to people: NOK aligned with thousands grouped in the reader's
/// language, the persons counted beside each amount.
enum GrantPresentation {
    static let forecastCSVHeader = ["year", "rates_year", "district", "grant", "persons", "nok"]

    static func forecast(_ forecast: GrantForecastResource, _ output: Output) {
        let csv = {
            (forecastCSVHeader, (forecast.districts + [forecast.totals]).flatMap { row in
                let base = [String(forecast.year), String(forecast.ratesYear), row.district ?? ""]
                return row.grants.map { base + [$0.grant.rawValue, String($0.persons), String($0.nok)] }
                    + [base + ["unclaimed", String(row.unclaimed.persons), String(row.unclaimed.nok)]]
            })
        }
        if output.printedForScripts(forecast, csv: csv) { return }
        let language = output.language
        if forecast.ratesYear != forecast.year {
            output.line(Text(
                "No rates for \(forecast.year): the rates of \(forecast.ratesYear) are used.",
                nb: "Ingen satser for \(forecast.year): satsene for \(forecast.ratesYear) er brukt."))
        }
        guard !forecast.districts.isEmpty else {
            return output.line(Text("No grants forecast for \(forecast.year).", nb: "Ingen tilskudd i prognosen for \(forecast.year)."))
        }
        let columns = [ListColumn("DISTRICT", nb: "BYDEL")] + Grant.allCases.map(column)
            + [ListColumn.number("TOTAL NOK", nb: "SUM KR"), ListColumn.number("UNCLAIMED T1", nb: "IKKE SØKT T1")]
        func amount(_ nok: Int64, _ persons: Int) -> String { persons == 0 ? "–" : "\(NOK.text(nok, language)) (\(persons))" }
        func cells(_ row: GrantForecastRow, name: String) -> [String] {
            [name] + row.grants.map { amount($0.nok, $0.persons) } + [NOK.text(row.totalNok, language), amount(row.unclaimed.nok, row.unclaimed.persons)]
        }
        output.line(Text("Grants \(forecast.year), NOK (persons):", nb: "Tilskudd \(forecast.year), kroner (personer):"))
        output.table(columns, rows: forecast.districts.map { cells($0, name: $0.district ?? "–") }
            + [cells(forecast.totals, name: Text("Oslo", nb: "Oslo")(language))])
        let split = forecast.totals.settlementYearSplit
        output.line(Text(
            "Settlement year: \(NOK.text(split.district, .en)) to the districts, \(NOK.text(split.educationAgency, .en)) to the education agency.",
            nb: "Bosettingsåret: \(NOK.text(split.district, .nb)) til bydelene, \(NOK.text(split.educationAgency, .nb)) til Utdanningsetaten."))
    }

    /// A grant's column: short enough for fifteen districts on one screen.
    private static func column(_ grant: Grant) -> ListColumn {
        switch grant {
        case .integration: .number("INTEGRATION", nb: "INTEGRERING")
        case .minor: .number("MINORS", nb: "EM")
        case .disabilityT1: .number("DISABILITY T1", nb: "FUNKSJ. T1")
        case .disabilityT2: .number("DISABILITY T2", nb: "FUNKSJ. T2")
        }
    }

    static let missingCSVHeader = ["person", "district", "due_date", "state"]

    static func missing(_ list: MissingGrantApplicationList, _ output: Output) {
        let csv = { (missingCSVHeader, list.persons.map { [String($0.person), $0.district ?? "", $0.dueDate.description, $0.state.rawValue] }) }
        if output.printedForScripts(list, csv: csv) { return }
        guard !list.persons.isEmpty else {
            return output.line(Text(
                "No disability-grant application missing within \(list.within) days (\(list.date)).",
                nb: "Ingen søknad om tilskudd ved funksjonshemming mangler innen \(list.within) dager (\(list.date))."))
        }
        let language = output.language
        output.table(
            [.number("PERSON", nb: "PERSON"), ListColumn("DISTRICT", nb: "BYDEL"), ListColumn("DUE", nb: "FRIST"), ListColumn("STATE", nb: "TILSTAND")],
            rows: list.persons.map { entry in
                let state = PersonPresentation.state(entry.state)(language)
                return ["#\(entry.person)", entry.district ?? "–", entry.dueDate.description,
                        entry.state == .overdue ? output.style.red(state) : output.style.yellow(state)]
            })
        output.line(Text("Record one: beredskap grants apply PERSON t1 --date DATE", nb: "Registrer en: beredskap grants apply PERSON t1 --date DATO"))
    }

    static func applied(_ answer: Mutation<GrantApplicationResource>, _ output: Output) {
        if output.format == .json { return output.json(answer) }
        let application = answer.resource
        let amount = application.amount.map { (en: " (\(NOK.text($0, .en)) NOK)", nb: " (\(NOK.text($0, .nb)) kr)") } ?? (en: "", nb: "")
        output.line(Text(
            "Person #\(application.person): \(application.grant.grant.name.en) applied for on \(application.applied)\(amount.en) (event \(answer.eventSeq)).",
            nb: "Person #\(application.person): søkt \(application.grant.grant.name.nb) \(application.applied)\(amount.nb) (hendelse \(answer.eventSeq))."))
    }
}
