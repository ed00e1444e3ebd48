import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `case request|consent|decline|decide|settle|withdraw|show|list|summary`, each declared with
/// its action (`CaseCommands`).
extension CommandTree {
    private static let caseModes = SettlementMode.allCases.map(\.rawValue).joined(separator: ", ")
    private static let caseStates = SettlementCase.State.allCases.map(\.rawValue).joined(separator: ", ")
    private static let caseID = ArgumentSpec.required("ID", help: Text("the case number, e.g. 12", nb: "saksnummeret, f.eks. 12"))
    private static let stepDate = OptionSpec.option("date", value: "DATE", help: Text(
        "when it happened (default today), YYYY-MM-DD", nb: "når det skjedde (standard i dag), ÅÅÅÅ-MM-DD"))

    static let caseCommand = Command(
        "case",
        summary: Text("settlement cases (utsøking): request, consent, decision, settled", nb: "bosettingssaker (utsøking): anmodning, samtykke, vedtak, bosatt"),
        discussion: Text(
            """
            IMDi asks a district to settle a household (request); the district consents or
            declines; IMDi decides with a planned date; the household is settled (a settlement
            record) — or the case is withdrawn on the way. Cases need the cases permission;
            'case summary' (counts, no persons) needs read. Showing a case is recorded.
            """,
            nb: """
            IMDi ber en bydel bosette en husstand (anmodning); bydelen samtykker eller avslår;
            IMDi fatter vedtak med planlagt dato; husstanden bosettes (en bosettingsregistrering)
            — eller saken trekkes underveis. Saker krever tillatelsen cases; «case summary»
            (antall, ingen personer) krever read. Visning av en sak logges.
            """),
        subcommands: [caseRequest, caseConsent, caseDecline, caseDecide, caseSettle, caseWithdraw, caseShow, caseList, caseSummary])

    static let caseRequest = Command(
        "request",
        summary: Text("open a case: IMDi asks a district to settle a household", nb: "opprett en sak: IMDi ber en bydel bosette en husstand"),
        discussion: help(
            "MODE is one of \(caseModes). --reference and --note are person data: shown only with the cases permission, never in events.",
            nb: "MODE er en av \(caseModes). --reference og --note er personopplysninger: vises bare med tillatelsen cases, aldri i hendelser.",
            examples: ["beredskap case request --district alna --household 4 --minors 1 --mode ordinary --reference IMDi-2026-4711"]),
        options: [
            .option("district", short: "d", value: "DISTRICT", help: Text("the district asked (beredskap districts)", nb: "bydelen som spørres (beredskap districts)")),
            .option("household", value: "N", help: Text("people in the household (required)", nb: "personer i husstanden (påkrevd)")),
            .option("minors", value: "N", help: Text("of them unaccompanied minors (default 0)", nb: "av dem enslige mindreårige (standard 0)")),
            .oneOf("mode", value: "MODE", SettlementMode.self, help: Text("how: \(caseModes)", nb: "hvordan: \(caseModes)")),
            .option("requested", value: "DATE", help: Text("when IMDi asked (default today)", nb: "når IMDi spurte (standard i dag)")),
            .option("year", value: "YEAR", help: Text("the settlement year (default the request's)", nb: "bosettingsåret (standard anmodningens)")),
            .option("reference", value: "REF", help: Text("IMDi's reference", nb: "IMDis referanse")),
            .option("note", short: "m", value: "TEXT", help: Text("names and notes", nb: "navn og notater")),
        ],
        run: CaseCommands.request)

    static let caseConsent = step(.consent, Text("the district consents", nb: "bydelen samtykker"), [stepDate])
    static let caseDecline = step(.decline, Text("the district declines (with --reason)", nb: "bydelen avslår (med --reason)"), [
        stepDate, .option("reason", value: "TEXT", help: Text("why (required; person data)", nb: "hvorfor (påkrevd; personopplysning)")),
    ])
    static let caseDecide = step(.decide, Text("IMDi decides, with a planned settlement date", nb: "IMDi fatter vedtak, med planlagt bosettingsdato"), [
        stepDate, .option("planned", value: "DATE", help: Text("the planned settlement date (required)", nb: "planlagt bosettingsdato (påkrevd)")),
    ])
    static let caseSettle = step(.settle, Text("the household is settled (today unless --date)", nb: "husstanden er bosatt (i dag med mindre --date)"), [stepDate])
    static let caseWithdraw = step(.withdraw, Text("withdraw the case (with --reason)", nb: "trekk saken (med --reason)"), [
        stepDate, .option("reason", value: "TEXT", help: Text("why (required; person data)", nb: "hvorfor (påkrevd; personopplysning)")),
    ])

    private static func step(_ action: SettlementCaseAction, _ summary: Text, _ options: [OptionSpec]) -> Command {
        Command(
            action.rawValue, summary: summary,
            discussion: help(
                "Refused with the case's state when it cannot happen from there.",
                nb: "Avvises med sakens tilstand når det ikke kan skje derfra.",
                examples: ["beredskap case \(action.rawValue) 12" + (action == .decide ? " --planned 2026-12-15" : action == .decline || action == .withdraw ? " --reason \"…\"" : "")]),
            options: options, arguments: [caseID], run: { context throws(CommandFailure) in try CaseCommands.step(action, context) })
    }

    static let caseShow = Command(
        "show", summary: Text("one case with its person data (the read is recorded)", nb: "én sak med personopplysninger (visningen logges)"),
        arguments: [caseID], run: CaseCommands.show)

    static let caseList = Command(
        "list", summary: Text("cases without person data", nb: "saker uten personopplysninger"),
        discussion: help("STATE is one of \(caseStates).", nb: "TILSTAND er en av \(caseStates).",
                         examples: ["beredskap case list --state consented", "beredskap case list --district alna --csv"]),
        options: [
            only("state", value: "STATE", Text("cases in this state", nb: "saker i denne tilstanden"), SettlementCase.State.self),
            only("district", value: "DISTRICT", Text("this district's cases", nb: "denne bydelens saker")),
            only("year", value: "YEAR", Text("cases of this settlement year", nb: "saker for dette bosettingsåret")),
        ],
        run: CaseCommands.list)

    static let caseSummary = Command(
        "summary", summary: Text("cases and people per district and state (no persons)", nb: "saker og personer per bydel og tilstand (ingen personer)"),
        options: [only("year", value: "YEAR", Text("this settlement year", nb: "dette bosettingsåret"))],
        run: CaseCommands.summary)
}

/// The actions of `case …`.
enum CaseCommands {
    static func request(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let body = try usage { () throws(UsageError) in
            guard let district = parsed.value("district") else {
                throw parsed.usageError(Text("--district is required", nb: "--district er påkrevd"))
            }
            guard let household = try parsed.positiveInt("household") else {
                throw parsed.usageError(Text("--household is required (people in the household)", nb: "--household er påkrevd (personer i husstanden)"))
            }
            guard let mode = try parsed.enumValue("mode", SettlementMode.self) else {
                throw parsed.usageError(Text("--mode is required", nb: "--mode er påkrevd"))
            }
            return NewSettlementCase(
                district: district, mode: mode, householdSize: household, unaccompaniedMinors: try parsed.nonNegativeInt("minors"),
                requestedOn: try parsed.date("requested"), year: try parsed.int("year", in: 1900...2200),
                reference: parsed.value("reference"), note: parsed.value("note"))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.requestCase(body, idempotencyKey: key) }
        report(answer, context)
    }

    static func step(_ action: SettlementCaseAction, _ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, body) = try usage { () throws(UsageError) in
            let id = try caseID(parsed)
            let reason = parsed.value("reason")
            if (action == .decline || action == .withdraw) && reason == nil {
                throw parsed.usageError(Text("--reason is required: say why", nb: "--reason er påkrevd: si hvorfor"))
            }
            let planned = try parsed.date("planned")
            if action == .decide && planned == nil {
                throw parsed.usageError(Text("--planned is required (the planned settlement date)", nb: "--planned er påkrevd (planlagt bosettingsdato)"))
            }
            return (id, SettlementCaseStep(date: try parsed.date("date"), planned: planned, reason: reason))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.caseStep(action, id: id, body, idempotencyKey: key) }
        report(answer, context)
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = try usage { () throws(UsageError) in try caseID(parsed) }
        let shown = try call { () throws(ClientError) in try context.client.settlementCase(id: id) }
        let output = context.output
        if output.format == .json { return output.json(shown) }
        let found = shown.settlementCase
        let language = output.language
        var rows: [(Text, String)] = [
            (Text("Case", nb: "Sak"), "#\(found.id)"),
            (Text("State", nb: "Tilstand"), found.state.name(language)),
            (Text("District", nb: "Bydel"), found.district),
            (Text("Year", nb: "År"), String(found.year)),
            (Text("Mode", nb: "Måte"), found.mode.name(language)),
            (Text("Household", nb: "Husstand"), "\(found.householdSize)" + (found.unaccompaniedMinors > 0
                ? Text(" (\(found.unaccompaniedMinors) unaccompanied minors)", nb: " (\(found.unaccompaniedMinors) enslige mindreårige)")(language) : "")),
            (Text("Requested", nb: "Anmodet"), found.requestedOn.description),
        ]
        let dates: [(Text, CalendarDate?)] = [
            (Text("Consented", nb: "Samtykket"), found.consentedOn), (Text("Decided", nb: "Vedtatt"), found.decidedOn),
            (Text("Planned", nb: "Planlagt"), found.plannedOn), (Text("Settled", nb: "Bosatt"), found.settledOn),
            (Text("Closed", nb: "Avsluttet"), found.closedOn),
        ]
        rows += dates.compactMap { label, date in date.map { (label, $0.description) } }
        if let housing = found.housing { rows.append((Text("Housing", nb: "Bolig"), housing)) }
        let person = shown.person
        let personal: [(Text, String?)] = [
            (Text("Reference", nb: "Referanse"), person?.reference), (Text("Note", nb: "Notat"), person?.note),
            (Text("Declined because", nb: "Avslått fordi"), person?.declineReason),
            (Text("Withdrawn because", nb: "Trukket fordi"), person?.withdrawReason),
        ]
        rows += personal.compactMap { label, value in value.map { (label, $0) } }
        rows.append((Text("Next", nb: "Neste"), shown.allowed.isEmpty ? "–" : shown.allowed.map(\.rawValue).joined(separator: ", ")))
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(language), value]) }
        output.table(table)
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, year) = try usage { () throws(UsageError) in
            (try parsed.enumValue("state", SettlementCase.State.self), try parsed.int("year", in: 1900...2200))
        }
        let list = try call { () throws(ClientError) in
            try context.client.settlementCases(state: state, district: parsed.value("district"), year: year)
        }
        let output = context.output
        let cases = list.cases.map(\.settlementCase)
        if output.printedForScripts(list, csv: { (csvHeader, cases.map(csvRow)) }) { return }
        guard !cases.isEmpty else { return output.line(Text("No cases.", nb: "Ingen saker.")) }
        output.table(columns, rows: cases.map { found in
            [
                "#\(found.id)", found.state.name(output.language), found.district, found.mode.name(output.language), String(found.householdSize),
                String(found.unaccompaniedMinors), found.requestedOn.description, found.plannedOn?.description ?? "",
                found.settledOn?.description ?? "", found.housing ?? "",
            ]
        })
    }

    static func summary(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try parsed.int("year", in: 1900...2200) }
        let summary = try call { () throws(ClientError) in try context.client.caseSummary(year: year) }
        let output = context.output
        let states = SettlementCase.State.allCases
        let rows = summary.districts + [summary.total]
        if output.printedForScripts(summary, csv: {
            (["district"] + states.map(\.rawValue) + ["persons_waiting", "persons_settled"],
             rows.map { row in [row.district] + states.map { String(row.cases[$0.rawValue] ?? 0) } + [
                 String((row.persons["consented"] ?? 0) + (row.persons["decided"] ?? 0)), String(row.persons["settled"] ?? 0)] })
        }) { return }
        output.table(
            [ListColumn("DISTRICT", nb: "BYDEL")] + states.map { ListColumn.number($0.rawValue.uppercased(), nb: $0.name.nb.uppercased()) }
                + [.number("PERSONS SETTLED", nb: "PERSONER BOSATT")],
            rows: rows.map { row in
                [row.district] + states.map { String(row.cases[$0.rawValue] ?? 0) } + [String(row.persons["settled"] ?? 0)]
            })
    }

    /// What a change answers: the case as it now is, in one line.
    private static func report(_ answer: Mutation<SettlementCaseResource>, _ context: CommandContext) {
        let output = context.output
        if output.format == .json { return output.json(answer) }
        let found = answer.resource.settlementCase
        let next = answer.resource.allowed.map(\.rawValue).joined(separator: ", ")
        output.line(Text(
            "Case #\(found.id) (\(found.district), \(found.householdSize) persons) is \(found.state.rawValue) (event \(answer.eventSeq))."
                + (next.isEmpty ? "" : " Next: \(next)."),
            nb: "Sak #\(found.id) (\(found.district), \(found.householdSize) personer) er \(found.state.name.nb) (hendelse \(answer.eventSeq))."
                + (next.isEmpty ? "" : " Neste: \(next).")))
    }

    private static func caseID(_ parsed: ParsedCommand) throws(UsageError) -> Int64 {
        let text = parsed.argument("ID") ?? ""
        guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), id > 0 else {
            throw parsed.usageError(Text("expected a case number such as 12, got '\(text)'", nb: "forventet et saksnummer som 12, fikk «\(text)»"))
        }
        return id
    }

    static let columns: [ListColumn] = [
        .number("CASE", nb: "SAK"), ListColumn("STATE", nb: "TILSTAND"), ListColumn("DISTRICT", nb: "BYDEL"),
        ListColumn("MODE", nb: "MÅTE"), .number("PERSONS", nb: "PERSONER"), .number("MINORS", nb: "EMA"),
        ListColumn("REQUESTED", nb: "ANMODET"), ListColumn("PLANNED", nb: "PLANLAGT"), ListColumn("SETTLED", nb: "BOSATT"),
        ListColumn("HOUSING", nb: "BOLIG"),
    ]

    static let csvHeader = [
        "id", "state", "district", "year", "mode", "household_size", "unaccompanied_minors", "requested_on", "consented_on",
        "decided_on", "planned_on", "settled_on", "closed_on", "housing",
    ]

    static func csvRow(_ found: SettlementCase) -> [String] {
        [
            String(found.id), found.state.rawValue, found.district, String(found.year), found.mode.rawValue,
            String(found.householdSize), String(found.unaccompaniedMinors), found.requestedOn.description,
            found.consentedOn?.description ?? "", found.decidedOn?.description ?? "", found.plannedOn?.description ?? "",
            found.settledOn?.description ?? "", found.closedOn?.description ?? "", found.housing ?? "",
        ]
    }
}
