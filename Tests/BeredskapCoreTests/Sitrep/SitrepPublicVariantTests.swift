import BeredskapCore
import Testing

@Suite struct SitrepPublicVariantTests {
    func published(minimum: Int = 5) throws -> SituationReport {
        SituationReport(SitrepFixture.inputs(calendar: try #require(SitrepFixture.calendar))).publicVariant(minimumCount: minimum)
    }

    @Test func smallCountsAreSuppressedAndSoIsWhatAddsUpToThem() {
        #expect(SmallCounts.suppressedIndexes([751, 3], minimum: 5) == [1: .small, 0: .cover])
        #expect(SmallCounts.suppressedIndexes([10, 3, 2, 40], minimum: 5) == [1: .small, 2: .small])
        #expect(SmallCounts.suppressedIndexes([10, 2, 2, 40], minimum: 5) == [1: .small, 2: .small, 0: .cover])
        #expect(SmallCounts.suppressedIndexes([10, 2, 0, 40], minimum: 5) == [1: .small, 0: .cover])
        #expect(SmallCounts.suppressedIndexes([0, 5, 12], minimum: 5) == [:])
        #expect(SmallCounts.suppresses(0, minimum: 5) == false && SmallCounts.suppresses(4, minimum: 5))
    }

    @Test func onlyAggregatesAreLeft() throws {
        let report = try published()
        #expect(report.audience == .public && report.minimumCount == 5)
        #expect(report.playbooks == nil && report.deadlines == nil && report.incidentLog == nil)
        #expect(report.capacity?.overCap == [] && report.capacity?.overCapCount == 1)
        #expect(report.alerts?.firing == [] && report.alerts?.bySeverity.map(\.count) == [1, 1, 0])
    }

    @Test func sagenesThreePeopleAreNotShownNorGivenAwayByBjerke() throws {
        let districts = try #require(try published().capacity?.byDistrict)
        #expect(districts.map(\.suppression) == [.cover, .small])
        #expect(districts.allSatisfy { $0.occupied == nil && $0.free == nil && $0.utilisation == nil && $0.suppressed })
        #expect(districts.map(\.places) == [1100, 100])
        let kinds = try #require(try published().capacity?.byKind)
        #expect(kinds.map(\.occupied) == [150, 604])
    }

    @Test func settlementArrivalsAndOccupancyAreSuppressedTheSameWay() throws {
        let report = try published()
        #expect(report.settlement?.districts.map(\.settled) == [nil, nil])
        #expect(report.settlement?.total.settled == 82)
        let days = try #require(report.arrivals?.days)
        #expect(days.filter(\.suppressed).count == 4 && days.filter { $0.suppression == .cover }.isEmpty)
        #expect(report.occupancy?.kinds[1].days.prefix(20).allSatisfy { $0.occupied == nil && $0.places == 1000 } == true)
        // A higher minimum hides more.
        #expect(try published(minimum: 200).capacity?.byKind.map(\.suppression) == [.small, .cover])
        #expect(try published(minimum: 200).forecast?.kinds == [])
    }

    @Test func theRenderingsSayUnderFiveAndWithheld() throws {
        let calendar = try #require(SitrepFixture.calendar)
        let nb = try published().rendered(as: .markdown, language: .nb, calendar: calendar)
        #expect(nb.contains("| Sagene | 1 | 100 | færre enn 5 | – | – | 0 |"))
        #expect(nb.contains("| Bjerke | 2 | 1100 | skjermet | – | – | 1 |"))
        let en = try published().rendered(as: .markdown, language: .en, calendar: calendar)
        #expect(en.contains("under 5") && en.contains("withheld"))
        for text in ["Refstad", "Tonsenhagen", "facility/", "group:capacity", "open-standby", "Ekstra senger", "intro_start"] {
            #expect(!nb.contains(text) && !en.contains(text), "\(text) in the public report")
        }
    }
}
