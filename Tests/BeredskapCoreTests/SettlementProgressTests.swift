import BeredskapCore
import Testing

/// Progress against the quotas (`SettlementProgress`): the days-elapsed convention at the
/// year's boundaries and in a leap year, clamping outside the year, rounding, the lag
/// thresholds, and the `settlement_lag` verdict; the difference of a proposal to the quotas.
@Suite struct SettlementProgressTests {
    static let thresholds = SettlementLagThresholds(minLag: 10, minLagShare: 0.25)

    static func date(_ text: String) -> CalendarDate {
        CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0)
    }

    static func progress(_ year: Int, at: String, quota: Int = 365, settled: Int = 0) -> SettlementProgress {
        SettlementProgress(
            year: year, at: date(at), quotas: ["ullern": quota], settled: ["ullern": settled], districts: ["ullern"],
            thresholds: thresholds)
    }

    @Test func onTheFirstOfJanuaryOneDayIsExpectedAndOnTheLastTheWholeQuota() {
        let first = Self.progress(2015, at: "2015-01-01")
        #expect(first.daysElapsed == 1)
        #expect(first.daysInYear == 365)
        #expect(first.rows[0].expected == 1)
        let last = Self.progress(2015, at: "2015-12-31")
        #expect(last.daysElapsed == 365)
        #expect(last.rows[0].expected == 365)
    }

    @Test func aLeapYearHas366DaysAndCountsThe29thOfFebruary() {
        #expect(SettlementProgress.daysInYear(2016) == 366)
        #expect(SettlementProgress.daysInYear(2100) == 365)
        #expect(SettlementProgress.daysInYear(2000) == 366)
        let leap = Self.progress(2016, at: "2016-02-29", quota: 366)
        #expect(leap.daysElapsed == 60)
        #expect(leap.rows[0].expected == 60)
        #expect(Self.progress(2016, at: "2016-03-01", quota: 366).daysElapsed == 61)
        #expect(Self.progress(2015, at: "2015-03-01").daysElapsed == 60)
        #expect(Self.progress(2016, at: "2016-12-31", quota: 75).rows[0].expected == 75)
        #expect(Self.progress(2016, at: "2016-01-01", quota: 366).rows[0].expected == 1)
    }

    @Test func aDateOutsideTheYearClamps() {
        let before = Self.progress(2016, at: "2015-12-31", quota: 50, settled: 0)
        #expect(before.daysElapsed == 0)
        #expect(before.rows[0].expected == 0)
        #expect(before.rows[0].shareOfExpected == nil)
        #expect(before.rows[0].lagging == false)
        let after = Self.progress(2016, at: "2017-06-01", quota: 50, settled: 20)
        #expect(after.daysElapsed == 366)
        #expect(after.rows[0].expected == 50)
        #expect(after.rows[0].lag == 30)
    }

    /// The seed's table on 1 September 2016 (day 245 of 366): Vestre Aker 0 of 75 and Ullern 4
    /// of 50 are far behind; St. Hanshaugen, 53 of 58, is ahead.
    @Test func theFirstOfSeptember2016ShowsWhoLags() {
        let progress = SettlementProgress(
            year: 2016, at: Self.date("2016-09-01"), quotas: ["vestre-aker": 75, "ullern": 50, "st-hanshaugen": 58],
            settled: ["ullern": 4, "st-hanshaugen": 53], districts: ["st-hanshaugen", "ullern", "vestre-aker"],
            thresholds: Self.thresholds)
        #expect(progress.daysElapsed == 245)
        #expect(progress.rows.map(\.district) == ["st-hanshaugen", "ullern", "vestre-aker"])
        let vestreAker = progress.rows[2]
        #expect(abs(vestreAker.expected - 75.0 * 245 / 366) < 1e-9)
        #expect(SettlementProgress.persons(vestreAker.expected) == 50)
        #expect(vestreAker.settled == 0)
        #expect(vestreAker.lagging)
        #expect(progress.rows[1].lagging)
        #expect(SettlementProgress.persons(progress.rows[1].lag) == 29)
        #expect(!progress.rows[0].lagging)
        #expect(progress.rows[0].lag < 0)
        #expect(progress.lagging.map(\.district) == ["ullern", "vestre-aker"])
        #expect(progress.total.quota == 183)
        #expect(progress.total.settled == 57)
        #expect(progress.total.district == "city")
    }

    @Test func figuresAreShownRoundedHalfUp() {
        #expect(SettlementProgress.persons(2.5) == 3)
        #expect(SettlementProgress.persons(2.49) == 2)
        #expect(SettlementProgress.persons(-2.5) == -2)
        #expect(SettlementProgress.persons(0) == 0)
    }

    /// Both thresholds must be exceeded: many behind but a small share, or a large share of a
    /// small expected, is not lagging.
    @Test func laggingNeedsBothThresholds() {
        let thresholds = Self.thresholds
        #expect(thresholds.lagging(lag: 11, expected: 40))
        #expect(!thresholds.lagging(lag: 10, expected: 20), "exactly min_lag does not exceed it")
        #expect(!thresholds.lagging(lag: 20, expected: 100), "20 % behind")
        #expect(!thresholds.lagging(lag: 5, expected: 5), "all of a small expected")
        #expect(!thresholds.lagging(lag: 0, expected: 0))
        #expect(SettlementLagThresholds(minLag: -1, minLagShare: 0.2).problems().map(\.field) == ["min_lag"])
        #expect(SettlementLagThresholds(minLag: 1, minLagShare: 1.5).problems().map(\.field) == ["min_lag_share"])
    }

    @Test func theRuleFiresForALaggingDistrictAndLooksAgainAtMidnight() {
        let midnight = Timestamp(millisecondsSinceEpoch: 1_000_000)
        func figures(settled: Int, today: String = "2016-09-01") -> AlertFigures {
            AlertFigures(
                facilities: [:], places: [:], surgeLevel: .normal, now: Timestamp(millisecondsSinceEpoch: 0), cap: 1000,
                deadNotifications: [],
                settlement: SettlementFigures(
                    year: 2016, today: Self.date(today), quotas: ["ullern": 50], settled: ["ullern": settled], nextDay: midnight))
        }
        let condition = AlertCondition.settlementLag(.warning, Self.thresholds)
        #expect(condition.ruleID == "settlement_lag")
        let behind = condition.verdict(for: "district/ullern", figures(settled: 4), active: nil)
        #expect(behind.severity == .warning)
        #expect(behind.district == "ullern")
        #expect(behind.value == 29.5)
        #expect(behind.threshold == 10)
        #expect(condition.verdict(for: "district/ullern", figures(settled: 30), active: .warning).severity == nil)
        #expect(condition.verdict(for: "district/alna", figures(settled: 4), active: nil).severity == nil, "no quota")
        #expect(condition.verdict(for: "facility/refstad", figures(settled: 4), active: nil) == AlertVerdict())
        #expect(condition.nextCheck(for: "district/ullern", figures(settled: 4)) == midnight)
        #expect(condition.nextCheck(for: "city", figures(settled: 4)) == nil)
    }

    @Test func quotasNeedEveryDistrictOnceAndNoNegative() {
        let districts = ["ullern", "alna"]
        #expect(QuotaRules.problems(["ullern": 5, "alna": 0], districts: districts).isEmpty)
        #expect(QuotaRules.problems(["ullern": 5], districts: districts).map(\.field) == ["quotas.alna"])
        #expect(QuotaRules.problems(["ullern": 5, "alna": 1, "oslo": 2], districts: districts).map(\.field) == ["quotas.oslo"])
        #expect(QuotaRules.problems(["ullern": -1, "alna": 1], districts: districts).map(\.field) == ["quotas.ullern"])
    }

    @Test func aProposalIsComparedWithTheQuotasInForce() {
        let difference = QuotaDifference(
            adopted: ["ullern": 50, "alna": 76], proposed: ["ullern": 55, "alna": 76, "grorud": 3],
            districts: ["grorud", "ullern", "alna"])
        #expect(difference.rows.map(\.district) == ["grorud", "ullern", "alna"])
        #expect(difference.rows[0] == QuotaDifference.Row(district: "grorud", adopted: nil, proposed: 3, change: 3))
        #expect(difference.rows[1].change == 5)
        #expect(difference.changed.map(\.district) == ["grorud", "ullern"])
        #expect(difference.adoptedTotal == 126)
        #expect(difference.proposedTotal == 134)
        #expect(difference.change == 8)
    }
}
