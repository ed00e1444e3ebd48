import BeredskapCore
import BeredskapStore
import Testing

@testable import BeredskapDaemon

/// The texts people read: bokmål or English, names and figures with units, drills marked.
@Suite struct AlertMessagesTests {
    static func alert(rule: String = "facility_utilization", subject: String = "facility/refstad", value: Double? = 0.96,
                      threshold: Double? = 0.95, exercise: Bool = false) -> StoredAlert {
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let (lifecycle, _) = AlertLifecycle.start(
            key: AlertKey(rule: rule, subject: subject), severity: .critical, at: at, policy: AlertLifecycle.Policy())
        return StoredAlert(
            id: 7, lifecycle: lifecycle, flap: FlapDetector(), value: value, threshold: threshold, district: "bjerke",
            silenced: false, exercise: exercise)
    }

    static let refstad = Text("Refstad", nb: "Refstad")

    static func message(
        _ alert: StoredAlert = alert(), _ kind: AlertMessageKind = .lifecycle(.firing), figures: PlaceFigures? = nil,
        language: Language = .nb
    ) -> AlertMessage {
        AlertMessage(alert: alert, kind: kind, name: refstad, figures: figures, language: language)
    }

    @Test func subjectLinesInBothLanguages() {
        #expect(Self.message().subjectLine == "[KRITISK] Refstad: høyt belegg")
        #expect(Self.message(language: .en).subjectLine == "[CRITICAL] Refstad: occupancy high")
        #expect(Self.message(Self.alert(), .lifecycle(.resolved)).subjectLine == "[OPPHØRT] Refstad: høyt belegg")
        #expect(Self.message(Self.alert(), .escalation(step: 2)).subjectLine == "[KRITISK, ESKALERT 2] Refstad: høyt belegg")
    }

    @Test func exerciseAlertsArePrefixed() {
        let drill = Self.message(Self.alert(exercise: true))
        #expect(drill.subjectLine.hasPrefix("[ØVELSE] [KRITISK]"))
        let document = drill.document(group: "beredskapsetaten", key: "k")
        #expect(document["exercise"]?.boolValue == true)
        #expect(document["text"]?.stringValue?.hasPrefix("[ØVELSE]") == true)
    }

    @Test func aUtilizationReadsAsPlacesWithTheFreeOnes() {
        let full = Self.message(Self.alert(value: 0.89, threshold: 0.85), figures: PlaceFigures(occupied: 267, available: 300))
        #expect(full.body.contains("Refstad: 267 av 300 plasser, 33 ledige (89 %; terskel 85 %)."), "\(full.body)")
        #expect(full.body.contains("beredskap alert ack 7"))
        let english = Self.message(Self.alert(value: 0.997, threshold: 0.85), figures: PlaceFigures(occupied: 299, available: 300), language: .en)
        #expect(english.body.contains("Refstad: 299 of 300 places, 1 free (100 %; threshold 85 %)."), "\(english.body)")
        #expect(Self.message(figures: PlaceFigures(occupied: 299, available: 300)).body.contains("1 ledig ("))
        #expect(Self.message().body.contains("Belegg: 96 %; terskel 95 %"), "without figures, the share")
    }

    @Test func otherValuesReadWithTheirUnits() {
        let cap = Self.message(Self.alert(rule: "facility_cap", value: 1200, threshold: 1000), language: .en)
        #expect(cap.subjectLine == "[CRITICAL] Refstad: above the cap of 1000 places")
        #expect(cap.body.contains("Refstad: 1200 places, the cap is 1000."))
        let stale = Self.message(Self.alert(rule: "stale_report", value: 26.5, threshold: 24))
        #expect(stale.body.contains("Siste telling for 26 t 30 min siden (grense 24 t)."), "\(stale.body)")
        let surge = Self.message(Self.alert(rule: "surge_level", subject: "city", value: 1, threshold: nil))
        #expect(surge.body.contains("Ankomstnivå: forhøyet."), "\(surge.body)")
        #expect(!surge.body.contains("Verdi: 1"))
    }

    @Test func durationsReadWithUnits() {
        #expect(FixedDuration.seconds(9000).name == Text("2 h 30 min", nb: "2 t 30 min"))
        #expect(FixedDuration.seconds(1800).name == Text("30 min", nb: "30 min"))
        #expect(FixedDuration.seconds(86_400).name == Text("24 h", nb: "24 t"))
        #expect(FixedDuration.seconds(3 * 86_400 + 4 * 3600).name == Text("3 d 4 h", nb: "3 d 4 t"))
        #expect(FixedDuration.seconds(20).name == Text("20 s", nb: "20 s"))
    }
}
