import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

@Suite struct SituationReportTests {
    func report() throws -> SituationReport {
        SituationReport(SitrepFixture.inputs(calendar: try #require(SitrepFixture.calendar)))
    }

    @Test func capacityIsByKindAndDistrictWithTheCap() throws {
        let capacity = try #require(try report().capacity)
        #expect(capacity.total == .init(
            key: "city", name: "Oslo", facilities: 3, places: 1200, occupied: 754, free: 446, utilisation: 0.628, overCap: 1))
        #expect(capacity.byKind.map(\.key) == ["arrival", "ordinary"])
        #expect(capacity.byKind[1].occupied == 604 && capacity.byKind[1].places == 1000 && capacity.byKind[1].overCap == 1)
        #expect(capacity.byDistrict.map(\.key) == ["bjerke", "sagene"])
        #expect(capacity.byDistrict[0].places == 1100 && capacity.byDistrict[0].free == 349)
        #expect(capacity.overCap == [.init(facility: "tonsenhagen", name: "Tonsenhagen", largestCapacity: 1200)])
        #expect(capacity.overCapCount == 1)
    }

    @Test func theSurgeWeekHasTheHighestLevelOfEachDayAndItsArrivals() throws {
        let surge = try #require(try report().surge)
        #expect(surge.level == .elevated)
        #expect(surge.since == SitrepFixture.instant("2026-11-21T15:00:00Z"))
        #expect(surge.days.map(\.date.description) == (16...22).map { "2026-11-\($0)" })
        #expect(surge.days.map(\.level) == [.elevated, .elevated, .high, .high, .high, .high, .elevated])
        // The change of 1 November is before the week; those of 18 and 21 November are in it.
        #expect(surge.changes.map(\.to) == [.high, .elevated])
        // The last 7 of the 28 days: indexes 21…27, of which 24 is a quiet day (2).
        #expect(surge.arrivals == 31 + 32 + 33 + 2 + 35 + 36 + 37)
    }

    @Test func aReportOfThePastCutsTheLevelThereAndMarksWhatIsOnlyKnownNow() throws {
        let calendar = try #require(SitrepFixture.calendar)
        var inputs = SitrepFixture.inputs(generatedAt: SitrepFixture.instant("2026-11-25T12:00:00Z"), calendar: calendar)
        inputs.surgeChanges.append(.init(at: SitrepFixture.instant("2026-11-24T12:00:00Z"), from: .elevated, to: .crisis))
        let report = SituationReport(inputs)
        #expect(report.surge?.level == .elevated)
        #expect(report.capacity?.asOf == inputs.generatedAt && report.alerts?.asOf == inputs.generatedAt)
        #expect(report.arrivals?.asOf == SitrepFixture.at && report.surge?.asOf == SitrepFixture.at)
        let markdown = report.rendered(as: .markdown, language: .en, calendar: calendar)
        #expect(markdown.contains("As of now (2026-11-25 13:00:00 CET), not as of 2026-11-22 10:30:00 CET"))
        let nb = report.rendered(as: .markdown, language: .nb, calendar: calendar)
        #expect(nb.contains("Slik det står nå (2026-11-25 13:00:00 CET), ikke per 2026-11-22 10:30:00 CET"))
        // A report of now says nothing of the kind.
        #expect(!(try self.report()).rendered(as: .markdown, language: .en, calendar: calendar).contains("As of now"))
    }

    @Test func anEmptyStateGivesAShortReportThatSaysWhatIsMissing() throws {
        let calendar = try #require(SitrepFixture.calendar)
        let report = SituationReport(SitrepInputs(generatedAt: SitrepFixture.at, at: SitrepFixture.at, calendar: calendar))
        #expect(report.capacity == nil && report.arrivals == nil && report.occupancy == nil && report.forecast == nil)
        #expect(report.playbooks == nil && report.deadlines == nil && report.settlement == nil && report.incidentLog == nil)
        #expect(report.surge?.level == .normal && report.surge?.since == nil)
        #expect(report.alerts?.firing == [])
        let markdown = report.rendered(as: .markdown, language: .nb, calendar: calendar)
        #expect(markdown.contains("Ingen varsler er utløst."))
        #expect(markdown.contains("kapasitet, ankomster og belegg (ingen mottak er registrert)"))
        let html = report.rendered(as: .html, language: .en, calendar: calendar)
        #expect(try WellFormedness.check(html).svgClasses.isEmpty)
    }

    @Test func alertsAreCountedBySeverityMostSevereFirst() throws {
        let alerts = try #require(try report().alerts)
        #expect(alerts.firing.map(\.rule) == ["facility_over_cap", "facility_utilization"])
        #expect(alerts.bySeverity.map(\.count) == [1, 1, 0])
        #expect(alerts.bySeverity.map(\.severity) == [.critical, .warning, .info])
    }

    @Test func settlementSharesAreOfTheQuota() throws {
        let settlement = try #require(try report().settlement)
        #expect(settlement.districts.map(\.name) == ["Bjerke", "Sagene"])
        #expect(settlement.districts.map(\.share) == [0.8, 0.05])
        #expect(settlement.total.settled == 82 && settlement.total.quota == 140)
    }

    @Test func theHTMLIsOneWellFormedPageWithItsCharts() throws {
        let calendar = try #require(SitrepFixture.calendar)
        for language in Language.allCases {
            let html = try report().rendered(as: .html, language: language, calendar: calendar)
            let parsed = try WellFormedness.check(html)
            // Settlement per district, arrivals per day, occupancy against places for each of the two kinds.
            #expect(parsed.svgClasses == ["chart bars", "chart bars", "chart lines", "chart lines"])
            #expect(!parsed.elements.contains("script") && !parsed.elements.contains("link") && !parsed.elements.contains("img"))
            #expect(html.contains("@media print") && html.contains("size: A4"))
            #expect(html.contains("Ekstra senger &lt;levert&gt; &amp; satt opp"))
        }
    }

    @Test func theJSONFormRoundTrips() throws {
        let report = try report()
        let json = report.rendered(as: .json, language: .nb)
        let decoded = try JSONValueDecoder().decode(SituationReport.self, from: JSONParser.parse(Array(json.utf8)))
        #expect(decoded == report)
    }

    // MARK: - Golden files

    static let goldenDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/Sitrep")

    static let goldenCases: [(String, ReportFormat, Language, Bool)] = ReportFormat.allCases.flatMap { format in
        Language.allCases.flatMap { language in
            [false, true].map { isPublic in
                ("sitrep\(isPublic ? "-public" : "").\(language.rawValue).\(format.rawValue)", format, language, isPublic)
            }
        }
    }

    /// The renderings of the fixture against `Tests/Golden/Sitrep`. A change that is meant:
    /// `BEREDSKAP_UPDATE_GOLDEN=1 swift test --filter SituationReportTests` rewrites the files;
    /// read the diff before committing them.
    @Test(arguments: goldenCases)
    func theRenderingsMatchTheGoldenFiles(name: String, format: ReportFormat, language: Language, isPublic: Bool) throws {
        let calendar = try #require(SitrepFixture.calendar)
        let full = try report()
        let text = (isPublic ? full.publicVariant() : full).rendered(as: format, language: language, calendar: calendar)
        let file = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BEREDSKAP_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden file; BEREDSKAP_UPDATE_GOLDEN=1 rewrites it")
    }
}
