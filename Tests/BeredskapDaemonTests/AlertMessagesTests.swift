import BeredskapCore
import BeredskapStore
import Testing

@testable import BeredskapDaemon

/// The texts people read: bokmål or English, values as they would say them, drills marked.
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

    @Test func subjectLinesInBothLanguages() {
        let alert = Self.alert()
        #expect(AlertMessages.subjectLine(alert, .lifecycle(.firing), name: "Refstad", language: .nb) == "[KRITISK] Refstad: høyt belegg")
        #expect(AlertMessages.subjectLine(alert, .lifecycle(.firing), name: "Refstad", language: .en) == "[CRITICAL] Refstad: occupancy high")
        #expect(AlertMessages.subjectLine(alert, .lifecycle(.resolved), name: "Refstad", language: .nb) == "[OPPHØRT] Refstad: høyt belegg")
        #expect(AlertMessages.subjectLine(alert, .escalation(step: 2), name: "Refstad", language: .nb)
            == "[KRITISK, ESKALERT 2] Refstad: høyt belegg")
    }

    @Test func exerciseAlertsArePrefixed() {
        let drill = Self.alert(exercise: true)
        #expect(AlertMessages.subjectLine(drill, .lifecycle(.firing), name: "Refstad", language: .nb).hasPrefix("[ØVELSE] [KRITISK]"))
        let document = AlertMessages.document(drill, .lifecycle(.firing), group: "beredskapsetaten", name: "Refstad", language: .nb, key: "k")
        #expect(document["exercise"]?.boolValue == true)
        #expect(document["text"]?.stringValue?.hasPrefix("[ØVELSE]") == true)
    }

    @Test func valuesReadAsPeopleSayThem() {
        let body = AlertMessages.body(Self.alert(), .lifecycle(.firing), name: "Refstad", language: .nb)
        #expect(body.contains("Verdi: 96 % (terskel 95 %)"))
        #expect(body.contains("beredskap alert ack 7"))
        let cap = Self.alert(rule: "facility_cap", value: 1200, threshold: 1000)
        #expect(AlertMessages.subjectLine(cap, .lifecycle(.firing), name: "Refstad", language: .en)
            == "[CRITICAL] Refstad: above the cap of 1000 places")
        #expect(AlertMessages.body(cap, .lifecycle(.firing), name: "Refstad", language: .en).contains("Value: 1200 (threshold 1000)"))
    }
}
