import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// `settlement allocate`, declared with its action (`AllocateCommand`).
extension CommandTree {
    static let settlementAllocate = Command(
        "allocate",
        summary: Text("preview how a year's number splits between the districts", nb: "forhåndsvis hvordan et års tall fordeles på bydelene"),
        discussion: help(
            """
            Changes nothing. --method population splits by the population of a year (default
            the year itself). --method weighted takes criteria NAME:WEIGHT[:less|more][:YEAR]:
            'less' means a district with a lower value gets more (a high immigrant share,
            fewer refugees), 'more' (the default) the opposite. population, immigrant_share,
            refugees_per_1000 (from the year given, or the latest every district has) and
            housing (municipal homes) are taken from the districts; other criteria need
            --values, a CSV file with a district column and one column per criterion, or
            JSON {"criterion": {"district": value}}. Weights are normalised. Quotas are whole
            numbers by the largest-remainder method and sum exactly to the total (the year's
            council decision unless --total is given).
            """,
            nb: """
            Endrer ingenting. --method population fordeler etter folketallet et år (standard
            året selv). --method weighted tar kriterier NAVN:VEKT[:less|more][:ÅR]: «less» betyr
            at en bydel med lavere verdi får flere (høy innvandrerandel, færre flyktninger),
            «more» (standard) det motsatte. population, immigrant_share, refugees_per_1000 (fra
            året som er gitt, eller det siste alle bydeler har) og housing (kommunale boliger)
            hentes fra bydelene; andre kriterier trenger --values, en CSV-fil med en
            district-kolonne og én kolonne per kriterium, eller JSON {"kriterium": {"bydel":
            verdi}}. Vektene normaliseres. Kvotene er hele tall etter største brøks metode og
            summerer nøyaktig til totalen (årets bystyrevedtak med mindre --total er gitt).
            """,
            examples: [
                "beredskap settlement allocate 2016 --method population",
                "beredskap settlement allocate 2016 --method weighted --criterion immigrant_share:2:less --criterion population:1",
                "beredskap settlement allocate 2017 --method weighted --criterion capacity:1 --values kapasitet.csv --total 850",
            ]),
        options: [
            .option("method", value: "METHOD", help: Text("population or weighted", nb: "population eller weighted")),
            .option("population-year", value: "YEAR", help: Text(
                "the population of this year (method population; default the year)",
                nb: "folketallet dette året (metoden population; standard året)")),
            .option("total", value: "N", help: Text(
                "the number to split (default the council's decision)", nb: "tallet som fordeles (standard bystyrets vedtak)")),
            .option("criterion", value: "NAME:WEIGHT[:less|more][:YEAR]", help: Text(
                "a weighted criterion; repeat for more", nb: "et vektet kriterium; gjenta for flere"), repeatable: true),
            .option("values", value: "FILE", help: Text(
                "values per district for the criteria (CSV or JSON)", nb: "verdier per bydel for kriteriene (CSV eller JSON)")),
        ],
        arguments: [settlementYearArgument],
        run: AllocateCommand.run)
}

/// `settlement allocate YEAR --method …`: builds the request, asks the daemon for the preview
/// and prints it with each criterion's contribution.
enum AllocateCommand {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (year, request) = try usage { () throws(UsageError) in
            (try parsed.settlementYear(), try AllocationOptions.request(parsed) { FileManager.default.contents(atPath: $0) })
        }
        let answer = try call { () throws(ClientError) in try context.client.allocation(year, request) }
        AllocationPresentation.print(answer, context.output)
    }
}

/// The allocation request a command line describes.
enum AllocationOptions {
    static func request(_ parsed: ParsedCommand, read: (String) -> Data?) throws(UsageError) -> AllocationRequest {
        guard let methodText = parsed.value("method") else {
            throw parsed.usageError(Text("missing --method (population or weighted)", nb: "mangler --method (population eller weighted)"))
        }
        guard let method = AllocationMethodName(rawValue: methodText) else {
            throw parsed.usageError(Text(
                "--method: expected population or weighted, not '\(methodText)'",
                nb: "--method: forventet population eller weighted, ikke «\(methodText)»"))
        }
        let total = try parsed.int("total", in: 0...LargestRemainder.maximumTotal)
        let texts = parsed.values("criterion")
        switch method {
        case .population:
            guard texts.isEmpty, parsed.value("values") == nil else {
                throw parsed.usageError(Text(
                    "--criterion and --values go with --method weighted", nb: "--criterion og --values hører til --method weighted"))
            }
            return AllocationRequest(
                method: .population, populationYear: try parsed.int("population-year", in: SettlementYear.years), total: total)
        case .weighted:
            guard parsed.value("population-year") == nil else {
                throw parsed.usageError(Text(
                    "--population-year goes with --method population; give the year in the criterion (population:1:more:2016)",
                    nb: "--population-year hører til --method population; gi året i kriteriet (population:1:more:2016)"))
            }
            guard !texts.isEmpty else {
                throw parsed.usageError(Text(
                    "give at least one --criterion NAME:WEIGHT, e.g. --criterion population:1",
                    nb: "gi minst ett --criterion NAVN:VEKT, f.eks. --criterion population:1"))
            }
            var criteria: [AllocationRequest.Criterion] = []
            for text in texts { criteria.append(try criterion(text, parsed)) }
            if let path = parsed.value("values") {
                let values = try valuesFile(path, read: read, parsed)
                for index in criteria.indices { criteria[index].values = values[criteria[index].name] }
            }
            let fromDistricts = Set(AllocationCriterion.ReferenceFigure.allCases.map(\.rawValue))
            if let lacking = criteria.first(where: { $0.values == nil && !fromDistricts.contains($0.name) }) {
                let names = fromDistricts.sorted().joined(separator: ", ")
                throw parsed.usageError(Text(
                    "--criterion \(lacking.name): give its values with --values FILE (only \(names) come from the districts)",
                    nb: "--criterion \(lacking.name): gi verdiene med --values FIL (bare \(names) hentes fra bydelene)"))
            }
            return AllocationRequest(method: .weighted, criteria: criteria, total: total)
        }
    }

    /// `immigrant_share:2:less`, `population:1`, `refugees_per_1000:1:less:2014`.
    static func criterion(_ text: String, _ parsed: ParsedCommand) throws(UsageError) -> AllocationRequest.Criterion {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func refuse(_ problem: Text) -> UsageError {
            parsed.usageError(Text("--criterion '\(text)': ", nb: "--criterion «\(text)»: ") + problem)
        }
        guard (2...4).contains(parts.count), !parts[0].isEmpty else {
            throw refuse(Text("expected NAME:WEIGHT[:less|more][:YEAR]", nb: "forventet NAVN:VEKT[:less|more][:ÅR]"))
        }
        guard let weight = Double(parts[1].replacingOccurrences(of: ",", with: ".")), weight.isFinite else {
            throw refuse(Text("the weight '\(parts[1])' is not a number", nb: "vekten «\(parts[1])» er ikke et tall"))
        }
        var direction = AllocationDirection.moreGetsMore
        var year: Int?
        for part in parts.dropFirst(2) {
            switch part {
            case "less", AllocationDirection.lessGetsMore.rawValue: direction = .lessGetsMore
            case "more", AllocationDirection.moreGetsMore.rawValue: direction = .moreGetsMore
            default:
                guard let number = Int(part), SettlementYear.years.contains(number) else {
                    throw refuse(Text("expected less, more or a year, not '\(part)'", nb: "forventet less, more eller et år, ikke «\(part)»"))
                }
                year = number
            }
        }
        return AllocationRequest.Criterion(name: parts[0], weight: weight, direction: direction, year: year)
    }

    /// Values by criterion, then district, from a CSV (`district;capacity;…`) or JSON file.
    static func valuesFile(_ path: String, read: (String) -> Data?, _ parsed: ParsedCommand) throws(UsageError) -> [String: [String: Double]] {
        guard let data = read(path) else {
            throw parsed.usageError(Text("--values: cannot read \(path)", nb: "--values: kan ikke lese \(path)"))
        }
        if path.lowercased().hasSuffix(".json") {
            do {
                return try JSONValueDecoder().decode([String: [String: Double]].self, from: Array(data))
            } catch {
                throw parsed.usageError(Text(
                    "--values: \(path) is not {\"criterion\": {\"district\": number}}: \(error)",
                    nb: "--values: \(path) er ikke {\"kriterium\": {\"bydel\": tall}}: \(error)"))
            }
        }
        let table: (separator: Character, header: [String], rows: [(line: Int, fields: [String])])
        do {
            table = try CSVReader.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw parsed.usageError(Text("--values: \(path): \(error)", nb: "--values: \(path): \(error)"))
        }
        guard let districtColumn = table.header.firstIndex(of: "district") else {
            throw parsed.usageError(Text(
                "--values: \(path) needs a 'district' column", nb: "--values: \(path) trenger en «district»-kolonne"))
        }
        var values: [String: [String: Double]] = [:]
        for row in table.rows {
            for (column, name) in table.header.enumerated() where column != districtColumn {
                let cell = row.fields[column].trimmingCharacters(in: .whitespaces)
                guard let value = Double(cell.replacingOccurrences(of: ",", with: ".")) else {
                    throw parsed.usageError(Text(
                        "--values: \(path) line \(row.line): '\(cell)' in \(name) is not a number",
                        nb: "--values: \(path) linje \(row.line): «\(cell)» i \(name) er ikke et tall"))
                }
                values[name, default: [:]][row.fields[districtColumn]] = value
            }
        }
        return values
    }
}

/// The preview for people: a table with each district's share, exact quota, quota and each
/// criterion's contribution, a total line, and the tie rule.
enum AllocationPresentation {
    static func print(_ answer: AllocationResponse, _ output: Output) {
        let names = answer.criteria.map(\.name)
        // Quotas were adopted for the year: show what this allocation would change.
        let adopted = answer.adoptedVersion != nil
        guard !output.printedForScripts(answer, csv: {
            (
                ["district", "number", "name", "share", "exact", "quota"] + names.map { "contribution_\($0)" }
                    + (adopted ? ["adopted_quota", "difference_to_adopted"] : []),
                answer.districts.map { row in
                    [row.district, String(row.number), row.name, String(row.share), String(row.exact), String(row.quota)]
                        + names.map { row.contributions[$0].map { String($0) } ?? "" }
                        + (adopted ? [row.adoptedQuota.map(String.init) ?? "", row.differenceToAdopted.map(String.init) ?? ""] : [])
                }
            )
        }) else { return }
        let columns = [
            ListColumn("NO.", nb: "NR.", alignment: .right), ListColumn("DISTRICT", nb: "BYDEL"), .number("SHARE", nb: "ANDEL"),
            .number("EXACT", nb: "EKSAKT"), .number("QUOTA", nb: "KVOTE"),
        ] + names.map { ListColumn($0.uppercased(), nb: $0.uppercased(), alignment: .right) }
            + (adopted ? [.number("ADOPTED", nb: "VEDTATT"), .number("CHANGE", nb: "ENDRING")] : [])
        var rows = answer.districts.map { row in
            [
                String(row.number), row.name, SettlementFormat.percent(row.share), String(format: "%.2f", row.exact),
                String(row.quota),
            ] + names.map { SettlementFormat.percent(row.contributions[$0] ?? 0) }
                + (adopted ? [row.adoptedQuota.map(String.init) ?? "", SettlementFormat.signed(row.differenceToAdopted)] : [])
        }
        let total = Text("Total", nb: "Sum")(output.language)
        rows.append(
            ["", output.style.bold(total), SettlementFormat.percent(answer.districts.reduce(0) { $0 + $1.share }),
             String(format: "%.2f", answer.districts.reduce(0) { $0 + $1.exact }), output.style.bold(String(answer.total))]
                + names.map { name in SettlementFormat.percent(answer.districts.reduce(0) { $0 + ($1.contributions[name] ?? 0) }) }
                + (adopted ? [answer.adoptedTotal.map(String.init) ?? "", SettlementFormat.signed(answer.total - (answer.adoptedTotal ?? 0))] : []))
        output.table(columns, rows: rows)
        output.line("")
        let source = answer.totalSource == "council_decision"
            ? Text("the council's decision for \(answer.year)", nb: "bystyrets vedtak for \(answer.year)")
            : Text("given with --total", nb: "gitt med --total")
        output.line(Text("\(answer.total) places, ", nb: "\(answer.total) plasser, ") + source + Text(".", nb: "."))
        if answer.method == .weighted {
            let weights = answer.criteria.map { criterion in
                let direction = criterion.direction == .lessGetsMore ? Text("less gets more", nb: "lavere gir flere") : Text("more gets more", nb: "høyere gir flere")
                let year = criterion.year.map { " \($0)" } ?? ""
                return "\(criterion.name)\(year) \(SettlementFormat.percent(criterion.weight)) (\(direction(output.language)))"
            }
            output.line(Text("Weights: ", nb: "Vekter: ")(output.language) + weights.joined(separator: ", "))
        } else if let year = answer.criteria.first?.year {
            output.line(Text("By the population of 1 January \(year).", nb: "Etter folketallet 1. januar \(year)."))
        }
        if let version = answer.adoptedVersion {
            output.line(Text(
                "CHANGE: against the quotas in force (version \(version)); adopt with beredskap settlement quotas adopt \(answer.year).",
                nb: "ENDRING: mot kvotene som gjelder (versjon \(version)); vedta med beredskap settlement quotas adopt \(answer.year)."))
        }
        output.line(output.style.dim(Text("Ties: ", nb: "Likhet: ")(output.language) + answer.tieBreak + ". "
            + Text("Nothing was changed.", nb: "Ingenting ble endret.")(output.language)))
    }
}
