import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// `settlement year set|show` and `settlement history`, each declared with its action
/// (`SettlementYearCommands`).
extension CommandTree {
    static let settlementYear = Command(
        "year",
        summary: Text("one year's request and decision: set, show", nb: "ett års anmodning og vedtak: sett, vis"),
        subcommands: [settlementYearSet, settlementYearShow])

    static let settlementYearSet = Command(
        "set",
        summary: Text("set IMDi's request and the council's decision for a year", nb: "sett IMDis anmodning og bystyrets vedtak for et år"),
        discussion: help(
            """
            Changes only the numbers given; the others stay as they were. The minors are the
            unaccompanied minors' part of the number (never more than it). The note says where
            the numbers come from.
            """,
            nb: """
            Endrer bare tallene som er gitt; de andre blir som de var. De enslige mindreårige er
            deres del av tallet (aldri flere enn det). Merknaden sier hvor tallene kommer fra.
            """,
            examples: [
                "beredskap settlement year set 2016 --request 1000 --decision 1000 --decision-minors 190",
                "beredskap settlement year set 2017 --request 1150 --note \"Antydning fra IMDi høsten 2015\"",
            ]),
        options: [
            .option("request", value: "N", help: Text("IMDi's request", nb: "IMDis anmodning")),
            .option("decision", value: "N", help: Text("the city council's decision", nb: "bystyrets vedtak")),
            .option("request-minors", value: "N", help: Text("unaccompanied minors in the request", nb: "enslige mindreårige i anmodningen")),
            .option("decision-minors", value: "N", help: Text("unaccompanied minors in the decision", nb: "enslige mindreårige i vedtaket")),
            .option("note", value: "TEXT", help: Text("the source, or what qualifies the numbers; \"\" removes it", nb: "kilden, eller hva som begrenser tallene; \"\" fjerner den")),
        ],
        arguments: [settlementYearArgument],
        run: SettlementYearCommands.set)

    static let settlementYearShow = Command(
        "show",
        summary: Text("show one year", nb: "vis ett år"),
        discussion: help("", nb: "", examples: ["beredskap settlement year show 2016", "beredskap settlement year show 2016 --json"]),
        arguments: [settlementYearArgument],
        run: SettlementYearCommands.show)

    static let settlementHistory = Command(
        "history",
        summary: Text("request against decision, year by year, with a chart", nb: "anmodning mot vedtak, år for år, med diagram"),
        discussion: help(
            """
            A table of every year with IMDi's request, the council's decision and the
            difference, a bar for each, and the years the council decided fewer than asked.
            """,
            nb: """
            En tabell over hvert år med IMDis anmodning, bystyrets vedtak og differansen, en
            stolpe for hver, og årene bystyret vedtok færre enn IMDi ba om.
            """,
            examples: ["beredskap settlement history", "beredskap settlement history --csv > bosetting.csv"]),
        run: SettlementYearCommands.history)
}

/// `settlement year set`, `settlement year show` and `settlement history`.
enum SettlementYearCommands {
    static func set(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (year, changes) = try usage { () throws(UsageError) in (try parsed.settlementYear(), try YearChanges(parsed)) }
        let existing: SettlementYearResource?
        do throws(ClientError) {
            existing = try context.client.settlementYear(year)
        } catch {
            guard case .api(let status, _) = error, status == 404 else { throw CommandFailure.client(error) }
            existing = nil
        }
        let body = changes.applied(to: existing)
        let key = context.idempotencyKey()
        let changed = try call { () throws(ClientError) in try context.client.putSettlementYear(year, body, idempotencyKey: key) }
        let output = context.output
        guard output.format == .human else { return present(changed.year, output) }
        let what = changed.changed ? Text("Set \(year)", nb: "Satt \(year)") : Text("No change to \(year)", nb: "Ingen endring for \(year)")
        output.line(what + Text(
            ": request \(SettlementFormat.count(changed.year.imdiRequest)), decision \(SettlementFormat.count(changed.year.councilDecision)), event #\(changed.eventSeq).",
            nb: ": anmodning \(SettlementFormat.count(changed.year.imdiRequest)), vedtak \(SettlementFormat.count(changed.year.councilDecision)), hendelse #\(changed.eventSeq)."))
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let year = try usage { () throws(UsageError) in try context.parsed.settlementYear() }
        present(try call { () throws(ClientError) in try context.client.settlementYear(year) }, context.output)
    }

    static func history(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.settlementYears() }
        SettlementHistory.print(list, context.output)
    }

    static func present(_ year: SettlementYearResource, _ output: Output) {
        switch output.format {
        case .json: return output.json(year)
        case .csv: return output.csv(header: SettlementHistory.csvHeader, rows: [SettlementHistory.csvRow(year)])
        case .human: break
        }
        var rows: [(Text, String)] = [
            (Text("Year", nb: "År"), output.style.bold(String(year.year))),
            (Text("IMDi's request", nb: "IMDis anmodning"), SettlementFormat.count(year.imdiRequest, minors: year.imdiRequestMinors, output.language)),
            (Text("Council decision", nb: "Bystyrets vedtak"), SettlementFormat.count(year.councilDecision, minors: year.councilDecisionMinors, output.language)),
            (Text("Difference", nb: "Differanse"), SettlementFormat.signed(year.difference)),
        ]
        if let note = year.note { rows.append((Text("Note", nb: "Merknad"), note)) }
        output.keyValues(rows)
    }
}

/// The numbers `settlement year set` was given, applied over what the daemon has.
struct YearChanges: Equatable {
    var request: Int?
    var decision: Int?
    var requestMinors: Int?
    var decisionMinors: Int?
    /// `""` removes the note.
    var note: String?

    init(_ parsed: ParsedCommand) throws(UsageError) {
        let counts = 0...SettlementYear.maximumCount
        request = try parsed.int("request", in: counts)
        decision = try parsed.int("decision", in: counts)
        requestMinors = try parsed.int("request-minors", in: counts)
        decisionMinors = try parsed.int("decision-minors", in: counts)
        note = parsed.value("note")
        guard request != nil || decision != nil || requestMinors != nil || decisionMinors != nil || note != nil else {
            throw parsed.usageError(Text(
                "nothing to set: give at least one option, e.g. --request 1000 --decision 1000",
                nb: "ingenting å sette: gi minst ett valg, f.eks. --request 1000 --decision 1000"))
        }
    }

    func applied(to existing: SettlementYearResource?) -> SettlementYearBody {
        let note = note.map { $0.isEmpty ? nil : $0 } ?? existing?.note
        return SettlementYearBody(
            imdiRequest: request ?? existing?.imdiRequest, imdiRequestMinors: requestMinors ?? existing?.imdiRequestMinors,
            councilDecision: decision ?? existing?.councilDecision,
            councilDecisionMinors: decisionMinors ?? existing?.councilDecisionMinors, note: note)
    }
}

/// How settlement numbers read for people.
enum SettlementFormat {
    /// `1000`, or `–` when unknown.
    static func count(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    /// `1000 (190 minors)`.
    static func count(_ value: Int?, minors: Int?, _ language: Language) -> String {
        guard let minors else { return count(value) }
        return count(value) + Text(" (\(minors) minors)", nb: " (\(minors) EM)")(language)
    }

    /// `−240`, `+3`, `0`, `–` when unknown.
    static func signed(_ value: Int?) -> String {
        guard let value else { return "–" }
        return value < 0 ? "−\(-value)" : value > 0 ? "+\(value)" : "0"
    }

    /// `7.9 %`.
    static func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }
}
