import BeredskapCore
import BeredskapJSON
import Foundation
import FoundationXML
import Testing

/// The after-action report built from a few events by hand, and its renderings: Markdown
/// with its figures, one well-formed HTML page with its four kinds of chart, in both languages.
struct AfterActionReportTests {
    static let start = ExerciseGradingTests.start
    static let calendar = LocalCalendar(identifier: "Europe/Oslo")

    static func event<Payload: EventPayload>(
        _ type: EventType<Payload>, _ payload: Payload, minutes: Int64, seq: Int64, subject: String
    ) throws -> Event {
        var event = try ExerciseGradingTests.event(type, payload, minutes: minutes, seq: seq)
        event.subject = subject
        return event
    }

    static func at(_ minutes: Int64) -> Timestamp { start.adding(milliseconds: minutes * 60_000) }

    /// A facility of 100 places with 50 people; 45 arrive, the level rises, an alert fires and
    /// is acknowledged, a run's step is done late, and 10 arrive on a second day.
    static func report() throws -> AfterActionReport {
        let calendar = try #require(Self.calendar)
        let facility = Facility(
            id: "a", name: "A <&> \"B\"", kind: .transit, status: .open, operatorName: "Øvelse", district: nil, authority: .udi,
            capacity: 100, occupied: 50, createdAt: start, updatedAt: start)
        let arrival = { (count: Int, occupied: Int, minutes: Int64, seq: Int64) throws -> Event in
            try event(CapacityEvents.arrivalRecorded, CapacityEvents.ArrivalRecorded(
                id: seq, facility: "a", kind: .transit, count: count, category: .adult, at: at(minutes), occupied: occupied,
                transferFrom: nil, counted: true), minutes: minutes, seq: seq, subject: "facility/a")
        }
        let snapshot = AlertEvents.Snapshot(
            rule: "facility_utilization", subject: "facility/a", state: .firing, severity: .warning, value: 0.95, threshold: 0.85,
            silenced: false)
        let events = [
            try arrival(45, 95, 0, 1),
            try event(SurgeEvents.levelChanged, SurgeEvents.LevelChanged(
                from: .normal, to: .elevated, figures: SurgeFigures(arrivals24h: 45, arrivals7d: 45, baselinePerDay: 0),
                reason: "arrivals_24h 45 ≥ 40"), minutes: 0, seq: 2, subject: "city"),
            try event(AlertEvents.firing, snapshot, minutes: 10, seq: 3, subject: "alert/7"),
            try event(NotificationEvents.queued, NotificationEvents.Queued(alert: 7, kind: "firing", group: "g", channel: "c"),
                      minutes: 10, seq: 4, subject: "notification/1"),
            try event(PlaybookEvents.runStarted, PlaybookEvents.RunStarted(
                playbook: "facility-near-full", trigger: PlaybookRunTrigger(kind: .manual)), minutes: 10, seq: 5, subject: "run/2"),
            try event(PlaybookEvents.stepReady, PlaybookEvents.StepDue(step: "head-count", owner: "g", dueAt: at(130)),
                      minutes: 10, seq: 6, subject: "run/2"),
            try event(AlertEvents.acknowledged, AlertEvents.Acknowledged(rule: snapshot.rule, subject: snapshot.subject, expiresAt: nil),
                      minutes: 35, seq: 7, subject: "alert/7"),
            try event(PlaybookEvents.stepCompleted, PlaybookEvents.StepDone(step: "head-count", by: "x"), minutes: 190, seq: 8, subject: "run/2"),
            try arrival(10, 105, 24 * 60, 9),
        ]
        let results = ExerciseGrading.grade(
            [ExerciseExpectation(.surgeLevel(.elevated), within: .seconds(3600)), ExerciseExpectation(.noAlert(ExerciseAlertMatch(rule: "*")))],
            events: events, firstInject: start, end: at(26 * 60))
        var report = AfterActionReport(
            AfterActionInputs(
                scenario: "drill", speed: .factor(600), stopped: false, start: start, end: at(26 * 60), firstInject: start,
                events: events, facilities: [facility], level: .normal, results: results),
            calendar: calendar)
        report.title = PlaybookText(nb: "Øvelse <én>", en: "Drill <one>")
        return report
    }

    @Test func theFiguresComeFromTheEvents() throws {
        let report = try Self.report()
        #expect(report.timeToSurgeLevel?.after == .seconds(0))
        #expect(report.timeToAlert == AfterActionReport.Delay(at: Self.at(10), after: .seconds(600)))
        #expect(report.timeToNotification?.after == .seconds(600) && report.notifications == 1)
        #expect(report.alerts == [AfterActionReport.AlertTiming(
            id: 7, rule: "facility_utilization", subject: "facility/a", severity: .warning, firedAt: Self.at(10), acknowledgedAt: Self.at(35))])
        #expect(report.runs.map(\.steps) == [[AfterActionReport.StepTiming(
            step: "head-count", readyAt: Self.at(10), dueAt: Self.at(130), doneAt: Self.at(190), late: true)]])
        #expect(report.stepsLate == 1)
        #expect(report.expectations.map(\.met) == [true, false])
        #expect(report.arrivalsPerDay.map(\.arrivals) == [45, 10])
        #expect(report.capacity.map(\.worst) == [AfterActionReport.CapacityPoint(at: Self.at(24 * 60), occupied: 105, capacity: 100)])
        #expect(report.capacity.first?.days.map(\.occupied) == [95, 105])
        #expect(report.surge.map(\.level) == [.elevated])
        #expect(report.timeline.first?.text.en == "Alert facility_utilization (facility/a) fired, warning")
    }

    @Test func theJSONFormRoundTripsWithoutTheTitle() throws {
        var report = try Self.report()
        report.title = nil
        let decoded = try JSONValueDecoder().decode(AfterActionReport.self, from: try JSONValueEncoder().encode(report))
        #expect(decoded == report)
    }

    @Test func markdownSaysWhatHappenedInBokmaalAndInEnglish() throws {
        let calendar = try #require(Self.calendar)
        let report = try Self.report()
        let nb = report.markdown(.nb, calendar: calendar)
        #expect(nb.hasPrefix("# Evaluering av øvelsen: Øvelse \\<én>\n"))
        #expect(nb.contains("- **Tid til oppdagelse: første varsel:** 10 min (2026-03-02 09:10:00 CET)"))
        #expect(nb.contains("- **Steg for sent:** 1 av 1"))
        #expect(nb.contains("| transittmottak | 105 | 100 | 105 % | 2026-03-03 09:00:00 CET |"))
        #expect(nb.contains("| 2026-03-02 | 45 |"))
        #expect(nb.contains("| facility-near-full #2 · head-count | 2026-03-02 09:10:00 CET | 2026-03-02 11:10:00 CET | 2026-03-02 12:10:00 CET | for sent |"))
        #expect(nb.contains("| 2 | ingen varsel \\* | ikke oppfylt |"))
        #expect(nb.contains("Varsel facility_utilization (facility/a) kvittert etter 25 min"))
        #expect(!nb.contains("<svg"))
        let en = report.markdown(.en, calendar: calendar)
        #expect(en.hasPrefix("# After-action report: Drill \\<one>\n"))
        #expect(en.contains("| transit | 105 | 100 | 105% |"))
        #expect(en.contains("- **Expectations met:** 1 of 2"))
        #expect(en.contains("Alert facility_utilization (facility/a) acknowledged after 25 min"))
    }

    @Test func theHTMLPageIsWellFormedSelfContainedAndHasItsCharts() throws {
        let calendar = try #require(Self.calendar)
        for language in Language.allCases {
            let html = try Self.report().html(language, calendar: calendar)
            let parsed = try WellFormedness.check(html)
            #expect(parsed.elements.first == "html")
            #expect(parsed.attributes["html"]?["lang"] == language.rawValue)
            // Occupancy for the one kind, arrivals, the surge band and the step strip.
            #expect(parsed.svgClasses == ["chart lines", "chart bars", "chart band", "chart gantt"])
            #expect(parsed.elements.contains("polyline") && parsed.elements.contains("rect"))
            #expect(!parsed.elements.contains("script") && !parsed.elements.contains("link") && !html.contains("http://e"))
            #expect(html.contains("@page { size: A4"))
            #expect(html.contains(language == .nb ? "Øvelse &lt;én&gt;" : "Drill &lt;one&gt;"))
            #expect(html.contains("class=\"step late\""))
        }
    }

    @Test func aChartEscapesItsTextAndKeepsItsShapes() throws {
        let bars = SVGBarChart(title: "a < b", bars: [SVGBarChart.Bar("1.", 3), SVGBarChart.Bar("2.", 0)]).svg
        let parsed = try WellFormedness.check(bars)
        #expect(parsed.elements.filter { $0 == "rect" }.count == 2)
        #expect(bars.contains("aria-label=\"a &lt; b\""))
        #expect(HTMLText.escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(try WellFormedness.check(SVGLineChart(title: "t", points: [], valueName: "v", capacityName: "c").svg).elements.first == "svg")
    }
}

/// Parses a page as XML (`FoundationXML`) and keeps what the tests look at; an error when it
/// is not well-formed (FoundationXML on Linux can return true with an error set: both are read).
final class WellFormedness: NSObject, XMLParserDelegate {
    struct NotWellFormed: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [String] = []
    private(set) var attributes: [String: [String: String]] = [:]
    private(set) var svgClasses: [String] = []
    private var open: [String] = []
    private var problem: String?

    static func check(_ text: String) throws -> WellFormedness {
        let parser = XMLParser(data: Data(text.utf8))
        let checker = WellFormedness()
        parser.delegate = checker
        let parsed = parser.parse()
        if let problem = checker.problem ?? parser.parserError.map({ "\($0)" }) ?? (parsed ? nil : "not parsed") {
            throw NotWellFormed(description: "line \(parser.lineNumber): \(problem)")
        }
        guard checker.open.isEmpty else { throw NotWellFormed(description: "unclosed \(checker.open)") }
        return checker
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        open.append(name)
        if self.attributes[name] == nil { self.attributes[name] = attributes }
        if name == "svg" { svgClasses.append(attributes["class"] ?? "") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if open.popLast() != name { problem = problem ?? "</\(name)> closes another element" }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) { problem = problem ?? "\(error)" }
}
