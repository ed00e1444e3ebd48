import Testing
@testable import BeredskapCore

@Suite struct ThresholdLevelTests {
    let thresholds = AlertThresholds(warning: 0.85, critical: 0.95, clear: 0.8)

    func severity(_ value: Double, active: AlertSeverity?) -> AlertSeverity? {
        ThresholdLevel.severity(for: value, thresholds: thresholds, active: active)
    }

    @Test func withNothingActiveTheThresholdsAloneDecideAndTheirValuesCountAsReached() {
        #expect(severity(0.84999, active: nil) == nil)
        #expect(severity(0.85, active: nil) == .warning)
        #expect(severity(0.94999, active: nil) == .warning)
        #expect(severity(0.95, active: nil) == .critical)
        #expect(severity(.infinity, active: nil) == .critical)
    }

    @Test func anActiveAlertStaysAWarningBetweenClearAndWarningAndClearsJustBelowClear() {
        for active in [AlertSeverity.warning, .critical] {
            #expect(severity(0.84, active: active) == .warning)
            #expect(severity(0.8, active: active) == .warning)
            #expect(severity(0.79999, active: active) == nil)
        }
    }

    @Test func aCriticalAlertFallsToWarningBelowCriticalAndAWarningRisesAtOnce() {
        #expect(severity(0.9, active: .critical) == .warning)
        #expect(severity(0.96, active: .warning) == .critical)
    }

    @Test func aNaNUtilizationIsNoReadingAndKeepsTheActiveSeverity() {
        #expect(severity(.nan, active: nil) == nil)
        #expect(severity(.nan, active: .critical) == .critical)
    }

    @Test func validThresholdsHaveNoProblemsAndWarningMayEqualCritical() {
        #expect(thresholds.problems().isEmpty)
        #expect(AlertThresholds(warning: 0.9, critical: 0.9, clear: 0).problems().isEmpty)
    }

    @Test(arguments: [
        (AlertThresholds(warning: 0.85, critical: 0.95, clear: 0.85), ["clear"]),
        (AlertThresholds(warning: 0.85, critical: 0.8, clear: 0.7), ["critical"]),
        (AlertThresholds(warning: 0.85, critical: 0.8, clear: 0.9), ["clear", "critical"]),
        (AlertThresholds(warning: .nan, critical: 0.95, clear: -0.1), ["warning", "clear"]),
    ])
    func thresholdsOutOfOrderOrNotNumbersAreReportedByField(thresholds: AlertThresholds, fields: [String]) {
        #expect(thresholds.problems().map(\.field) == fields)
    }
}
