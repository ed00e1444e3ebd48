import BeredskapJSON
import Foundation
import Testing
@testable import BeredskapCore

/// Filling in a card for one run: names in each language, groups resolved, and a refusal
/// rather than a `{placeholder}` reaching anyone.
@Suite struct PlaybookResolutionTests {
    static let refstad = PlaybookRunTrigger(
        kind: .alert, alert: 12, rule: "facility_utilization", subject: "facility/refstad", severity: .critical,
        district: "bjerke")

    static func values(_ trigger: PlaybookRunTrigger, playbook: String = "near-full") -> PlaybookRunValues {
        PlaybookRunValues(
            playbook: playbook, trigger: trigger,
            subjectName: trigger.subject == "facility/refstad" ? Text("Refstad transittmottak", nb: "Refstad transittmottak") : nil,
            districtName: trigger.district.map { _ in Text("Bjerke", nb: "Bjerke") }, fallbackGroup: "beredskapsetaten")
    }

    static let nearFull = playbookSource(
        extra: #"escalation_group: "beredskapsetaten","#,
        steps: stepSource("tell", owner: "bydel:{district}", action: """
            { notify: { groups: ["bydel:{district}", "beredskapsetaten", "bydel:{district}"],
                        message: { nb: "{subject} i {district} er nær fullt ({severity})", en: "{subject} in {district} is near full ({severity})" } } }
            """)
            + stepSource("wait", action: #"{ wait_for: { utilization_below: { subject: "{subject}", value: 0.8 } } }"#)
            + stepSource("log", action: #"{ log: { text: { nb: "{rule}: {playbook}", en: "{rule}: {playbook}" } } }"#))

    @Test func everyPlaceholderIsFilledWithNamesInItsOwnLanguageAndGroupsWithTheDistrict() throws {
        let card = try decodePlaybook(Self.nearFull).resolved(with: Self.values(Self.refstad))
        guard case .notify(let notify) = card.steps[0].action else { Issue.record("not a notify step"); return }
        #expect(notify.message.nb == "Refstad transittmottak i Bjerke er nær fullt (kritisk)")
        #expect(notify.message.en == "Refstad transittmottak in Bjerke is near full (critical)")
        #expect(notify.groups == ["bydel:bjerke", "beredskapsetaten"], "resolved and without repeats")
        #expect(card.steps[0].owner == "bydel:bjerke")
        #expect(card.steps[1].action == .waitFor(.utilizationBelow(.init(subject: "facility/refstad", value: 0.8))))
        #expect(card.steps[2].action == .log(.init(text: PlaybookText(nb: "facility_utilization: near-full", en: "facility_utilization: near-full"))))
    }

    @Test func aSurgeLevelReadsAsItsName() throws {
        let card = try decodePlaybook(playbookSource(
            trigger: #"{ surge: { level: "elevated" } }"#,
            steps: stepSource("log", action: #"{ log: { text: { nb: "Ankomstnivå: {level}", en: "Level: {level}" } } }"#)))
        let resolved = try card.resolved(with: Self.values(PlaybookRunTrigger(kind: .surge, subject: "city", level: .high)))
        #expect(resolved.steps[0].action == .log(.init(text: PlaybookText(nb: "Ankomstnivå: høy", en: "Level: high"))))
    }

    @Test func aFacilityOutsideEveryDistrictGetsItsCardOwnedByTheFallback() throws {
        var trigger = Self.refstad
        trigger.district = nil
        let card = try decodePlaybook(Self.nearFull).resolved(with: Self.values(trigger))
        #expect(card.steps[0].owner == "beredskapsetaten")
        guard case .notify(let notify) = card.steps[0].action else { Issue.record("not a notify step"); return }
        #expect(notify.message.nb == "Refstad transittmottak i ingen bydel er nær fullt (kritisk)")
    }

    @Test func whatNoValueFillsIsRefusedByName() throws {
        let card = try decodePlaybook(Self.nearFull)
        #expect(card.needsSubject)
        #expect(throws: PlaybookResolutionError(missing: ["district", "rule", "severity", "subject"])) {
            try card.resolved(with: Self.values(PlaybookRunTrigger(kind: .manual)))
        }
        // About a subject but no alert: only the severity is unknown.
        let aboutRefstad = PlaybookRunTrigger(
            kind: .manual, rule: "facility_utilization", subject: "facility/refstad", district: "bjerke")
        #expect(throws: PlaybookResolutionError(missing: ["severity"])) { try card.resolved(with: Self.values(aboutRefstad)) }
    }

    @Test func aTitleIsFilledInAsAMessageIs() throws {
        let source = playbookSource(steps: stepSource("a").replacingOccurrences(of: "Step a", with: "Count {subject}"))
        let card = try decodePlaybook(source).resolved(with: Self.values(Self.refstad))
        #expect(card.steps[0].title.en == "Count Refstad transittmottak")
        #expect(PlaybookValidation.problems(of: try decodePlaybook(source.replacingOccurrences(of: "{subject}", with: "{level}")),
                                            context: PlaybookValidationContext(groups: ["beredskapsetaten"], rules: ["facility_utilization"], facilities: nil)).map(\.description)
            == ["steps[0].title.en: unknown placeholder {level} (this trigger offers {playbook}, {rule}, {subject}, {severity}, {district})"])
    }

    @Test func aManualCardNeedsNoSubject() throws {
        let card = try decodePlaybook(playbookSource(trigger: "{ manual: true }", steps: stepSource("a")))
        #expect(!card.needsSubject)
        #expect(try card.resolved(with: Self.values(PlaybookRunTrigger(kind: .manual))) == card)
    }
}
