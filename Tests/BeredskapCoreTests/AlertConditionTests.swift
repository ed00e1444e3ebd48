import Testing
@testable import BeredskapCore

private let now = Timestamp(millisecondsSinceEpoch: 1_795_338_000_000)
private let hour: Int64 = 3_600_000
private let thresholds = AlertThresholds(warning: 0.85, critical: 0.95, clear: 0.80)

private func hoursAgo(_ hours: Double) -> Timestamp { now.adding(milliseconds: -Int64(hours * Double(hour))) }

/// Refstad (`facility/refstad`) in Grorud, created two days ago.
private func refstad(
    _ status: FacilityStatus = .open, capacity: Int = 100, occupied: Int = 0, blocked: Int = 0, expansion: Int? = nil,
    lastReportAt: Timestamp? = nil, createdAt: Timestamp = hoursAgo(48)
) -> Facility {
    Facility(
        id: "refstad", name: "Refstad", kind: .transit, status: status, operatorName: "Hero", district: "grorud",
        authority: .udi, capacity: capacity, expansionCapacity: expansion, blocked: blocked, occupied: occupied,
        lastReportAt: lastReportAt, createdAt: createdAt, updatedAt: createdAt)
}

private func figures(
    _ facilities: [Facility] = [], places: [FacilityKind: PlaceCount] = [:], surge: SurgeLevel = .normal, cap: Int = 1000,
    dead: Set<Int64> = []
) -> AlertFigures {
    AlertFigures(
        facilities: Dictionary(uniqueKeysWithValues: facilities.map { ($0.id, $0) }), places: places, surgeLevel: surge,
        now: now, cap: cap, deadNotifications: dead)
}

private let facilityRule = AlertCondition.facilityUtilization(thresholds)

@Suite struct AlertConditionTests {
    @Test("Each condition has the rule id of API.md")
    func ruleIDs() {
        let ids = [
            AlertCondition.facilityUtilization(thresholds), .kindUtilization(thresholds), .cityUtilization(thresholds),
            .facilityCap(.critical), .staleReport(.warning, after: .seconds(3600)),
            .surgeLevel(elevated: .info, high: .warning, crisis: .critical), .notificationDead(.critical),
        ].map(\.ruleID)
        #expect(ids == [
            "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "stale_report", "surge_level",
            "notification_dead",
        ])
    }

    // MARK: Utilization

    @Test("A facility's utilization enters warning and critical at the thresholds, with the threshold crossed")
    func facilityUtilization() {
        func verdict(_ occupied: Int, active: AlertSeverity? = nil) -> AlertVerdict {
            facilityRule.verdict(for: "facility/refstad", figures([refstad(occupied: occupied)]), active: active)
        }
        #expect(verdict(84) == AlertVerdict(value: 0.84, district: "grorud"))
        #expect(verdict(85) == AlertVerdict(severity: .warning, value: 0.85, threshold: 0.85, district: "grorud"))
        #expect(verdict(95) == AlertVerdict(severity: .critical, value: 0.95, threshold: 0.95, district: "grorud"))
        #expect(verdict(120) == AlertVerdict(severity: .critical, value: 1.2, threshold: 0.95, district: "grorud"))
        // Hysteresis: an open alert stays a warning until below clear.
        #expect(verdict(82, active: .critical) == AlertVerdict(severity: .warning, value: 0.82, threshold: 0.85, district: "grorud"))
        #expect(verdict(79, active: .warning) == AlertVerdict(value: 0.79, district: "grorud"))
    }

    @Test("A facility's utilization needs an operating facility that was read, with places available")
    func facilityUtilizationWithoutFigures() {
        let full = figures([refstad(.standby, occupied: 100)])
        #expect(facilityRule.verdict(for: "facility/refstad", full, active: .warning) == AlertVerdict())
        #expect(facilityRule.verdict(for: "facility/torshov", full, active: nil) == AlertVerdict())
        #expect(facilityRule.verdict(for: "kind/transit", full, active: nil) == AlertVerdict())
        // Every place blocked: no utilization, so no verdict but the district.
        let blocked = figures([refstad(occupied: 10, blocked: 100)])
        #expect(facilityRule.verdict(for: "facility/refstad", blocked, active: .warning) == AlertVerdict(district: "grorud"))
    }

    @Test("A kind's utilization is over the places of its facilities; a subject that names no kind has none")
    func kindUtilization() {
        let rule = AlertCondition.kindUtilization(thresholds)
        let places = figures(places: [.transit: (occupied: 90, available: 100), .arrival: (occupied: 5, available: 0)])
        #expect(rule.verdict(for: "kind/transit", places, active: nil) == AlertVerdict(severity: .warning, value: 0.9, threshold: 0.85))
        #expect(rule.verdict(for: "kind/arrival", places, active: .warning) == AlertVerdict())
        #expect(rule.verdict(for: "kind/ordinary", places, active: nil) == AlertVerdict())
        #expect(rule.verdict(for: "kind/nonsense", places, active: nil) == AlertVerdict())
        #expect(rule.verdict(for: "city", places, active: nil) == AlertVerdict())
    }

    @Test("The city's utilization is over the places of every kind together")
    func cityUtilization() {
        let rule = AlertCondition.cityUtilization(thresholds)
        let places = figures(places: [.transit: (occupied: 90, available: 100), .arrival: (occupied: 6, available: 0)])
        #expect(rule.verdict(for: "city", places, active: nil) == AlertVerdict(severity: .critical, value: 0.96, threshold: 0.95))
        #expect(rule.verdict(for: "city", figures(), active: .critical) == AlertVerdict())
    }

    @Test("Places count and utilization add up the kinds; nothing available is no utilization")
    func placeUtilization() {
        let byKind: [FacilityKind: PlaceCount] = [.transit: (occupied: 90, available: 100), .arrival: (occupied: 10, available: 60)]
        let city = PlaceUtilization.city(byKind)
        #expect(city.occupied == 100 && city.available == 160)
        #expect(PlaceUtilization.ratio(city) == 0.625)
        #expect(PlaceUtilization.ratio((occupied: 3, available: 0)) == nil)
        #expect(PlaceUtilization.city([:]).available == 0)
    }

    // MARK: The cap

    @Test("A facility above the cap holds the rule's severity, measured by its larger capacity")
    func facilityCap() {
        let rule = AlertCondition.facilityCap(.critical)
        let over = figures([refstad(capacity: 900, expansion: 1100)])
        #expect(rule.verdict(for: "facility/refstad", over, active: nil)
            == AlertVerdict(severity: .critical, value: 1100, threshold: 1000, district: "grorud"))
        let at = figures([refstad(capacity: 1000)])
        #expect(rule.verdict(for: "facility/refstad", at, active: .critical) == AlertVerdict(value: 1000, threshold: 1000, district: "grorud"))
        // Closed or not, the cap is about what is declared.
        let closed = figures([refstad(.closed, capacity: 1200)], cap: 1000)
        #expect(rule.verdict(for: "facility/refstad", closed, active: nil).severity == .critical)
        #expect(rule.verdict(for: "facility/torshov", closed, active: nil) == AlertVerdict())
    }

    // MARK: Staleness

    @Test("An operating facility is stale once its last head count is older than after, with the hours in tenths")
    func staleReport() {
        let rule = AlertCondition.staleReport(.warning, after: .seconds(24 * 3600))
        let stale = figures([refstad(lastReportAt: hoursAgo(30.04))])
        #expect(rule.verdict(for: "facility/refstad", stale, active: nil)
            == AlertVerdict(severity: .warning, value: 30, threshold: 24, district: "grorud"))
        let exactly = figures([refstad(lastReportAt: hoursAgo(24))])
        #expect(rule.verdict(for: "facility/refstad", exactly, active: nil).severity == .warning)
        let fresh = figures([refstad(lastReportAt: hoursAgo(2.26))])
        #expect(rule.verdict(for: "facility/refstad", fresh, active: nil) == AlertVerdict(value: 2.3, threshold: 24, district: "grorud"))
    }

    @Test("Without a head count, staleness counts from the facility's creation; one not operating is never stale")
    func staleReportWithoutCount() {
        let rule = AlertCondition.staleReport(.warning, after: .seconds(24 * 3600))
        let new = figures([refstad(createdAt: hoursAgo(1))])
        #expect(rule.verdict(for: "facility/refstad", new, active: nil) == AlertVerdict(value: 1, threshold: 24, district: "grorud"))
        let old = figures([refstad(createdAt: hoursAgo(25))])
        #expect(rule.verdict(for: "facility/refstad", old, active: nil).severity == .warning)
        let standby = figures([refstad(.standby, createdAt: hoursAgo(100))])
        #expect(rule.verdict(for: "facility/refstad", standby, active: .warning) == AlertVerdict())
        #expect(rule.verdict(for: "facility/torshov", standby, active: nil) == AlertVerdict())
    }

    @Test("Only staleness changes by time alone: the rule looks again when a facility will become stale")
    func nextCheck() {
        let rule = AlertCondition.staleReport(.warning, after: .seconds(24 * 3600))
        let counted = hoursAgo(2)
        let fresh = figures([refstad(lastReportAt: counted)])
        #expect(rule.nextCheck(for: "facility/refstad", fresh) == counted.adding(milliseconds: 24 * hour))
        #expect(rule.nextCheck(for: "facility/refstad", figures([refstad(lastReportAt: hoursAgo(24))])) == nil)
        #expect(rule.nextCheck(for: "facility/refstad", figures([refstad(.closed, lastReportAt: counted)])) == nil)
        #expect(rule.nextCheck(for: "facility/torshov", fresh) == nil)
        #expect(facilityRule.nextCheck(for: "facility/refstad", fresh) == nil)
        #expect(AlertCondition.facilityCap(.critical).nextCheck(for: "facility/refstad", fresh) == nil)
    }

    @Test("A stale report's value grows with the clock while it holds; every other value is the one evaluated")
    func currentValue() {
        let key = AlertKey(rule: "stale_report", subject: "facility/refstad")
        let keep = AlertLifecycle.Policy(forDuration: .seconds(0), keepFiringFor: .seconds(3600))
        var lifecycle = AlertLifecycle.start(key: key, severity: .warning, at: hoursAgo(3), policy: keep).0
        let later = now
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: 30, at: later) == 33)
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: 30.04, at: hoursAgo(3)) == 30)
        // A clock that went back projects nothing backwards.
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: 30, at: hoursAgo(5)) == 30)
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: nil, at: later) == nil)
        #expect(AlertCondition.value(of: "facility_utilization", lifecycle, evaluated: 0.9, at: later) == 0.9)
        // Cleared (held open by keep_firing_for), then resolved: the value stays what it was.
        _ = lifecycle.observe(nil, at: hoursAgo(2))
        #expect(lifecycle.isOpen)
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: 31, at: later) == 31)
        _ = lifecycle.advance(to: later)
        #expect(!lifecycle.isOpen)
        #expect(AlertCondition.value(of: "stale_report", lifecycle, evaluated: 31, at: later.adding(milliseconds: hour)) == 31)
    }

    // MARK: Surge and notifications

    @Test("The surge level's alert has the severity set for the level, and the level's rank as its value")
    func surgeLevel() {
        let rule = AlertCondition.surgeLevel(elevated: nil, high: .warning, crisis: .critical)
        #expect(rule.verdict(for: "city", figures(surge: .normal), active: nil) == AlertVerdict(value: 0))
        #expect(rule.verdict(for: "city", figures(surge: .elevated), active: nil) == AlertVerdict(value: 1))
        #expect(rule.verdict(for: "city", figures(surge: .high), active: nil) == AlertVerdict(severity: .warning, value: 2))
        #expect(rule.verdict(for: "city", figures(surge: .crisis), active: nil) == AlertVerdict(severity: .critical, value: 3))
        let everyLevel = AlertCondition.surgeLevel(elevated: .info, high: .info, crisis: .info)
        #expect(everyLevel.verdict(for: "city", figures(surge: .elevated), active: nil).severity == .info)
    }

    @Test("A dead notification holds until it is delivered or queued again")
    func notificationDead() {
        let rule = AlertCondition.notificationDead(.critical)
        let dead = figures(dead: [7])
        #expect(rule.verdict(for: "notification/7", dead, active: nil) == AlertVerdict(severity: .critical))
        #expect(rule.verdict(for: "notification/8", dead, active: .critical) == AlertVerdict())
        #expect(rule.verdict(for: "notification/seven", dead, active: nil) == AlertVerdict())
        #expect(rule.verdict(for: "facility/7", dead, active: nil) == AlertVerdict())
    }

    // MARK: What an open alert shows

    @Test("An open alert shows the current value, the threshold last crossed, and the district when known")
    func shown() {
        let holding = AlertVerdict(severity: .critical, value: 0.97, threshold: 0.95, district: "grorud")
        #expect(holding.shown(value: 0.9, threshold: 0.85, district: nil) == (0.97, 0.95, "grorud"))
        // Clear (held open by keep_firing_for): the value moves, the threshold stays the one crossed.
        let clear = AlertVerdict(value: 0.7, district: nil)
        #expect(clear.shown(value: 0.97, threshold: 0.95, district: "grorud") == (0.7, 0.95, "grorud"))
        // No figure at all (nothing available): what it showed stays.
        #expect(AlertVerdict().shown(value: 0.97, threshold: 0.95, district: "grorud") == (0.97, 0.95, "grorud"))
        #expect(AlertVerdict(severity: .warning).shown(value: 2, threshold: 1, district: nil) == (2, 1, nil))
    }
}
