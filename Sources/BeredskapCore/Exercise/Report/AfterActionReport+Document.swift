extension AfterActionReport {
    /// The report as Markdown in `language`, times in `calendar`'s zone with the zone marked.
    public func markdown(_ language: Language, calendar: LocalCalendar) -> String {
        document(language, calendar: calendar).markdown
    }

    /// The report as one self-contained HTML page with its charts.
    public func html(_ language: Language, calendar: LocalCalendar) -> String {
        document(language, calendar: calendar).html
    }

    /// What the report says in `language`: the sections both renderings show.
    public func document(_ language: Language, calendar: LocalCalendar) -> ReportDocument {
        let words = AfterActionWords(language: language, calendar: calendar, report: self)
        let name = title.map { $0.text(language) } ?? scenario
        return ReportDocument(
            language: language, title: words.say("After-action report: \(name)", nb: "Evaluering av øvelsen: \(name)"),
            facts: words.runFacts,
            sections: [
                words.keyFigures, words.expectationSection, words.capacitySection, words.arrivalSection, words.dailySection,
                words.surgeSection, words.stepSection, words.alertSection, words.timelineSection,
            ])
    }
}

/// The sentences and rows of an after-action report in one language.
struct AfterActionWords: ReportWording {
    let language: Language
    let calendar: LocalCalendar
    let report: AfterActionReport

    func duration(_ milliseconds: Int64) -> String { FixedDuration(milliseconds: max(0, milliseconds)).name(language) }
    var yes: String { say("yes", nb: "ja") }
    var no: String { say("no", nb: "nei") }

    // MARK: - The run and the key figures

    var runFacts: [ReportDocument.Fact] {
        [
            .init(say("Scenario", nb: "Scenario"), report.scenario),
            .init(say("Speed", nb: "Hastighet"), report.speed == .maximum ? say("as fast as possible", nb: "så fort som mulig") : "\(report.speed)×"),
            .init(say("Simulated start", nb: "Simulert start"), time(report.start)),
            .init(say("Simulated end", nb: "Simulert slutt"), time(report.end)),
            .init(say("First inject", nb: "Første innspill"), time(report.firstInject)),
            .init(say("Run", nb: "Kjøring"), report.stopped
                ? say("stopped before its end: the report covers what happened until then",
                      nb: "stoppet før slutten: rapporten viser det som skjedde til da")
                : say("ran to its end", nb: "kjørt til slutten"),
                emphasis: report.stopped ? "late" : nil),
        ]
    }

    func delay(_ delay: AfterActionReport.Delay?, none: String) -> String {
        delay.map { "\($0.after.name(language)) (\(time($0.at)))" } ?? none
    }

    var keyFigures: ReportDocument.Section {
        let met = report.expectations.filter(\.met).count
        let steps = report.steps.count
        return ReportDocument.Section(
            say("Key figures", nb: "Nøkkeltall"),
            text: [say("Times are counted from the first inject.", nb: "Tidene regnes fra første innspill.")],
            facts: [
                .init(say("Time to detect: the first change of the surge level", nb: "Tid til oppdagelse: første endring av ankomstnivået"),
                      delay(report.timeToSurgeLevel, none: say("the level did not change", nb: "nivået endret seg ikke"))),
                .init(say("Time to detect: the first alert", nb: "Tid til oppdagelse: første varsel"),
                      delay(report.timeToAlert, none: say("no alert fired", nb: "ingen varsler utløst"))),
                .init(say("Time to the first notification", nb: "Tid til første melding"),
                      delay(report.timeToNotification, none: say("none was sent", nb: "ingen ble sendt"))),
                .init(say("Notifications", nb: "Meldinger"), "\(report.notifications)"),
                .init(say("Steps late", nb: "Steg for sent"), say("\(report.stepsLate) of \(steps)", nb: "\(report.stepsLate) av \(steps)"),
                      emphasis: report.stepsLate > 0 ? "late" : nil),
                .init(say("Expectations met", nb: "Forventninger oppfylt"),
                      say("\(met) of \(report.expectations.count)", nb: "\(met) av \(report.expectations.count)"),
                      emphasis: met < report.expectations.count ? "missed" : "met"),
            ])
    }

    // MARK: - Expectations

    func describe(_ expectation: ExerciseExpectation) -> String {
        let within = expectation.within.map { say(" within \($0.name.en)", nb: " innen \($0.name.nb)") } ?? ""
        switch expectation.kind {
        case .surgeLevel(let level):
            return say("surge level at least \(level.name.en)", nb: "ankomstnivå minst \(level.name.nb)") + within
        case .runStarted(let playbook):
            return say("a run of \(playbook) started", nb: "en kjøring av \(playbook) startet") + within
        case .alertFired(let match):
            return say("alert \(alert(match).en) fired", nb: "varsel \(alert(match).nb) utløst") + within
        case .noAlert(let match):
            return say("no alert \(alert(match).en)", nb: "ingen varsel \(alert(match).nb)")
        }
    }

    private func alert(_ match: ExerciseAlertMatch) -> Text {
        let subject = match.subject == AlertKeyPattern.any ? Text("", nb: "") : Text(" on \(match.subject)", nb: " for \(match.subject)")
        let severity = match.severity.map { Text(" (at least \($0.name.en))", nb: " (minst \($0.name.nb))") } ?? Text("", nb: "")
        return Text(match.rule, nb: match.rule) + subject + severity
    }

    var expectationSection: ReportDocument.Section {
        let rows = report.expectations.map { result in
            [String(result.index + 1), describe(result.expectation), result.met ? say("met", nb: "oppfylt") : say("missed", nb: "ikke oppfylt"),
             time(result.at), time(result.deadline)]
        }
        return ReportDocument.Section(
            say("Expectations", nb: "Forventninger"),
            text: rows.isEmpty ? [say("The scenario has no expectations.", nb: "Scenarioet har ingen forventninger.")] : [],
            tables: rows.isEmpty ? [] : [ReportDocument.Table(
                header: ["#", say("Expectation", nb: "Forventning"), say("Result", nb: "Resultat"), say("When", nb: "Når"),
                         say("Deadline", nb: "Frist")],
                rows: rows, numeric: [0])])
    }

    // MARK: - Capacity and arrivals

    var capacitySection: ReportDocument.Section {
        let rows = report.capacity.map { kind in
            [kind.kind.name(language), "\(kind.worst.occupied)", "\(kind.worst.capacity)", percent(kind.worst.utilization), time(kind.worst.at)]
        }
        let figures = report.capacity.map { kind in
            let title = say("Occupancy against places: \(kind.kind.name.en)", nb: "Belegg mot plasser: \(kind.kind.name.nb)")
            return ReportDocument.Figure(
                svg: SVGLineChart(
                    title: title,
                    points: kind.days.map { SVGLineChart.Point(dayLabel($0.date), value: Double($0.occupied), capacity: Double($0.capacity)) },
                    valueName: say("occupied (the day's highest)", nb: "belegg (døgnets høyeste)"),
                    capacityName: say("places", nb: "plasser")).svg,
                caption: title)
        }
        return ReportDocument.Section(
            say("Capacity at its worst", nb: "Kapasiteten på det verste"),
            text: [say("Per kind of facility: the highest occupancy against the places in use, and when it was first reached.",
                       nb: "Per mottakstype: høyeste belegg mot plassene i bruk, og når det først ble nådd.")],
            figures: figures,
            tables: rows.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Kind", nb: "Type"), say("Occupied", nb: "Belegg"), say("Places", nb: "Plasser"),
                         say("Utilisation", nb: "Utnyttelse"), say("When", nb: "Når")],
                rows: rows, numeric: [1, 2, 3])])
    }

    var arrivalSection: ReportDocument.Section {
        let title = say("Arrivals per day", nb: "Ankomster per døgn")
        return ReportDocument.Section(
            title,
            text: [say("New arrivals recorded on each local day; transfers between facilities are left out.",
                       nb: "Nye ankomster registrert hvert døgn (lokal tid); overføringer mellom mottak er holdt utenfor.")],
            figures: [ReportDocument.Figure(
                svg: SVGBarChart(title: title, bars: report.arrivalsPerDay.map { SVGBarChart.Bar(dayLabel($0.date), Double($0.arrivals)) }).svg,
                caption: title)],
            tables: [ReportDocument.Table(
                header: [say("Date", nb: "Dato"), say("Arrivals", nb: "Ankomster")],
                rows: report.arrivalsPerDay.map { ["\($0.date)", "\($0.arrivals)"] }, numeric: [1])])
    }

    var dailySection: ReportDocument.Section {
        let dates = report.arrivalsPerDay.map(\.date)
        let rows = dates.enumerated().map { index, date in
            ["\(date)"] + report.capacity.map { kind in
                index < kind.days.count ? "\(kind.days[index].occupied) / \(kind.days[index].capacity)" : "–"
            }
        }
        return ReportDocument.Section(
            say("Occupancy against places per day", nb: "Belegg mot plasser per døgn"),
            text: [say("The day's highest occupancy of each kind / the places at that moment.",
                       nb: "Døgnets høyeste belegg per type / plassene i det øyeblikket.")],
            tables: report.capacity.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Date", nb: "Dato")] + report.capacity.map { $0.kind.name(language) }, rows: rows,
                numeric: Set(report.capacity.indices.map { $0 + 1 }))])
    }

    // MARK: - Surge, steps, alerts

    /// Milliseconds since the start: the position on a time axis.
    func position(_ instant: Timestamp) -> Double { Double(instant.milliseconds(since: report.start)) }

    var span: ClosedRange<Double> { 0...max(position(report.end), 1) }

    /// Six marks along the run: local times of day for a run within two days, dates beyond.
    var timeTicks: [ChartTick] {
        let length = span.upperBound
        let short = length <= 2 * 86_400_000
        return (0...5).map { index in
            let instant = report.start.adding(milliseconds: Int64(length * Double(index) / 5))
            let (date, seconds) = calendar.wallClock(instant)
            let label = short ? "\(zeroPadded(seconds / 3600, width: 2)):\(zeroPadded(seconds / 60 % 60, width: 2))" : dayLabel(date)
            return ChartTick(position(instant), label)
        }
    }

    var surgeSection: ReportDocument.Section {
        let title = say("The surge level", nb: "Ankomstnivået")
        let band = SVGBandChart(
            title: title, span: span,
            bands: report.surge.map { SVGBandChart.Band(from: position($0.from), to: position($0.to), rank: $0.level.rank, label: $0.level.name(language)) },
            ticks: timeTicks, legend: SurgeLevel.allCases.map { ($0.name(language), $0.rank) })
        return ReportDocument.Section(
            title,
            figures: [ReportDocument.Figure(svg: band.svg, caption: title)],
            tables: [ReportDocument.Table(
                header: [say("Level", nb: "Nivå"), say("From", nb: "Fra"), say("Until", nb: "Til"), say("For", nb: "Varighet")],
                rows: report.surge.map { [$0.level.name(language), time($0.from), time($0.to), duration($0.to.milliseconds(since: $0.from))] },
                numeric: [3])])
    }

    func stepName(_ run: AfterActionReport.RunTiming, _ step: AfterActionReport.StepTiming) -> String {
        "\(run.playbook) #\(run.id) · \(step.step)"
    }

    var stepSection: ReportDocument.Section {
        let steps = report.steps
        let title = say("Playbook steps", nb: "Steg i tiltakskortene")
        let strip = SVGGanttStrip(
            title: title, span: span,
            rows: steps.map { run, step in
                SVGGanttStrip.Row(
                    label: stepName(run, step), from: position(step.readyAt), to: position(step.doneAt ?? run.endedAt ?? report.end),
                    due: step.dueAt.map(position), late: step.late, open: step.doneAt == nil)
            },
            ticks: timeTicks, onTimeName: say("on time", nb: "i tide"), lateName: say("late", nb: "for sent"),
            dueName: say("due", nb: "frist"))
        let rows = steps.map { run, step in
            [stepName(run, step), time(step.readyAt), time(step.dueAt),
             step.doneAt.map { time($0) + (step.skipped ? say(" (skipped)", nb: " (hoppet over)") : "") } ?? say("not done", nb: "ikke utført"),
             step.late ? say("late", nb: "for sent") : no]
        }
        let late = report.lateSteps.map { stepName($0.run, $0.step) }
        return ReportDocument.Section(
            title,
            text: steps.isEmpty ? [say("No playbook run started.", nb: "Ingen tiltakskort ble startet.")]
                : [say("Late: ", nb: "For sent: ") + (late.isEmpty ? say("none", nb: "ingen") : late.joined(separator: ", "))],
            figures: steps.isEmpty ? [] : [ReportDocument.Figure(
                svg: strip.svg,
                caption: say("Each step from when it became ready to when it was done; the mark is its due time.",
                             nb: "Hvert steg fra det ble klart til det ble utført; streken er fristen."))],
            tables: steps.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Step", nb: "Steg"), say("Ready", nb: "Klart"), say("Due", nb: "Frist"), say("Done", nb: "Utført"),
                         say("Late", nb: "For sent")],
                rows: rows)])
    }

    var alertSection: ReportDocument.Section {
        let rows = report.alerts.map { alert in
            [alert.rule, alert.subject, alert.severity.name(language), time(alert.firedAt),
             alert.acknowledgedAt.map { time($0) + " (+" + duration($0.milliseconds(since: alert.firedAt)) + ")" } ?? "–",
             time(alert.resolvedAt)]
        }
        return ReportDocument.Section(
            say("Alerts", nb: "Varsler"),
            text: rows.isEmpty ? [say("No alert fired.", nb: "Ingen varsler ble utløst.")] : [],
            tables: rows.isEmpty ? [] : [ReportDocument.Table(
                header: [say("Rule", nb: "Regel"), say("Subject", nb: "Gjelder"), say("Severity", nb: "Alvorlighet"),
                         say("Fired", nb: "Utløst"), say("Acknowledged", nb: "Kvittert"), say("Resolved", nb: "Løst")],
                rows: rows)])
    }

    var timelineSection: ReportDocument.Section {
        ReportDocument.Section(
            say("Timeline", nb: "Tidslinje"),
            tables: [ReportDocument.Table(
                header: [say("Time", nb: "Tid"), say("What happened", nb: "Hva skjedde")],
                rows: report.timeline.map { [time($0.at), $0.text(language)] })])
    }
}
