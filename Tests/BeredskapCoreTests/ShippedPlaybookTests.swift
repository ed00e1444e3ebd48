import BeredskapJSON
import Foundation
import Testing
@testable import BeredskapCore

/// The playbooks in `Playbooks/` against the real configuration: the groups of the shipped
/// `beredskap.json5`, the alert rules the engine has, the facilities of `Config/oslo`. A
/// shipped card that fails to load would leave the daemon without it during a surge.
@Suite struct ShippedPlaybookTests {
    /// The repository root, three levels above this file (Tests/BeredskapCoreTests/…).
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let rules: Set<String> = [
        "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "surge_level", "stale_report",
        "notification_dead", "deadline_overdue", "settlement_lag",
    ]

    private static func context() throws -> PlaybookValidationContext {
        let text = try String(contentsOf: root.appendingPathComponent("Config/oslo/facilities.json5"), encoding: .utf8)
        let facilities = try JSONParser.parse(text, options: .json5)["facilities"]?.arrayValue ?? []
        let ids = facilities.compactMap { $0["id"]?.stringValue }
        #expect(ids.count == facilities.count && !ids.isEmpty)
        let groups = ["beredskapsetaten", "admin-koordinering", "politisk-koordinering"]
            + District.oslo.map { NotificationRouting.contactPoint(of: $0.id) }
        return PlaybookValidationContext(groups: Set(groups), rules: rules, facilities: Set(ids))
    }

    private static func load() throws -> Result<PlaybookSet, PlaybookSetFailure> {
        PlaybookSet.load(directory: root.appendingPathComponent("Playbooks").path, context: try context())
    }

    @Test("Every shipped playbook loads without a problem")
    func noProblems() throws {
        if case .failure(let failure) = try Self.load() {
            Issue.record("\(failure.problems.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("A surge to elevated, high and crisis each starts its own playbook")
    func surgePlaybooks() throws {
        let set = try Self.load().get()
        for (level, id) in [(SurgeLevel.elevated, "surge-elevated"), (.high, "surge-high"), (.crisis, "surge-crisis")] {
            #expect(set.started(bySurgeLevel: level).map(\.id) == [id])
        }
        #expect(set.started(bySurgeLevel: .normal).isEmpty)
    }

    @Test("A near-full facility and a cap breach start their playbooks, owned in part by the host district")
    func alertPlaybooks() throws {
        let set = try Self.load().get()
        let nearFull = set.started(by: AlertKey(rule: "facility_utilization", subject: "facility/refstad"), severity: .warning)
        #expect(nearFull.map(\.id) == ["facility-near-full"])
        #expect(nearFull.first?.steps.contains { $0.owner == NotificationRouting.districtPlaceholder } == true)
        #expect(set.started(by: AlertKey(rule: "facility_utilization", subject: "facility/refstad"), severity: .info).isEmpty)
        let cap = set.started(by: AlertKey(rule: "facility_cap", subject: "facility/oslo-mottak"), severity: .critical)
        #expect(cap.map(\.id) == ["cap-breach"])
        let lag = set.started(by: AlertKey(rule: "settlement_lag", subject: "district/vestre-aker"), severity: .warning)
        #expect(lag.map(\.id) == ["settlement-lag"])
        #expect(lag.first?.steps.contains { $0.owner == NotificationRouting.districtPlaceholder } == true)
        let backlog = set.started(by: AlertKey(rule: "deadline_overdue", subject: "deadline/health_exam/alna"), severity: .warning)
        #expect(backlog.map(\.id) == ["health-exam-backlog"])
        #expect(set.started(by: AlertKey(rule: "deadline_overdue", subject: "deadline/tb_screening/alna"), severity: .warning).isEmpty)
    }

    @Test("Each file is named after its playbook id")
    func fileNames() throws {
        let set = try Self.load().get()
        #expect(set.playbooks.count == 7)
        for playbook in set.playbooks {
            #expect(set.files[playbook.id] == playbook.id + PlaybookSet.fileExtension)
        }
    }

    /// Every way the daemon starts a run of `card`: its own trigger (an alert in a district
    /// and outside every district, or each surge level), and by hand — bare, about a subject,
    /// about an alert (a surge card by hand is about the city at the current level).
    private static func triggers(for card: PlaybookDefinition) -> [PlaybookRunTrigger] {
        var rule = "facility_cap"
        var own: [PlaybookRunTrigger] = []
        var levels: [SurgeLevel?] = [nil]
        switch card.trigger {
        case .alert(let alert):
            rule = alert.rule
            let inDistrict = PlaybookRunTrigger(
                kind: .alert, alert: 12, rule: rule, subject: "facility/refstad", severity: .critical, district: "bjerke")
            own = [inDistrict, PlaybookRunTrigger(
                kind: .alert, alert: 13, rule: rule, subject: "facility/omsorgssenter-1", severity: .warning)]
        case .surge(let surge):
            own = [PlaybookRunTrigger(kind: .surge, subject: "city", level: surge.level)]
            levels = SurgeLevel.allCases
        case .manual:
            break
        }
        let byHand = levels.flatMap { level -> [PlaybookRunTrigger] in
            let about = level == nil ? nil : "city"
            return [
                PlaybookRunTrigger(kind: .manual, subject: about, level: level),
                PlaybookRunTrigger(kind: .manual, rule: rule, subject: about ?? "facility/refstad", district: about == nil ? "bjerke" : nil, level: level),
                PlaybookRunTrigger(
                    kind: .manual, alert: 14, rule: rule, subject: "facility/refstad", severity: .warning, district: "bjerke", level: level),
            ]
        }
        return own + byHand
    }

    /// Every string of a value as JSON, keys aside.
    private static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings(in:))
        case .object(let members): members.flatMap { strings(in: $0.value) }
        default: []
        }
    }

    @Test("No shipped card sends a {placeholder}, however its run comes about")
    func noPlaceholderReachesAnyone() throws {
        let set = try Self.load().get()
        for card in set.playbooks {
            for trigger in Self.triggers(for: card) {
                let values = PlaybookRunValues(
                    playbook: card.id, trigger: trigger, subjectName: trigger.subject.map { Text("Navn \($0)", nb: "Navn \($0)") },
                    districtName: trigger.district.map { Text($0.capitalized, nb: $0.capitalized) }, fallbackGroup: card.escalationGroup)
                do {
                    let resolved = try card.resolved(with: values)
                    let texts = Self.strings(in: try JSONValueEncoder().encode(resolved))
                    #expect(!texts.contains { $0.contains("{") }, "\(card.id) with \(trigger): \(texts.filter { $0.contains("{") })")
                } catch let error as PlaybookResolutionError {
                    // Only a start by hand that does not say what the card is about is refused.
                    #expect(trigger.kind == .manual && trigger.alert == nil && card.needsSubject, "\(card.id) with \(trigger): \(error)")
                }
            }
        }
    }
}
