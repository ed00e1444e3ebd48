import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `report sitrep` (`SitrepCommand`) and `report scheduled` (`ScheduledReportCommand`).
extension CommandTree {
    static let report = Command(
        "report",
        summary: Text("reports made from the live state", nb: "rapporter laget fra tilstanden nå"),
        discussion: Text(
            "The situation report for the coordination groups, and its public variant for the municipality's page; and the reports the schedules in the configuration made (reports.schedules).",
            nb: "Situasjonsrapporten til samordningsgruppene, og den offentlige versjonen til kommunens nettside; og rapportene planene i konfigurasjonen har laget (reports.schedules)."),
        subcommands: [sitrep, reportScheduled])

    static let sitrep = Command(
        "sitrep",
        summary: Text("the situation report (situasjonsrapport)", nb: "situasjonsrapporten"),
        discussion: Text(
            """
            Capacity by kind and district with the cap, the surge level and its last 7 days, the
            forecast of days to full, the firing alerts, the playbook runs under way and their
            late steps, the deadlines, the settlement of the year, the incident log of the last
            24 hours, and arrivals and occupancy for 28 days — as Markdown (the default), one
            HTML page with charts to open or print on A4, or JSON. In bokmål unless --lang en.

            --public leaves out everything but aggregates (no facility, alert subject, step,
            owner, deadline, log entry or person) and does not show counts of fewer than 5
            people, for the municipality's information page.

            --at describes an earlier time: the series and the log end there; the parts that
            only exist as they are now (capacity, alerts, runs, deadlines, forecast) say so.

            Examples:
              beredskap report sitrep
              beredskap report sitrep --format html --output sitrep.html
              beredskap report sitrep --public --lang en --format md
            """,
            nb: """
            Kapasitet per type og bydel med taket, ankomstnivået og de siste 7 døgnene,
            prognosen for dager til fullt, utløste varsler, tiltakskort i gang og stegene som er
            forsinket, fristene, årets bosetting, hendelsesloggen siste døgn, og ankomster og
            belegg i 28 døgn — som Markdown (standard), én HTML-side med diagrammer å åpne eller
            skrive ut på A4, eller JSON. På bokmål med mindre --lang en er gitt.

            --public tar bare med samletall (ingen mottak, varselemner, steg, ansvarlige,
            frister, logginnførsler eller personer) og viser ikke tall på færre enn 5 personer,
            til kommunens informasjonsside.

            --at beskriver et tidligere tidspunkt: seriene og loggen slutter der; delene som
            bare finnes slik de er nå (kapasitet, varsler, tiltakskort, frister, prognose), sier
            det.

            Eksempler:
              beredskap report sitrep
              beredskap report sitrep --format html --output sitrep.html
              beredskap report sitrep --public --lang en --format md
            """),
        options: [
            ReportOutput.formatOption,
            .option("at", value: "TIME", help: Text(
                "the time it describes, local: '2026-11-22 09:30', '09:30' (today), a date (its midnight) or RFC 3339; default now",
                nb: "tidspunktet den beskriver, lokal tid: «2026-11-22 09:30», «09:30» (i dag), en dato (midnatt) eller RFC 3339; standard nå")),
            .flag("public", help: Text("aggregates only, small numbers suppressed", nb: "bare samletall, små tall skjult")),
            ReportOutput.outputOption,
        ],
        run: SitrepCommand.run)
}

/// `report sitrep`.
enum SitrepCommand {
    /// What was asked for: the format, the language, the variant, the instant and where it goes.
    struct Request: Equatable {
        var format: ReportFormat
        var language: Language
        var isPublic: Bool
        var at: Timestamp?
        /// nil: standard output.
        var output: String?
    }

    /// `--format` wins; `--json` alone means JSON. Bokmål unless `--lang` says otherwise, as
    /// the office writes it, whatever the terminal's language.
    static func request(_ parsed: ParsedCommand, calendar: LocalCalendar) throws(UsageError) -> Request {
        let format = try parsed.choice("format", among: ReportFormat.allCases.map(\.rawValue))
            .flatMap(ReportFormat.init(rawValue:)) ?? (parsed.flag("json") ? .json : .markdown)
        let language = parsed.value("lang").flatMap(Language.init(identifier:)) ?? .nb
        let output = parsed.value("output")
        if let output, output.isEmpty {
            throw parsed.usageError(Text("--output needs a file name", nb: "--output trenger et filnavn"))
        }
        return Request(
            format: format, language: language, isPublic: parsed.flag("public"), at: try parsed.instant("at", calendar: calendar),
            output: output)
    }

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let calendar = context.output.calendar
        let request = try usage { () throws(UsageError) in try Self.request(context.parsed, calendar: calendar) }
        let report = try call { () throws(ClientError) in
            try context.client.sitrep(format: request.format, language: request.language, isPublic: request.isPublic, at: request.at)
        }
        try ReportOutput.deliver(report, to: request.output, context)
    }
}
