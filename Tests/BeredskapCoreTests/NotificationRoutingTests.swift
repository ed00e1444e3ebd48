import BeredskapJSON
import Testing
@testable import BeredskapCore

private let channels: Set<String> = ["webhook-be", "mail-admin", "mail-politisk", "mail-ullern", "mail-alna"]

/// Beredskapsetaten hears every alert, districts hear about their facilities and themselves,
/// both coordination groups hear critical surges, the administrative group cap breaches.
private let routing = NotificationRouting(
    groups: [
        "beredskapsetaten": ["webhook-be"],
        "admin-koordinering": ["mail-admin"],
        "politisk-koordinering": ["mail-politisk"],
        "bydel:ullern": ["mail-ullern"],
        "bydel:alna": ["mail-alna"],
    ],
    routes: [
        .init(groups: ["beredskapsetaten"]),
        .init(subject: "facility/*", groups: [NotificationRouting.districtPlaceholder]),
        .init(subject: "district/*", groups: [NotificationRouting.districtPlaceholder, "beredskapsetaten"]),
        .init(rule: "surge_level", minimumSeverity: .critical, groups: ["admin-koordinering", "politisk-koordinering"]),
        .init(rule: "facility_cap", groups: ["admin-koordinering"]),
    ],
    escalation: ["admin-koordinering", "politisk-koordinering"])

private func recipients(_ rule: String, _ subject: String, _ severity: AlertSeverity, district: String? = nil) -> [String] {
    routing.recipients(for: AlertKey(rule: rule, subject: subject), severity: severity, district: district)
}

@Suite struct NotificationRoutingTests {
    @Test("Every matching route adds its groups, picked by rule and minimum severity")
    func byRuleAndSeverity() {
        #expect(recipients("surge_level", "city", .warning) == ["beredskapsetaten"])
        #expect(recipients("surge_level", "city", .critical)
            == ["beredskapsetaten", "admin-koordinering", "politisk-koordinering"])
        #expect(recipients("city_utilization", "city", .critical) == ["beredskapsetaten"])
    }

    @Test("A facility alert goes to its district's contact point, and without a district the placeholder is dropped")
    func districtPlaceholder() {
        #expect(recipients("facility_utilization", "facility/refstad", .warning, district: "alna")
            == ["beredskapsetaten", "bydel:alna"])
        #expect(recipients("facility_utilization", "facility/refstad", .warning) == ["beredskapsetaten"])
        #expect(recipients("facility_cap", "facility/refstad", .critical, district: "ullern")
            == ["beredskapsetaten", "bydel:ullern", "admin-koordinering"])
    }

    @Test("Recipients keep route order and name each group once")
    func deduplicatedInOrder() {
        #expect(recipients("settlement_lag", "district/ullern", .warning, district: "ullern")
            == ["beredskapsetaten", "bydel:ullern"])
    }

    @Test("Escalation steps name the groups in order from step 1 and stop after the last")
    func escalationSteps() {
        #expect(routing.escalationGroup(step: 0) == nil)
        #expect(routing.escalationGroup(step: 1) == "admin-koordinering")
        #expect(routing.escalationGroup(step: 2) == "politisk-koordinering")
        #expect(routing.escalationGroup(step: 3) == nil)
        #expect(routing.channels(for: "bydel:alna") == ["mail-alna"])
        #expect(routing.channels(for: "bydel:frogner").isEmpty)
    }

    @Test("A consistent configuration has no problems")
    func validConfiguration() {
        #expect(routing.validate(knownChannels: channels, districts: ["ullern", "alna"]).isEmpty)
    }

    @Test("Validation names unknown channels and groups, bad patterns and empty names by field path")
    func invalidConfiguration() {
        var broken = routing
        broken.groups["beredskapsetaten"] = ["webhook-be", "sms-be"]
        broken.groups["tom"] = []
        broken.routes[1].subject = "Facility/*"
        broken.routes[2].groups = []
        broken.routes[4].groups = ["admin-koordinering", "admin-kordinering"]
        broken.escalation = ["admin-koordinering", ""]
        #expect(broken.validate(knownChannels: channels).map(\.field) == [
            "groups.beredskapsetaten[1]", "groups.tom", "routes[1].subject", "routes[2].groups",
            "routes[4].groups[1]", "escalation[1]",
        ])
        let problem = broken.validate(knownChannels: channels).first { $0.field == "routes[4].groups[1]" }
        #expect(problem?.problem.en == "unknown group admin-kordinering")
    }

    @Test("Validation asks for a contact point group for each district when routes use the placeholder")
    func missingContactPoint() {
        let problems = routing.validate(knownChannels: channels, districts: ["ullern", "frogner"])
        #expect(problems.map(\.description) == ["groups: no contact point group bydel:frogner for district frogner"])
    }

    @Test("The routing configuration survives a JSON round trip with group names kept verbatim")
    func codableRoundTrip() throws {
        let bytes = try JSONValueEncoder().encodeBytes(routing)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"bydel:ullern\"") && text.contains("\"minimum_severity\":\"critical\""))
        #expect(try JSONValueDecoder().decode(NotificationRouting.self, from: bytes) == routing)
    }
}
