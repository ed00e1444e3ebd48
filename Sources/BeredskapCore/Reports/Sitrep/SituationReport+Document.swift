import BeredskapJSON
import Foundation

extension SituationReport {
    /// The report as Markdown, one HTML page or JSON, in `language`; times in the report's
    /// zone with the zone marked (`calendar`, or the zone the report names).
    ///
    /// The one entry point the route, the CLI and the scheduled reports share.
    public func rendered(as format: ReportFormat, language: Language, calendar: LocalCalendar? = nil) -> String {
        switch format {
        case .markdown: return document(language, calendar: calendar ?? reportCalendar).markdown
        case .html: return document(language, calendar: calendar ?? reportCalendar).html
        case .json:
            // Plain Codable values of numbers, strings and dates: encoding them cannot fail.
            return (try? JSONValueEncoder().encode(self).serializedString(pretty: true)).map { $0 + "\n" } ?? "{}\n"
        }
    }

    /// The zone the report names, or UTC when this system does not know it.
    private var reportCalendar: LocalCalendar {
        LocalCalendar(identifier: timeZone) ?? LocalCalendar(timeZone: .gmt, identifier: "UTC")
    }

    /// What the report says in `language`: the sections both renderings show.
    public func document(_ language: Language, calendar: LocalCalendar) -> ReportDocument {
        let words = SitrepWords(language: language, calendar: calendar, report: self)
        let title = audience == .public
            ? words.say("Situation report — public version", nb: "Situasjonsrapport — offentlig versjon")
            : words.say("Situation report", nb: "Situasjonsrapport")
        return ReportDocument(
            language: language, title: title, facts: words.facts,
            sections: [
                words.capacitySection, words.surgeSection, words.forecastSection, words.alertSection, words.playbookSection,
                words.deadlineSection, words.settlementSection, words.incidentLogSection, words.arrivalSection,
                words.occupancySection, words.absentSection,
            ].compactMap { $0 })
    }
}

/// The sentences and rows of a situation report in one language.
struct SitrepWords: ReportWording {
    let language: Language
    let calendar: LocalCalendar
    let report: SituationReport

    func decimal(_ value: Double) -> String {
        let text = SVGChartFrame.number(value)
        return language == .nb ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A count of people, or the words for one too small to publish.
    func count(_ value: Int?, _ suppression: SmallCounts.Suppression?) -> String {
        let minimum = report.minimumCount ?? SmallCounts.defaultMinimum
        switch suppression {
        case .small: return say("under \(minimum)", nb: "færre enn \(minimum)")
        case .cover: return say("withheld", nb: "skjermet")
        case nil: return value.map(String.init) ?? "–"
        }
    }

    /// More than a minute between the instant described and the generation: a past report.
    var describesThePast: Bool { report.generatedAt.milliseconds(since: report.at) > 60_000 }

    /// The paragraph of a section read as of now in a report of the past.
    func asOfNote(_ asOf: Timestamp) -> [String] {
        guard describesThePast, asOf > report.at else { return [] }
        return [say(
            "As of now (\(time(asOf))), not as of \(time(report.at)): this part is not kept as history.",
            nb: "Slik det står nå (\(time(asOf))), ikke per \(time(report.at)): denne delen lagres ikke historisk.")]
    }

    var facts: [ReportDocument.Fact] {
        var facts = [
            ReportDocument.Fact(say("As of", nb: "Per"), time(report.at)),
            ReportDocument.Fact(say("Generated", nb: "Laget"), time(report.generatedAt)),
            ReportDocument.Fact(say("Time zone", nb: "Tidssone"), report.timeZone),
        ]
        if describesThePast {
            facts.append(.init(
                say("Point in time", nb: "Tidspunkt"),
                say("in the past: series and logs end at it; parts only known as of now say so",
                    nb: "tilbake i tid: serier og logger slutter der; deler som bare finnes slik de er nå, er merket"),
                emphasis: "late"))
        }
        if report.audience == .public, let minimum = report.minimumCount {
            facts.append(.init(
                say("Small numbers", nb: "Små tall"),
                say("counts of fewer than \(minimum) people are not shown, nor (“withheld”) others that would give them away through a total",
                    nb: "tall på færre enn \(minimum) personer vises ikke, heller ikke («skjermet») andre som ville røpe dem gjennom en sum")))
        }
        return facts
    }

    // MARK: - Capacity

    func kindName(_ key: String) -> String { FacilityKind(rawValue: key)?.name(language) ?? key }

    func capacityRows(_ rows: [SituationReport.CapacityRow], name: (SituationReport.CapacityRow) -> String) -> [[String]] {
        rows.map { row in
            [name(row), "\(row.facilities)", "\(row.places)", count(row.occupied, row.suppression),
             count(row.free, nil), percent(row.utilisation), "\(row.overCap)"]
        }
    }

    var capacityHeader: [String] {
        [say("Facilities", nb: "Mottak"), say("Places", nb: "Plasser"), say("Occupied", nb: "Belegg"), say("Free", nb: "Ledige"),
         say("Utilisation", nb: "Utnyttelse"), say("Over the cap", nb: "Over taket")]
    }

    var capacitySection: ReportDocument.Section? {
        guard let capacity = report.capacity else { return nil }
        var tables = [
            ReportDocument.Table(
                header: [say("Kind", nb: "Type")] + capacityHeader,
                rows: capacityRows(capacity.byKind) { kindName($0.key) } + capacityRows([capacity.total]) { _ in say("All", nb: "Alle") },
                numeric: Set(1...6)),
            ReportDocument.Table(
                header: [say("District", nb: "Bydel")] + capacityHeader,
                rows: capacityRows(capacity.byDistrict) { $0.key == CapacityPicture.noDistrict ? say("No district", nb: "Uten bydel") : $0.name },
                numeric: Set(1...6)),
        ]
        if !capacity.overCap.isEmpty {
            tables.append(ReportDocument.Table(
                header: [say("Facility over the cap", nb: "Mottak over taket"), say("Largest capacity", nb: "Største kapasitet")],
                rows: capacity.overCap.map { ["\($0.name) (\($0.facility))", "\($0.largestCapacity)"] }, numeric: [1]))
        }
        return ReportDocument.Section(
            say("Capacity", nb: "Kapasitet"),
            text: asOfNote(capacity.asOf) + [say(
                "Places that can be used now (operating facilities, less places out of use); the cap is \(capacity.cap) places per facility.",
                nb: "Plasser som kan brukes nå (mottak i drift, fratrukket plasser ute av bruk); taket er \(capacity.cap) plasser per mottak.")],
            facts: [.init(say("Facilities over the cap", nb: "Mottak over taket"), "\(capacity.overCapCount)",
                          emphasis: capacity.overCapCount > 0 ? "late" : nil)],
            tables: tables)
    }

    // MARK: - Surge and forecast

    var surgeSection: ReportDocument.Section? {
        guard let surge = report.surge else { return nil }
        return ReportDocument.Section(
            say("Surge level", nb: "Ankomstnivå"),
            facts: [
                .init(say("Level", nb: "Nivå"), surge.level.name(language), emphasis: surge.level > .normal ? "late" : nil),
                .init(say("Since", nb: "Siden"), surge.since.map(time) ?? say("never changed", nb: "aldri endret")),
                .init(say("Arrivals in the last 7 days", nb: "Ankomster siste 7 døgn"), count(surge.arrivals, surge.suppression)),
            ],
            tables: [
                ReportDocument.Table(
                    header: [say("Date", nb: "Dato"), say("Highest level", nb: "Høyeste nivå")],
                    rows: surge.days.map { ["\($0.date)", $0.level.name(language)] }),
            ] + (surge.changes.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Changed", nb: "Endret"), say("From", nb: "Fra"), say("To", nb: "Til")],
                rows: surge.changes.map { [time($0.at), $0.from.name(language), $0.to.name(language)] })]))
    }

    var forecastSection: ReportDocument.Section? {
        guard let forecast = report.forecast, !forecast.kinds.isEmpty else { return nil }
        return ReportDocument.Section(
            say("Forecast: days to full", nb: "Prognose: dager til fullt"),
            text: asOfNote(forecast.asOf) + [say(
                "At the net inflow of the last days; no figure where a kind is not filling up.",
                nb: "Ved nettotilstrømningen de siste dagene; ingen verdi der en type ikke fylles opp.")],
            tables: [ReportDocument.Table(
                header: [say("Kind", nb: "Type"), say("Net per day", nb: "Netto per døgn"), say("Free", nb: "Ledige"),
                         say("Days to full", nb: "Dager til fullt")],
                rows: forecast.kinds.map { [$0.kind.name(language), decimal($0.netPerDay), "\($0.free)", $0.daysToFull.map(decimal) ?? "–"] },
                numeric: [1, 2, 3])])
    }

    // MARK: - Alerts, runs, deadlines

    var alertSection: ReportDocument.Section? {
        guard let alerts = report.alerts else { return nil }
        let total = alerts.bySeverity.reduce(0) { $0 + $1.count }
        var tables = [ReportDocument.Table(
            header: [say("Severity", nb: "Alvorlighet"), say("Firing", nb: "Utløst")],
            rows: alerts.bySeverity.map { [$0.severity.name(language), "\($0.count)"] }, numeric: [1])]
        if !alerts.firing.isEmpty {
            tables.append(ReportDocument.Table(
                header: [say("Rule", nb: "Regel"), say("Severity", nb: "Alvorlighet"), say("Subject", nb: "Gjelder"), say("Since", nb: "Siden")],
                rows: alerts.firing.map { [$0.rule, $0.severity.name(language), $0.subject, time($0.since)] }))
        }
        return ReportDocument.Section(
            say("Firing alerts", nb: "Utløste varsler"),
            text: asOfNote(alerts.asOf) + (total == 0 ? [say("No alert is firing.", nb: "Ingen varsler er utløst.")] : []),
            tables: total == 0 ? [] : tables)
    }

    var playbookSection: ReportDocument.Section? {
        guard let playbooks = report.playbooks else { return nil }
        let late = playbooks.runs.flatMap { run in run.lateSteps.map { (run, $0) } }
        return ReportDocument.Section(
            say("Playbook runs under way", nb: "Tiltakskort i gang"),
            text: asOfNote(playbooks.asOf)
                + (playbooks.runs.isEmpty ? [say("No playbook run is under way.", nb: "Ingen tiltakskort er i gang.")] : [])
                + (late.isEmpty && !playbooks.runs.isEmpty ? [say("No step is late.", nb: "Ingen steg er forsinket.")] : []),
            tables: (playbooks.runs.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Run", nb: "Kjøring"), say("Started", nb: "Startet"), say("Open steps", nb: "Åpne steg"),
                         say("Late steps", nb: "Forsinkede steg")],
                rows: playbooks.runs.map { ["\($0.playbook) #\($0.id)", time($0.startedAt), "\($0.openSteps)", "\($0.lateSteps.count)"] },
                numeric: [2, 3])])
                + (late.isEmpty ? [] : [ReportDocument.Table(
                    header: [say("Late step", nb: "Forsinket steg"), say("Owner", nb: "Ansvarlig"), say("Due", nb: "Frist")],
                    rows: late.map { run, step in ["\(run.playbook) #\(run.id) · \(step.step)", step.owner, time(step.due)] })]))
    }

    var deadlineSection: ReportDocument.Section? {
        guard let deadlines = report.deadlines else { return nil }
        return ReportDocument.Section(
            say("Deadlines", nb: "Frister"),
            text: asOfNote(deadlines.asOf) + [say("Counts per rule on \(deadlines.date), all districts.",
                                                  nb: "Antall per regel \(deadlines.date), alle bydeler.")],
            tables: [ReportDocument.Table(
                header: [say("Rule", nb: "Regel"), say("Overdue", nb: "Over fristen"), say("Due soon", nb: "Frist snart")],
                rows: deadlines.rules.map { [$0.rule, "\($0.overdue)", "\($0.dueSoon)"] }, numeric: [1, 2])])
    }

    // MARK: - Settlement and the log

    var settlementSection: ReportDocument.Section? {
        guard let settlement = report.settlement else { return nil }
        let title = say("Settlement \(settlement.year) by district", nb: "Bosetting \(settlement.year) per bydel")
        let rows = (settlement.districts + [settlement.total]).map { row in
            [row.name, "\(row.quota)", count(row.settled, row.suppression), percent(row.share)]
        }
        let bars = settlement.districts.map { SVGBarChart.Bar($0.name, ($0.share ?? 0) * 100) }
        return ReportDocument.Section(
            title,
            text: [say("Settled by \(settlement.date) against the year's quota (share in per cent).",
                       nb: "Bosatt til og med \(settlement.date) mot årets vedtak (andel i prosent).")],
            figures: [ReportDocument.Figure(
                svg: SVGBarChart(title: say("Share of the quota settled, per cent", nb: "Andel av vedtaket bosatt, prosent"), bars: bars).svg,
                caption: title)],
            tables: [ReportDocument.Table(
                header: [say("District", nb: "Bydel"), say("Quota", nb: "Vedtak"), say("Settled", nb: "Bosatt"), say("Share", nb: "Andel")],
                rows: rows, numeric: [1, 2, 3])])
    }

    var incidentLogSection: ReportDocument.Section? {
        guard let log = report.incidentLog else { return nil }
        return ReportDocument.Section(
            say("Incident log, last 24 hours", nb: "Hendelseslogg, siste døgn"),
            tables: [ReportDocument.Table(
                header: [say("Time", nb: "Tid"), say("Subject", nb: "Gjelder"), say("Entry", nb: "Innførsel")],
                rows: log.entries.map { [time($0.time), $0.subject ?? "–", $0.text] })])
    }

    // MARK: - Series

    var arrivalSection: ReportDocument.Section? {
        guard let arrivals = report.arrivals else { return nil }
        let title = say("Arrivals per day, 28 days", nb: "Ankomster per døgn, 28 døgn")
        return ReportDocument.Section(
            title,
            text: [say("New arrivals recorded on each local day; transfers between facilities are left out.",
                       nb: "Nye ankomster registrert hvert døgn (lokal tid); overføringer mellom mottak er holdt utenfor.")],
            facts: [.init(say("In all", nb: "I alt"), count(arrivals.total, arrivals.suppression))],
            figures: [ReportDocument.Figure(
                svg: SVGBarChart(title: title, bars: arrivals.days.map { SVGBarChart.Bar(dayLabel($0.date), Double($0.count ?? 0)) }).svg,
                caption: arrivals.days.contains(where: \.suppressed)
                    ? title + say(" (days with too few to publish drawn as 0)", nb: " (døgn med for få til å publiseres er tegnet som 0)")
                    : title)],
            tables: [ReportDocument.Table(
                header: [say("Date", nb: "Dato"), say("Arrivals", nb: "Ankomster")],
                rows: arrivals.days.map { ["\($0.date)", count($0.count, $0.suppression)] }, numeric: [1])])
    }

    var occupancySection: ReportDocument.Section? {
        guard let occupancy = report.occupancy, !occupancy.kinds.isEmpty else { return nil }
        let figures = occupancy.kinds.map { series in
            let title = say("Occupancy against places: \(series.kind.name.en)", nb: "Belegg mot plasser: \(series.kind.name.nb)")
            return ReportDocument.Figure(
                svg: SVGLineChart(
                    title: title,
                    points: series.days.map { SVGLineChart.Point(dayLabel($0.date), value: Double($0.occupied ?? 0), capacity: Double($0.places)) },
                    valueName: say("occupied", nb: "belegg"), capacityName: say("places", nb: "plasser")).svg,
                caption: title)
        }
        let dates = occupancy.kinds.first?.days.map(\.date) ?? []
        let rows = dates.indices.map { index in
            ["\(dates[index])"] + occupancy.kinds.map { series in
                guard index < series.days.count else { return "–" }
                let day = series.days[index]
                return "\(count(day.occupied, day.suppression)) / \(day.places)"
            }
        }
        return ReportDocument.Section(
            say("Occupancy against places per day", nb: "Belegg mot plasser per døgn"),
            text: [say("Each kind's occupancy at the day's end (at the report's time on its last day) / the places that day.",
                       nb: "Belegget per type ved døgnets slutt (ved rapportens tidspunkt siste døgn) / plassene det døgnet.")],
            figures: figures,
            tables: [ReportDocument.Table(
                header: [say("Date", nb: "Dato")] + occupancy.kinds.map { $0.kind.name(language) }, rows: rows,
                numeric: Set(occupancy.kinds.indices.map { $0 + 1 }))])
    }

    /// The sections this report does not have, and why, so that a missing part is never
    /// read as "nothing to report".
    var absentSection: ReportDocument.Section? {
        let publicOnly = report.audience == .public
        var absent: [String] = []
        if report.capacity == nil { absent.append(say("capacity, arrivals and occupancy (no facility is registered)",
                                                      nb: "kapasitet, ankomster og belegg (ingen mottak er registrert)")) }
        if report.forecast == nil || report.forecast?.kinds.isEmpty == true, report.capacity != nil {
            absent.append(say("forecast (no kind is receiving people)", nb: "prognose (ingen type tar imot folk)"))
        }
        if publicOnly {
            absent.append(say("playbook runs, deadlines and the incident log (not public)",
                              nb: "tiltakskort, frister og hendelseslogg (ikke offentlig)"))
        } else {
            if report.playbooks == nil { absent.append(say("playbook runs (no playbook)", nb: "tiltakskort (ingen er lagt inn)")) }
            if report.deadlines == nil { absent.append(say("deadlines (no deadline rule)", nb: "frister (ingen fristregler)")) }
            if report.incidentLog == nil {
                absent.append(say("incident log (nothing logged in the last 24 hours)", nb: "hendelseslogg (ingenting logget siste døgn)"))
            }
        }
        if report.settlement == nil { absent.append(say("settlement (no quotas for the year)", nb: "bosetting (ingen vedtak for året)")) }
        guard !absent.isEmpty else { return nil }
        return ReportDocument.Section(say("Not in this report", nb: "Ikke med i rapporten"), text: absent)
    }
}
