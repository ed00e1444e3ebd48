import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// How alerts read in the table: values in the unit people use, and marks that change meaning.
@Suite struct AlertFormatTests {
    static let start = Timestamp(rfc3339: "2026-11-22T09:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    static func alert(rule: String = "facility_utilization", value: Double? = 0.964, acknowledged: Bool = false) -> AlertResource {
        let key = AlertKey(rule: rule, subject: "facility/refstad")
        var (lifecycle, _) = AlertLifecycle.start(key: key, severity: .critical, at: start, policy: AlertLifecycle.Policy())
        if acknowledged { try? lifecycle.acknowledge(by: "kari", comment: "Ringer Hero", until: nil, at: start) }
        return AlertResource(
            id: 7, lifecycle: lifecycle, value: value, threshold: 0.95, district: "bjerke", silenced: false, exercise: true,
            flapping: false, now: start)
    }

    @Test func utilizationIsInPerCentAndOtherValuesAsTheyAre() {
        #expect(AlertFormat.value(0.964, rule: "facility_utilization", .en) == "96 %")
        #expect(AlertFormat.value(1200, rule: "facility_cap", .en) == "1200")
        #expect(AlertFormat.value(26.5, rule: "stale_report", .en) == "26 h 30 min")
        #expect(AlertFormat.value(26.5, rule: "stale_report", .nb) == "26 t 30 min")
        #expect(AlertFormat.value(1, rule: "surge_level", .en) == "elevated", "the level, not its rank")
        #expect(AlertFormat.value(3, rule: "surge_level", .nb) == "krise")
        #expect(AlertFormat.value(nil, rule: "surge_level", .en) == "–")
    }

    @Test func aRowNamesWhoHasItAndMarksAnExercise() {
        let output = Output(language: .en, style: TextStyle(enabled: false), format: .human, width: 200, write: { _ in }, writeError: { _ in })
        let row = AlertFormat.row(Self.alert(acknowledged: true), output)
        #expect(row[0] == "7")
        #expect(row[1] == "critical")
        #expect(row[2] == "firing (exercise)")
        #expect(row[5] == "96 %")
        #expect(row[7] == "kari")
        #expect(AlertFormat.row(Self.alert(), output)[7] == "–")
    }

    @Test func criticalRowsAreRedOnlyWhenColourIsOn() {
        let alert = Self.alert()
        #expect(AlertFormat.rowStyle(alert, TextStyle(enabled: false))("x") == "x")
        #expect(AlertFormat.rowStyle(alert, TextStyle(enabled: true))("x").contains("\u{1B}[31m"))
    }

    @Test func csvUsesTheJSONFieldNames() {
        let row = AlertFormat.csvRow(Self.alert(acknowledged: true))
        #expect(row.count == AlertFormat.csvHeader.count)
        #expect(row[AlertFormat.csvHeader.firstIndex(of: "acked_by") ?? 0] == "kari")
        #expect(row[AlertFormat.csvHeader.firstIndex(of: "started_at") ?? 0] == Self.start.rfc3339)
    }
}
